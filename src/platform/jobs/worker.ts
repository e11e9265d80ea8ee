import type { Logger } from "pino";
import type { Database } from "../../db/database.js";
import { skipLocked } from "../../db/portable.js";
import { type Clock, isoIn, isoNow } from "../clock.js";
import { newId } from "../ids.js";
import { enqueue } from "./queue.js";

export type JobHandler = (payload: unknown, job: { id: string; tenantId: string | null; attempts: number }) => Promise<void>;

export interface Schedule {
  name: string;
  everyMs: number;
}

export interface WorkerOptions {
  db: Database;
  clock: Clock;
  logger: Logger;
  handlers: Record<string, JobHandler>;
  schedules?: Schedule[];
  pollMs?: number;
  id?: string;
}

const STALE_MS = 15 * 60_000;

export function backoffMs(attempts: number): number {
  return Math.min(15_000 * 2 ** (attempts - 1), 3600_000);
}

/** Claims one due job atomically; on PostgreSQL rows another worker holds are skipped, not waited for. */
export async function claimJob(db: Database, clock: Clock, workerId: string) {
  const now = isoNow(clock);
  const due = skipLocked(db, db.selectFrom("jobs").select("id").where("status", "=", "queued").where("run_at", "<=", now).orderBy("run_at").limit(1));
  return db
    .updateTable("jobs")
    .set((eb) => ({ status: "running", locked_by: workerId, locked_at: now, attempts: eb("attempts", "+", 1) }))
    .where("id", "=", due)
    .where("status", "=", "queued")
    .returningAll()
    .executeTakeFirst();
}

export async function runOneJob(options: WorkerOptions, workerId: string): Promise<boolean> {
  const { db, clock, logger, handlers } = options;
  const job = await claimJob(db, clock, workerId);
  if (!job) return false;
  const handler = handlers[job.name];
  try {
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    await handler(JSON.parse(job.payload), { id: job.id, tenantId: job.tenant_id, attempts: job.attempts });
    await db
      .updateTable("jobs")
      .set({ status: "done", finished_at: isoNow(clock), last_error: null })
      .where("id", "=", job.id)
      .execute();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed = job.attempts >= job.max_attempts;
    logger.warn({ job: job.id, name: job.name, attempts: job.attempts, err: message }, failed ? "job failed for good" : "job failed, will retry");
    await db
      .updateTable("jobs")
      .set({
        status: failed ? "failed" : "queued",
        run_at: failed ? job.run_at : isoIn(clock, backoffMs(job.attempts)),
        last_error: message.slice(0, 2000),
        finished_at: failed ? isoNow(clock) : null,
        locked_by: null,
      })
      .where("id", "=", job.id)
      .execute();
  }
  return true;
}

/** Makes sure each schedule's current slot has a job; the unique key keeps instances from doubling it. */
export async function planSchedules(db: Database, clock: Clock, schedules: Schedule[]): Promise<void> {
  const now = clock.now().getTime();
  for (const s of schedules) {
    const slot = new Date(Math.floor(now / s.everyMs) * s.everyMs);
    await enqueue(db, clock, { name: s.name, runAt: slot, uniqueKey: `${s.name}@${slot.toISOString()}`, maxAttempts: 3 });
  }
  await db
    .updateTable("jobs")
    .set({ status: "queued", locked_by: null })
    .where("status", "=", "running")
    .where("locked_at", "<", isoIn(clock, -STALE_MS))
    .execute();
}

export interface RunningWorker {
  stop(): Promise<void>;
}

export function startWorker(options: WorkerOptions): RunningWorker {
  const workerId = options.id ?? newId();
  const pollMs = options.pollMs ?? 1000;
  let stopping = false;
  let wake: (() => void) | null = null;
  const loop = (async () => {
    let lastPlan = 0;
    while (!stopping) {
      try {
        if (options.schedules?.length && Date.now() - lastPlan > 30_000) {
          await planSchedules(options.db, options.clock, options.schedules);
          lastPlan = Date.now();
        }
        while (!stopping && (await runOneJob(options, workerId))) {}
      } catch (error) {
        options.logger.error({ err: error }, "job worker error");
      }
      if (!stopping)
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, pollMs).unref();
        });
    }
  })();
  return {
    async stop() {
      stopping = true;
      wake?.();
      await loop;
    },
  };
}
