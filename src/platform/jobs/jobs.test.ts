import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, dialects, silent, TestClock, type TestDb } from "../../../test/harness.js";
import { enqueue } from "./queue.js";
import { backoffMs, claimJob, LEASE_MS, planSchedules, runOneJob, startWorker } from "./worker.js";

describe.each(dialects())("jobs [%s]", (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(() => t.destroy());

  it("retries a failing job with growing backoff, then marks it failed", async () => {
    const clock = new TestClock();
    let calls = 0;
    const handlers = {
      flaky: async () => {
        calls += 1;
        throw new Error("smtp down");
      },
    };
    const id = await enqueue(t.db, clock, { name: "flaky", maxAttempts: 3 });
    expect(await runOneJob({ db: t.db, clock, logger: silent, handlers }, "w")).toBe(true);
    let job = await t.db
      .selectFrom("jobs")
      .selectAll()
      .where("id", "=", id as string)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: "queued", attempts: 1, last_error: "smtp down" });
    expect(Date.parse(job.run_at) - clock.now().getTime()).toBe(backoffMs(1));
    expect(await runOneJob({ db: t.db, clock, logger: silent, handlers }, "w")).toBe(false);
    clock.advance(backoffMs(1));
    await runOneJob({ db: t.db, clock, logger: silent, handlers }, "w");
    clock.advance(backoffMs(2));
    await runOneJob({ db: t.db, clock, logger: silent, handlers }, "w");
    job = await t.db
      .selectFrom("jobs")
      .selectAll()
      .where("id", "=", id as string)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: "failed", attempts: 3 });
    expect(calls).toBe(3);
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
  });

  it("plans each scheduled slot once, however many instances plan it", async () => {
    const clock = new TestClock();
    const schedules = [{ name: "sessions.purge", everyMs: 3600_000 }];
    await Promise.all([planSchedules(t.db, clock, schedules), planSchedules(t.db, clock, schedules), planSchedules(t.db, clock, schedules)]);
    const jobs = await t.db.selectFrom("jobs").select("unique_key").where("name", "=", "sessions.purge").execute();
    expect(jobs).toHaveLength(1);
    clock.advance(3600_000);
    await planSchedules(t.db, clock, schedules);
    expect(await t.db.selectFrom("jobs").select("id").where("name", "=", "sessions.purge").execute()).toHaveLength(2);
  });

  it("runs every job exactly once with two workers on one database", async () => {
    const clock = new TestClock();
    const total = 120;
    for (let i = 0; i < total; i += 1) await enqueue(t.db, clock, { name: "count", payload: { i } });
    const seen: string[] = [];
    const handlers = {
      count: async (_: unknown, job: { id: string }) => {
        seen.push(job.id);
        await new Promise((r) => setTimeout(r, 2));
      },
    };
    // On PostgreSQL each worker gets its own connection pool, as two app instances would.
    const second = t.secondInstance();
    const workers = [
      startWorker({ db: t.db, clock, logger: silent, handlers, pollMs: 5, id: "one" }),
      startWorker({ db: second, clock, logger: silent, handlers, pollMs: 5, id: "two" }),
    ];
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const left = await t.db.selectFrom("jobs").select("id").where("name", "=", "count").where("status", "!=", "done").execute();
      if (left.length === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await Promise.all(workers.map((w) => w.stop()));
    if (second !== t.db) await second.destroy();
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const byWorker = await t.db.selectFrom("jobs").select("locked_by").where("name", "=", "count").execute();
    if (dialect === "postgres") expect(new Set(byWorker.map((r) => r.locked_by))).toEqual(new Set(["one", "two"]));
  });

  const jobRow = (id: string | null) =>
    t.db
      .selectFrom("jobs")
      .select(["status", "attempts", "locked_by", "locked_at"])
      .where("id", "=", id ?? "")
      .executeTakeFirstOrThrow();

  it("gives a job left running by a crashed worker to another once its short lease is over", async () => {
    await t.db.deleteFrom("jobs").execute();
    const clock = new TestClock();
    const ran: string[] = [];
    const handlers = { report: async (_: unknown, job: { id: string }) => void ran.push(job.id) };
    const id = await enqueue(t.db, clock, { name: "report" });
    // A worker claims it and is killed: no heartbeat, no end.
    expect((await claimJob(t.db, clock, "killed"))?.id).toBe(id);
    expect(LEASE_MS).toBeLessThanOrEqual(60_000);
    clock.advance(LEASE_MS - 1000);
    expect(await runOneJob({ db: t.db, clock, logger: silent, handlers }, "survivor")).toBe(false);
    clock.advance(2000);
    expect(await runOneJob({ db: t.db, clock, logger: silent, handlers }, "survivor")).toBe(true);
    expect(ran).toEqual([id]);
    expect(await jobRow(id)).toMatchObject({ status: "done", attempts: 2, locked_by: "survivor" });
  });

  it("keeps a long job's lease with heartbeats, so no other worker takes it while it runs", async () => {
    await t.db.deleteFrom("jobs").execute();
    const clock = new TestClock();
    const leaseMs = 400;
    let finish = () => {};
    let started = () => {};
    const running = new Promise<void>((r) => {
      started = r;
    });
    const handlers = {
      long: () =>
        new Promise<void>((r) => {
          finish = r;
          started();
        }),
    };
    const id = await enqueue(t.db, clock, { name: "long" });
    const other = t.secondInstance();
    const run = runOneJob({ db: t.db, clock, logger: silent, handlers, leaseMs }, "one");
    await running;
    for (let i = 0; i < 4; i += 1) {
      // Time passes for the job; its worker says within the lease that it is still at it.
      clock.advance(leaseMs / 2);
      const now = clock.now().toISOString();
      const deadline = Date.now() + 5000;
      while ((await jobRow(id)).locked_at !== now && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect((await jobRow(id)).locked_at).toBe(now);
      expect(await claimJob(other, clock, "two", leaseMs)).toBeUndefined();
    }
    finish();
    await run;
    if (other !== t.db) await other.destroy();
    expect(await jobRow(id)).toMatchObject({ status: "done", attempts: 1, locked_by: "one" });
  });

  it("fails a job whose worker keeps dying instead of taking it again and again", async () => {
    await t.db.deleteFrom("jobs").execute();
    const clock = new TestClock();
    const ran: string[] = [];
    const id = await enqueue(t.db, clock, { name: "deadly", maxAttempts: 2 });
    for (const worker of ["first", "second"]) {
      expect((await claimJob(t.db, clock, worker))?.id).toBe(id);
      clock.advance(LEASE_MS + 1000);
    }
    expect(await runOneJob({ db: t.db, clock, logger: silent, handlers: { deadly: async () => void ran.push(id ?? "") } }, "third")).toBe(true);
    expect(ran).toEqual([]);
    expect(await jobRow(id)).toMatchObject({ status: "failed", attempts: 3 });
  });
});
