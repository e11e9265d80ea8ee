import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import http from "node:http";
import { fileURLToPath } from "node:url";
import type { Received, Sent } from "./client.js";
import type { Reply, Request, Snapshot } from "./server.js";

/** How long one request may take before the probe calls it a hang: a hundred times a slow page on a busy machine. */
export const REQUEST_TIMEOUT_MS = Number(process.env.SECURITY_REQUEST_TIMEOUT_MS ?? 4000);

export type Outcome = ({ kind: "response" } & Received) | { kind: "hang" | "crash"; requestId: string; error: string };

type RequestBody = Request extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

/**
 * The app in a child process on a loopback port. A request that hangs or kills the process is an
 * outcome, not the end of the run: the process is started again on the same database, put back to
 * the pristine copy, and the probe goes on.
 */
export class Target {
  private child: ChildProcess | null = null;
  private port = 0;
  private seq = 1;
  private waiting = new Map<number, { resolve: (r: Reply) => void }>();
  private errors = new Map<string, string>();
  private stderr: string[] = [];
  private agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  restarts = 0;

  constructor(private env: { PROBE_CONFIG: string; PROBE_PRISTINE: string; PROBE_NOW: string }) {}

  async start() {
    const entry = fileURLToPath(new URL("./server.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", "--max-old-space-size=768", entry], {
      env: { ...process.env, ...this.env },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    this.child = child;
    let buffered = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) this.remember(line);
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      this.stderr.push(chunk.toString());
      if (this.stderr.length > 50) this.stderr.shift();
    });
    child.on("message", (reply: Reply) => this.waiting.get(reply.id)?.resolve(reply));
    child.on("exit", () => {
      for (const w of this.waiting.values()) w.resolve({ id: -1, ok: false, error: `the app process ended\n${this.stderr.join("")}` });
      this.waiting.clear();
    });
    this.port = (await new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the app did not start:\n${this.stderr.join("")}`)), 60_000);
      this.waiting.set(0, {
        resolve: (r) => {
          clearTimeout(timer);
          this.waiting.delete(0);
          resolve(r);
        },
      });
    }).then((r) => (r.ok ? (r.value as number) : Promise.reject(new Error(r.error))))) as number;
  }

  private remember(line: string) {
    try {
      const entry = JSON.parse(line) as { reqId?: string; err?: { message?: string; stack?: string; type?: string }; msg?: string };
      if (entry.reqId) this.errors.set(entry.reqId, entry.err?.stack ?? entry.err?.message ?? entry.msg ?? line);
    } catch {
      this.stderr.push(line);
    }
  }

  private call(body: RequestBody, timeoutMs = 120_000): Promise<unknown> {
    const id = this.seq++;
    this.child?.send({ ...body, id });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the app did not answer ${body.op}`)), timeoutMs);
      this.waiting.set(id, {
        resolve: (r) => {
          clearTimeout(timer);
          this.waiting.delete(id);
          if (r.ok) resolve(r.value);
          else reject(new Error(r.error));
        },
      });
    });
  }

  /** Keeps the database as it is now as the pristine copy that reset() goes back to. */
  save() {
    return this.call({ op: "save" });
  }

  reset() {
    return this.call({ op: "reset" });
  }

  /** Differs from the last answer whenever something was written in between. */
  async version() {
    return (await this.call({ op: "version" })) as string;
  }

  async snapshot(tenantIds: string[]) {
    return (await this.call({ op: "snapshot", tenantIds })) as Record<string, Snapshot>;
  }

  /** The first lines of the error the app logged for this request, if any. */
  async errorFor(requestId: string): Promise<string | null> {
    for (let i = 0; i < 20 && !this.errors.has(requestId); i++) await new Promise((r) => setTimeout(r, 25));
    return this.errors.get(requestId) ?? null;
  }

  async stop() {
    const child = this.child;
    this.child = null;
    this.agent.destroy();
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    });
  }

  /** Kills a hung or dead app, starts it again and puts the data back to the pristine copy. */
  private async revive() {
    this.restarts += 1;
    await this.stop();
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    await this.start();
    await this.reset();
  }

  async send(r: Sent): Promise<Outcome> {
    let outcome = await this.attempt(r, this.agent);
    // A kept-alive socket the server closed at the same moment is the network's doing: try once on a fresh one.
    if (outcome.kind === "crash" && this.alive()) outcome = await this.attempt(r, false);
    if (outcome.kind === "hang" || !this.alive()) {
      if (outcome.kind === "response")
        outcome = { kind: "crash", requestId: outcome.requestId, error: `the app process ended\n${this.stderr.slice(-5).join("")}` };
      await this.revive();
    }
    return outcome;
  }

  private alive() {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  private attempt(r: Sent, agent: http.Agent | false): Promise<Outcome> {
    const requestId = randomUUID();
    return new Promise<Outcome>((resolve) => {
      const body = r.body === undefined ? undefined : typeof r.body === "string" ? Buffer.from(r.body) : Buffer.from(r.body);
      const req = http.request(
        {
          host: "127.0.0.1",
          port: this.port,
          method: r.method,
          path: r.path,
          agent,
          headers: { ...r.headers, host: r.host, "x-request-id": requestId, ...(body ? { "content-length": String(body.length) } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            clearTimeout(timer);
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers)) if (v !== undefined && k !== "set-cookie") headers[k] = Array.isArray(v) ? v.join(", ") : v;
            resolve({
              kind: "response",
              status: res.statusCode ?? 0,
              headers,
              setCookies: res.headers["set-cookie"] ?? [],
              body: Buffer.concat(chunks).toString(),
              requestId,
            });
          });
          res.on("error", (e) => resolve({ kind: "crash", requestId, error: String(e) }));
        },
      );
      const timer = setTimeout(() => {
        req.destroy();
        resolve({ kind: "hang", requestId, error: `no answer within ${REQUEST_TIMEOUT_MS} ms` });
      }, REQUEST_TIMEOUT_MS);
      req.on("error", (e) => {
        clearTimeout(timer);
        resolve({ kind: "crash", requestId, error: `${e.message}\n${this.stderr.slice(-5).join("")}` });
      });
      req.end(body);
    });
  }

  /** A transport for Browser: any outcome but a response becomes an error. */
  readonly transport = async (r: Sent): Promise<Received> => {
    const o = await this.send(r);
    if (o.kind !== "response") throw new Error(`${r.method} ${r.path}: ${o.kind}: ${o.error}`);
    return o;
  };
}
