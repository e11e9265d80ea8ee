import type { Logger } from "pino";
import type { Database } from "../../db/database.js";
import { type Clock, isoIn, isoNow } from "../clock.js";
import { newId } from "../ids.js";
import { claimNextJob, completeJob, type Job, releaseFailedJob, renewLease } from "./jobs.repository.js";
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
  leaseMs?: number;
}

/**
 * How long a worker holds a job without saying it is still at it. A running worker renews the lease
 * several times within it (a heartbeat), so a long job keeps it; a job whose worker died is taken by
 * another once the lease is over.
 */
export const LEASE_MS = 60_000;

export function backoffMs(attempts: number): number {
  return Math.min(15_000 * 2 ** (attempts - 1), 3600_000);
}

/** Claims one due job, or one whose worker's lease ran out. */
export const claimJob = (db: Database, clock: Clock, workerId: string, leaseMs = LEASE_MS): Promise<Job | undefined> =>
  claimNextJob(db, workerId, isoNow(clock), isoIn(clock, -leaseMs));

/** Renews this worker's lease on a job; false when another worker has taken it meanwhile. */
export const heartbeat = (db: Database, clock: Clock, jobId: string, workerId: string): Promise<boolean> => renewLease(db, jobId, workerId, isoNow(clock));

export async function runOneJob(options: WorkerOptions, workerId: string): Promise<boolean> {
  const { db, clock, logger, handlers } = options;
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const job = await claimJob(db, clock, workerId, leaseMs);
  if (!job) return false;
  const handler = handlers[job.name];
  const beat = setInterval(() => {
    heartbeat(db, clock, job.id, workerId)
      .then((held) => {
        if (!held) logger.warn({ job: job.id, name: job.name }, "job lease lost to another worker");
      })
      .catch((error) => logger.warn({ job: job.id, err: error }, "job heartbeat failed"));
  }, leaseMs / 4);
  beat.unref();
  // Only the worker that still holds the job records how it ended.
  try {
    if (job.attempts > job.maxAttempts) throw new Error("Its worker stopped while running it too many times");
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    await handler(job.payload, { id: job.id, tenantId: job.tenantId, attempts: job.attempts });
    clearInterval(beat);
    await completeJob(db, job.id, workerId, isoNow(clock));
  } catch (error) {
    clearInterval(beat);
    const message = error instanceof Error ? error.message : String(error);
    const failed = job.attempts >= job.maxAttempts;
    logger.warn({ job: job.id, name: job.name, attempts: job.attempts, err: message }, failed ? "job failed for good" : "job failed, will retry");
    await releaseFailedJob(db, job.id, workerId, {
      status: failed ? "failed" : "queued",
      runAt: failed ? job.runAt : isoIn(clock, backoffMs(job.attempts)),
      lastError: message.slice(0, 2000),
      finishedAt: failed ? isoNow(clock) : null,
    });
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
