import { type Selectable, sql } from "kysely";
import type { Database } from "../../db/database.js";
import type { UsersTable } from "../../platform/auth/auth.table.js";
import type { StaffRole } from "../../platform/auth/policy.js";
import type { PersonRecord } from "./people.model.js";
import type { PeopleQuery } from "./people.schema.js";

export const PAGE_SIZE = 50;

const PERSON_COLUMNS = ["id", "name", "email", "email_verified_at", "created_at"] as const;
type PersonRow = Pick<Selectable<UsersTable>, (typeof PERSON_COLUMNS)[number]>;

function toPerson(row: PersonRow, roles: StaffRole[]): PersonRecord {
  return { id: row.id, name: row.name, email: row.email, emailVerifiedAt: row.email_verified_at, createdAt: row.created_at, roles };
}

/** The staff roles of these people, in one query. */
async function rolesOf(db: Database, tenantId: string, userIds: string[]): Promise<Map<string, StaffRole[]>> {
  const byUser = new Map<string, StaffRole[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db.selectFrom("user_roles").select(["user_id", "role"]).where("tenant_id", "=", tenantId).where("user_id", "in", userIds).execute();
  for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r.role as StaffRole]);
  return byUser;
}

/** People by name or e-mail, a page of them (or all), with the number found. */
export async function list(db: Database, tenantId: string, query: PeopleQuery, all = false): Promise<{ rows: PersonRecord[]; total: number }> {
  let base = db.selectFrom("users").where("tenant_id", "=", tenantId);
  if (query.q) {
    const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    base = base.where((eb) => eb.or([sql<boolean>`lower(name) like ${like} escape '\\'`, sql<boolean>`lower(email) like ${like} escape '\\'`]));
  }
  const [rows, count] = await Promise.all([
    base
      .select(PERSON_COLUMNS)
      .orderBy("name")
      .orderBy("id")
      .$if(!all, (q) => q.limit(PAGE_SIZE).offset((query.page - 1) * PAGE_SIZE))
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  const roles = await rolesOf(
    db,
    tenantId,
    rows.map((r) => r.id),
  );
  return { rows: rows.map((r) => toPerson(r, roles.get(r.id) ?? [])), total: Number(count.n) };
}

export async function findPerson(db: Database, tenantId: string, id: string): Promise<PersonRecord | null> {
  const row = await db.selectFrom("users").select(PERSON_COLUMNS).where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  const roles = await rolesOf(db, tenantId, [id]);
  return toPerson(row, roles.get(id) ?? []);
}

/** Who holds the role in the tenant. */
export async function holdersOf(db: Database, tenantId: string, role: StaffRole): Promise<string[]> {
  const rows = await db.selectFrom("user_roles").select("user_id").where("tenant_id", "=", tenantId).where("role", "=", role).execute();
  return rows.map((r) => r.user_id);
}
