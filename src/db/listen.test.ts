import { createServer, type Server, type Socket, connect as tcp } from "node:net";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, dialects, eventually, type TestDb } from "../../test/harness.js";
import { listenFor } from "./portable.js";

/** A TCP relay to the database that can stop passing the server's bytes on, as a connection that died without a word. */
function relay(target: URL) {
  const sockets: Socket[] = [];
  let silent = false;
  const server: Server = createServer((client) => {
    const upstream = tcp(Number(target.port || 5432), target.hostname);
    sockets.push(client, upstream);
    client.on("data", (d) => upstream.write(d));
    upstream.on("data", (d) => {
      if (!silent) client.write(d);
    });
    for (const s of [client, upstream]) s.on("error", () => {});
  });
  return {
    listen: () => new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port))),
    silence: () => {
      silent = true;
    },
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

describe.runIf(dialects().includes("postgres"))("listening for PostgreSQL's notices", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb("postgres");
  });
  afterAll(() => t.destroy());

  it("hears a committed notice, and counts a connection that stops answering as lost", async () => {
    const url = new URL(t.url as string);
    const proxy = relay(new URL(url));
    url.hostname = "127.0.0.1";
    url.port = String(await proxy.listen());
    const states: boolean[] = [];
    const errors: string[] = [];
    let notices = 0;
    const listening = listenFor(
      url.toString(),
      "sammen_test_channel",
      { notice: () => notices++, listening: (on) => states.push(on), error: (e) => errors.push(e.message) },
      { everyMs: 100, answerMs: 300 },
    );
    try {
      await eventually("listening", () => states.at(-1) === true);
      await sql`SELECT pg_notify('sammen_test_channel', '')`.execute(t.db);
      await eventually("the notice is heard", () => notices === 1);
      // Its own heartbeats are answered and are not notices.
      await new Promise((r) => setTimeout(r, 400));
      expect(notices).toBe(1);
      expect(states).toEqual([true]);

      proxy.silence();
      await eventually("the silent connection counts as lost", () => states.includes(false));
      expect(errors[0]).toMatch(/no answer on sammen_test_channel/);
    } finally {
      await listening.close();
      proxy.close();
    }
  });
});
