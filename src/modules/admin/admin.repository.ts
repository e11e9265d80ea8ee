import type { Database } from "../../db/database.js";
import type { AccessQuery, AuditQuery } from "./admin.schema.js";

export const AUDIT_PAGE_SIZE = 50;

export async function auditEntries(db: Database, tenantId: string, query: AuditQuery, all = false) {
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
  return { rows, total: Number(count.n) };
}

export async function auditActions(db: Database, tenantId: string) {
  const rows = await db.selectFrom("audit_log").select("action").distinct().where("tenant_id", "=", tenantId).orderBy("action").execute();
  return rows.map((r) => r.action);
}

/** Reads of people's data: who was shown whom, newest first. A person is found by e-mail or id. */
export async function accessEntries(db: Database, tenantId: string, query: AccessQuery, all = false) {
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
  return { rows, total: Number(count.n) };
}
