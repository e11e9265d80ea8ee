import type { ExpressionBuilder, Selectable } from "kysely";
import type { Database, DB } from "../../db/database.js";
import { skipLocked } from "../../db/portable.js";
import type { JobsTable } from "./jobs.table.js";

/** A queued piece of work; the queue is shared by every tenant, so a job is found by its id. */
export interface Job {
  id: string;
  tenantId: string | null;
  name: string;
  payload: unknown;
  status: JobsTable["status"];
  runAt: string;
  attempts: number;
  maxAttempts: number;
}

export function toJob(row: Selectable<JobsTable>): Job {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    payload: JSON.parse(row.payload),
    status: row.status,
    runAt: row.run_at,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
  };
}

/** Adds a job unless one with its unique key exists; returns its id, or null when it was already there. */
export async function insertJob(
  db: Database,
  job: { id: string; tenantId: string | null; name: string; payload: unknown; uniqueKey: string | null; runAt: string; maxAttempts: number; createdAt: string },
): Promise<string | null> {
  const row = await db
    .insertInto("jobs")
    .values({
      id: job.id,
      tenant_id: job.tenantId,
      name: job.name,
      payload: JSON.stringify(job.payload),
      unique_key: job.uniqueKey,
      status: "queued",
      run_at: job.runAt,
      attempts: 0,
      max_attempts: job.maxAttempts,
      locked_by: null,
      locked_at: null,
      last_error: null,
      created_at: job.createdAt,
      finished_at: null,
    })
    .onConflict((oc) => oc.column("unique_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Due and waiting, or left running by a worker whose lease ran out. */
const claimable = (now: string, leaseEndedBefore: string) => (eb: ExpressionBuilder<DB, "jobs">) =>
  eb.or([eb.and([eb("status", "=", "queued"), eb("run_at", "<=", now)]), eb.and([eb("status", "=", "running"), eb("locked_at", "<", leaseEndedBefore)])]);

/** Claims one job atomically; on PostgreSQL rows another worker holds are skipped, not waited for. */
export async function claimNextJob(db: Database, workerId: string, now: string, leaseEndedBefore: string): Promise<Job | undefined> {
  const free = claimable(now, leaseEndedBefore);
  const due = skipLocked(db, db.selectFrom("jobs").select("id").where(free).orderBy("run_at").limit(1));
  const row = await db
    .updateTable("jobs")
    .set((eb) => ({ status: "running", locked_by: workerId, locked_at: now, attempts: eb("attempts", "+", 1) }))
    .where("id", "=", due)
    .where(free)
    .returningAll()
    .executeTakeFirst();
  return row && toJob(row);
}

/** Renews this worker's lease on a job; false when another worker has taken it meanwhile. */
export async function renewLease(db: Database, jobId: string, workerId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable("jobs")
    .set({ locked_at: at })
    .where("id", "=", jobId)
    .where("status", "=", "running")
    .where("locked_by", "=", workerId)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Records that the job is done, if this worker still holds it. */
export async function completeJob(db: Database, jobId: string, workerId: string, at: string): Promise<void> {
  await db.updateTable("jobs").set({ status: "done", finished_at: at, last_error: null }).where("id", "=", jobId).where("locked_by", "=", workerId).execute();
}

/** Records a failed run, if this worker still holds the job: queued again for `runAt`, or failed for good. */
export async function releaseFailedJob(
  db: Database,
  jobId: string,
  workerId: string,
  end: { status: "failed" | "queued"; runAt: string; lastError: string; finishedAt: string | null },
): Promise<void> {
  await db
    .updateTable("jobs")
    .set({ status: end.status, run_at: end.runAt, last_error: end.lastError, finished_at: end.finishedAt, locked_by: null })
    .where("id", "=", jobId)
    .where("locked_by", "=", workerId)
    .execute();
}
