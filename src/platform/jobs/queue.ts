import type { Database } from "../../db/database.js";
import { type Clock, isoNow } from "../clock.js";
import { newId } from "../ids.js";

export interface EnqueueInput {
  name: string;
  payload?: unknown;
  tenantId?: string | null;
  runAt?: Date;
  /** A second job with the same key is not created while the first exists. */
  uniqueKey?: string;
  maxAttempts?: number;
}

export async function enqueue(db: Database, clock: Clock, input: EnqueueInput): Promise<string | null> {
  const row = await db
    .insertInto("jobs")
    .values({
      id: newId(),
      tenant_id: input.tenantId ?? null,
      name: input.name,
      payload: JSON.stringify(input.payload ?? {}),
      unique_key: input.uniqueKey ?? null,
      status: "queued",
      run_at: (input.runAt ?? clock.now()).toISOString(),
      attempts: 0,
      max_attempts: input.maxAttempts ?? 5,
      locked_by: null,
      locked_at: null,
      last_error: null,
      created_at: isoNow(clock),
      finished_at: null,
    })
    .onConflict((oc) => oc.column("unique_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id ?? null;
}
