import type { Database } from "../../db/database.js";
import { containsText } from "../../db/text-match.js";
import type { ListQuery } from "./associations.schema.js";

export const PAGE_SIZE = 25;

export async function findById(db: Database, tenantId: string, id: string) {
  return db.selectFrom("associations").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
}

/** The tenant's associations among these ids, in one query. */
export async function findMany(db: Database, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("associations").select(["id", "tenant_id", "name"]).where("tenant_id", "=", tenantId).where("id", "in", ids).execute();
}

function filtered(db: Database, tenantId: string, query: Pick<ListQuery, "q">, memberId?: string) {
  let q = db.selectFrom("associations").where("associations.tenant_id", "=", tenantId);
  const text = query.q;
  if (text) {
    q = q.where((eb) =>
      eb.or([containsText("associations.name", text), eb("associations.registration_number", "=", text), containsText("associations.email", text)]),
    );
  }
  if (memberId) {
    q = q.innerJoin("association_members as m", (j) =>
      j.onRef("m.association_id", "=", "associations.id").onRef("m.tenant_id", "=", "associations.tenant_id").on("m.user_id", "=", memberId),
    );
  }
  return q;
}

export async function list(db: Database, tenantId: string, query: ListQuery, options: { memberId?: string; all?: boolean }) {
  const base = filtered(db, tenantId, query, options.memberId);
  const [rows, count] = await Promise.all([
    base
      .selectAll("associations")
      .orderBy(`associations.${query.sort}`, query.dir)
      .orderBy("associations.id")
      .$if(!options.all, (q) => q.limit(PAGE_SIZE).offset((query.page - 1) * PAGE_SIZE))
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function namesForMember(db: Database, tenantId: string, userId: string) {
  return db
    .selectFrom("associations")
    .innerJoin("association_members as m", (j) => j.onRef("m.association_id", "=", "associations.id").onRef("m.tenant_id", "=", "associations.tenant_id"))
    .select(["associations.id", "associations.name"])
    .where("associations.tenant_id", "=", tenantId)
    .where("m.user_id", "=", userId)
    .orderBy("associations.name")
    .execute();
}

export async function members(db: Database, tenantId: string, associationId: string) {
  return db
    .selectFrom("association_members as m")
    .innerJoin("users as u", (j) => j.onRef("u.id", "=", "m.user_id").onRef("u.tenant_id", "=", "m.tenant_id"))
    .select(["u.id", "u.name", "u.email", "m.role", "m.created_at"])
    .where("m.tenant_id", "=", tenantId)
    .where("m.association_id", "=", associationId)
    .orderBy("u.name")
    .execute();
}

/** Associations as open data: every association of the tenant, oldest id first, for paging. */
export async function listPublicRecords(
  db: Database,
  tenantId: string,
  f: { offset: number; limit: number; search: string | null; modifiedAfter: string | null; id?: string },
) {
  const search = f.search;
  const base = db
    .selectFrom("associations")
    .where("tenant_id", "=", tenantId)
    .where("hidden_at", "is", null)
    .$if(Boolean(f.id), (q) => q.where("id", "=", f.id ?? ""))
    .$if(Boolean(search), (q) => q.where((eb) => eb.or([containsText("name", search ?? ""), eb("registration_number", "=", search ?? "")])))
    .$if(Boolean(f.modifiedAfter), (q) => q.where("updated_at", ">", f.modifiedAfter ?? ""));
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy("id").limit(f.limit).offset(f.offset).execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The associations a person belongs to, for their data download. */
export async function membershipsOf(db: Database, tenantId: string, userId: string) {
  return db
    .selectFrom("association_members as m")
    .innerJoin("associations as a", (j) => j.onRef("a.id", "=", "m.association_id").onRef("a.tenant_id", "=", "m.tenant_id"))
    .select(["a.name as association", "m.role", "m.created_at as member_since"])
    .where("m.tenant_id", "=", tenantId)
    .where("m.user_id", "=", userId)
    .execute();
}

/** Erasure: the person leaves every association. */
export async function removeMember(db: Database, tenantId: string, userId: string) {
  await db.deleteFrom("association_members").where("tenant_id", "=", tenantId).where("user_id", "=", userId).execute();
}
