import type { Database } from "../../db/database.js";
import { type Clock, isoNow } from "../clock.js";
import { newId } from "../ids.js";

export interface AuditEntry {
  tenantId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  /** Ids and codes only: never a name or an e-mail, so the row can outlive the person. */
  details?: Record<string, string | number | boolean | null>;
}

export async function audit(db: Database, clock: Clock, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      id: newId(),
      tenant_id: entry.tenantId,
      actor_id: entry.actorId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      ip: entry.ip,
      details: entry.details ? JSON.stringify(entry.details) : null,
      at: isoNow(clock),
    })
    .execute();
}
