import type { Database } from "../../db/database.js";
import { type Clock, isoNow } from "../clock.js";
import { newId } from "../ids.js";
import { insertJob } from "./jobs.repository.js";

export interface EnqueueInput {
  name: string;
  payload?: unknown;
  tenantId?: string | null;
  runAt?: Date;
  /** A second job with the same key is not created while the first exists. */
  uniqueKey?: string;
  maxAttempts?: number;
}

export function enqueue(db: Database, clock: Clock, input: EnqueueInput): Promise<string | null> {
  return insertJob(db, {
    id: newId(),
    tenantId: input.tenantId ?? null,
    name: input.name,
    payload: input.payload ?? {},
    uniqueKey: input.uniqueKey ?? null,
    runAt: (input.runAt ?? clock.now()).toISOString(),
    maxAttempts: input.maxAttempts ?? 5,
    createdAt: isoNow(clock),
  });
}
