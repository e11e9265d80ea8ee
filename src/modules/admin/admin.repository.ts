import type { Database } from "../../db/database.js";
import type { AccessEntry, AuditEntry, Page } from "./admin.model.js";
import type { AccessQuery, AuditQuery } from "./admin.schema.js";

export const AUDIT_PAGE_SIZE = 50;

interface ActorColumns {
  actor_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
}

const toAuditEntry = (
  r: ActorColumns & { id: string; at: string; action: string; entity_type: string; entity_id: string | null; ip: string | null; details: string | null },
): AuditEntry => ({
  id: r.id,
  at: r.at,
  action: r.action,
  actorId: r.actor_id,
  actorName: r.actor_name,
  actorEmail: r.actor_email,
  entityType: r.entity_type,
  entityId: r.entity_id,
  ip: r.ip,
  details: r.details,
});

const toAccessEntry = (
  r: ActorColumns & { id: string; at: string; action: string; subject_type: AccessEntry["subjectType"]; subject_id: string; subject_name: string | null },
): AccessEntry => ({
  id: r.id,
  at: r.at,
  action: r.action,
  actorId: r.actor_id,
  actorName: r.actor_name,
  actorEmail: r.actor_email,
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  subjectName: r.subject_name,
});

export async function auditEntries(db: Database, tenantId: string, query: AuditQuery, all = false): Promise<Page<AuditEntry>> {
  let base = db
    .selectFrom("audit_log as a")
    .leftJoin("users as u", (j) => j.onRef("u.id", "=", "a.actor_id").onRef("u.tenant_id", "=", "a.tenant_id"))
    .where("a.tenant_id", "=", tenantId);
  if (query.action) base = base.where("a.action", "=", query.action);
  if (query.actor) base = base.where("u.email", "=", query.actor.toLowerCase());
  if (query.entity) base = base.where("a.entity_id", "=", query.entity);
  if (query.from) base = base.where("a.at", ">=", `${query.from}T00:00:00.000Z`);
  if (query.to) base = base.where("a.at", "<=", `${query.to}T23:59:59.999Z`);
  const [rows, count] = await Promise.all([
    base
      .select(["a.id", "a.at", "a.action", "a.entity_type", "a.entity_id", "a.ip", "a.details", "a.actor_id", "u.name as actor_name", "u.email as actor_email"])
      .orderBy("a.at", "desc")
      .orderBy("a.id", "desc")
      .$if(!all, (q) => q.limit(AUDIT_PAGE_SIZE).offset((query.page - 1) * AUDIT_PAGE_SIZE))
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toAuditEntry), total: Number(count.n) };
}

export async function auditActions(db: Database, tenantId: string): Promise<string[]> {
  const rows = await db.selectFrom("audit_log").select("action").distinct().where("tenant_id", "=", tenantId).orderBy("action").execute();
  return rows.map((r) => r.action);
}

/** Reads of people's data: who was shown whom, newest first. A person is found by e-mail or id. */
export async function accessEntries(db: Database, tenantId: string, query: AccessQuery, all = false): Promise<Page<AccessEntry>> {
  let base = db
    .selectFrom("access_log as l")
    .leftJoin("users as u", (j) => j.onRef("u.id", "=", "l.actor_id").on("u.tenant_id", "=", tenantId))
    .leftJoin("users as s", (j) => j.onRef("s.id", "=", "l.subject_id").on("s.tenant_id", "=", tenantId))
    .where("l.tenant_id", "=", tenantId);
  if (query.actor) base = base.where("u.email", "=", query.actor.toLowerCase());
  if (query.person) {
    const person = query.person;
    base = base.where((eb) => eb.or([eb("l.subject_id", "=", person), eb("s.email", "=", person.toLowerCase())]));
  }
  if (query.from) base = base.where("l.at", ">=", `${query.from}T00:00:00.000Z`);
  if (query.to) base = base.where("l.at", "<=", `${query.to}T23:59:59.999Z`);
  const [rows, count] = await Promise.all([
    base
      .select([
        "l.id",
        "l.at",
        "l.action",
        "l.subject_type",
        "l.subject_id",
        "l.actor_id",
        "u.name as actor_name",
        "u.email as actor_email",
        "s.name as subject_name",
      ])
      .orderBy("l.at", "desc")
      .orderBy("l.id", "desc")
      .$if(!all, (q) => q.limit(AUDIT_PAGE_SIZE).offset((query.page - 1) * AUDIT_PAGE_SIZE))
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toAccessEntry), total: Number(count.n) };
}
