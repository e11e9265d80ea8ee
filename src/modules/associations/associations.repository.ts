import { sql } from "kysely";
import type { Database } from "../../db/database.js";
import type { ListQuery } from "./associations.schema.js";

export const PAGE_SIZE = 25;

export async function findById(db: Database, tenantId: string, id: string) {
  return db.selectFrom("associations").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
}

function filtered(db: Database, tenantId: string, query: Pick<ListQuery, "q">, memberId?: string) {
  let q = db.selectFrom("associations").where("associations.tenant_id", "=", tenantId);
  if (query.q) {
    const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`lower(associations.name) like ${like} escape '\\'`,
        eb("associations.registration_number", "=", query.q),
        sql<boolean>`lower(associations.email) like ${like} escape '\\'`,
      ]),
    );
  }
  if (memberId) {
    q = q.innerJoin("association_members as m", (j) => j.onRef("m.association_id", "=", "associations.id").on("m.user_id", "=", memberId));
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
    .innerJoin("association_members as m", "m.association_id", "associations.id")
    .select(["associations.id", "associations.name"])
    .where("associations.tenant_id", "=", tenantId)
    .where("m.user_id", "=", userId)
    .orderBy("associations.name")
    .execute();
}

export async function members(db: Database, tenantId: string, associationId: string) {
  return db
    .selectFrom("association_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.name", "u.email", "m.role", "m.created_at"])
    .where("m.tenant_id", "=", tenantId)
    .where("m.association_id", "=", associationId)
    .orderBy("u.name")
    .execute();
}
