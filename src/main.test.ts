import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function until(test: () => Promise<boolean>, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await test().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("timed out");
}

describe("stopping the server", () => {
  let child: ChildProcess | null = null;
  afterAll(() => child?.kill("SIGKILL"));

  it("says 503 on /readyz at SIGTERM, answers every request already sent, then exits cleanly", { timeout: 90_000 }, async () => {
    const port = await freePort();
    const folder = mkdtempSync(join(tmpdir(), "sammen-stop-"));
    child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        SQLITE_FILE: join(folder, "s.sqlite"),
        SEED_DEMO: "false",
        NODE_ENV: "test",
        LOG_LEVEL: "warn",
        SHUTDOWN_DRAIN_SECONDS: "2",
      },
      stdio: "ignore",
    });
    const exited = new Promise<number | null>((resolve) => child?.once("exit", (code) => resolve(code)));
    const base = `http://127.0.0.1:${port}`;
    await until(async () => (await fetch(`${base}/readyz`)).status === 200, 60_000);

    const inFlight = Array.from({ length: 40 }, () => fetch(`${base}/healthz`).then((r) => r.status));
    child.kill("SIGTERM");
    expect(await Promise.all(inFlight)).toEqual(Array(40).fill(200));
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get("connection")).toBe("close");
    expect(await exited).toBe(0);
    child = null;
  });
});
