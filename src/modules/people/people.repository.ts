import { sql } from "kysely";
import type { Database } from "../../db/database.js";
import type { PeopleQuery } from "./people.schema.js";

export const PAGE_SIZE = 50;

export async function list(db: Database, tenantId: string, query: PeopleQuery, all = false) {
  let base = db.selectFrom("users").where("tenant_id", "=", tenantId);
  if (query.q) {
    const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    base = base.where((eb) => eb.or([sql<boolean>`lower(name) like ${like} escape '\\'`, sql<boolean>`lower(email) like ${like} escape '\\'`]));
  }
  const [rows, count] = await Promise.all([
    base
      .select(["id", "name", "email", "email_verified_at", "created_at"])
      .orderBy("name")
      .orderBy("id")
      .$if(!all, (q) => q.limit(PAGE_SIZE).offset((query.page - 1) * PAGE_SIZE))
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  const ids = rows.map((r) => r.id);
  const roles = ids.length
    ? await db.selectFrom("user_roles").select(["user_id", "role"]).where("tenant_id", "=", tenantId).where("user_id", "in", ids).execute()
    : [];
  return { rows: rows.map((r) => ({ ...r, roles: roles.filter((x) => x.user_id === r.id).map((x) => x.role) })), total: Number(count.n) };
}

export async function findPerson(db: Database, tenantId: string, id: string) {
  const person = await db
    .selectFrom("users")
    .select(["id", "name", "email", "email_verified_at", "created_at"])
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!person) return null;
  const roles = await db.selectFrom("user_roles").select("role").where("tenant_id", "=", tenantId).where("user_id", "=", id).execute();
  return { ...person, roles: roles.map((r) => r.role) };
}
