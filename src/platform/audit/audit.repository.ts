import type { Database } from "../../db/database.js";
import { newId } from "../ids.js";
import type { AccessLogTable } from "./audit.table.js";

const CHUNK = 500;

export interface AuditRow {
  tenantId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  details: Record<string, string | number | boolean | null> | null;
  at: string;
}

export async function insertAudit(db: Database, row: AuditRow): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      id: newId(),
      tenant_id: row.tenantId,
      actor_id: row.actorId,
      action: row.action,
      entity_type: row.entityType,
      entity_id: row.entityId,
      ip: row.ip,
      details: row.details ? JSON.stringify(row.details) : null,
      at: row.at,
    })
    .execute();
}

export async function insertAccess(
  db: Database,
  rows: {
    tenantId: string;
    actorId: string | null;
    action: string;
    subjectType: AccessLogTable["subject_type"];
    subjectIds: string[];
    ip: string | null;
    at: string;
  },
): Promise<void> {
  for (let i = 0; i < rows.subjectIds.length; i += CHUNK) {
    await db
      .insertInto("access_log")
      .values(
        rows.subjectIds.slice(i, i + CHUNK).map((subjectId) => ({
          id: newId(),
          tenant_id: rows.tenantId,
          actor_id: rows.actorId,
          action: rows.action,
          subject_type: rows.subjectType,
          subject_id: subjectId,
          ip: rows.ip,
          at: rows.at,
        })),
      )
      .execute();
  }
}
