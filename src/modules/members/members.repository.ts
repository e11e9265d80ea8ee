import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import { type FeeStatus, MEMBERSHIP_TYPES, type Member, type MemberFilter, type MemberGroup, type MembershipType } from "./members.model.js";
import type { MemberGroupsTable, MembersTable } from "./members.table.js";

type MemberRow = Selectable<MembersTable> & { association_name: string; association_email: string | null };

/** The one mapper of a member: its groups and fees come from their own tables, gathered by the caller in one query each. */
function toMember(row: MemberRow, groupIds: string[], fees: Record<number, FeeStatus>): Member {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    associationId: row.association_id,
    associationName: row.association_name,
    associationEmail: row.association_email,
    membershipType: (MEMBERSHIP_TYPES as readonly string[]).includes(row.membership_type) ? (row.membership_type as MembershipType) : "full",
    joinedOn: row.joined_on,
    leftOn: row.left_on,
    groupIds,
    fees,
  };
}

function toGroup(row: Selectable<MemberGroupsTable> & { count?: number | string | bigint | null }): MemberGroup {
  return { id: row.id, tenantId: row.tenant_id, name: row.name, count: Number(row.count ?? 0) };
}

export async function groups(db: Database, tenantId: string): Promise<MemberGroup[]> {
  const rows = await db
    .selectFrom("member_groups as g")
    .leftJoin("member_group_links as l", (j) => j.onRef("l.group_id", "=", "g.id").onRef("l.tenant_id", "=", "g.tenant_id"))
    .leftJoin("members as m", (j) => j.onRef("m.id", "=", "l.member_id").on("m.left_on", "is", null))
    .select(["g.id", "g.tenant_id", "g.name", "g.created_at", (eb) => eb.fn.count<number>("m.id").as("count")])
    .where("g.tenant_id", "=", tenantId)
    .groupBy(["g.id", "g.tenant_id", "g.name", "g.created_at"])
    .orderBy("g.name")
    .execute();
  return rows.map(toGroup);
}

export async function groupById(db: Database, tenantId: string, id: string): Promise<MemberGroup | null> {
  const row = await db.selectFrom("member_groups").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row ? toGroup(row) : null;
}

export async function groupByName(db: Database, tenantId: string, name: string): Promise<MemberGroup | null> {
  const rows = await db.selectFrom("member_groups").selectAll().where("tenant_id", "=", tenantId).execute();
  const row = rows.find((r) => r.name.toLocaleLowerCase("da") === name.toLocaleLowerCase("da"));
  return row ? toGroup(row) : null;
}

export async function insertGroup(db: Database, group: { id: string; tenantId: string; name: string; createdAt: string }): Promise<void> {
  await db.insertInto("member_groups").values({ id: group.id, tenant_id: group.tenantId, name: group.name, created_at: group.createdAt }).execute();
}

export async function renameGroup(db: Database, tenantId: string, id: string, name: string): Promise<void> {
  await db.updateTable("member_groups").set({ name }).where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}

/** Members as the filter asks, with their association's name and address, their groups and fees: three queries whatever the count. */
export async function members(db: Database, tenantId: string, filter: MemberFilter & { ids?: string[] }): Promise<Member[]> {
  let q = db
    .selectFrom("members as m")
    .innerJoin("associations as a", (j) => j.onRef("a.id", "=", "m.association_id").onRef("a.tenant_id", "=", "m.tenant_id"))
    .selectAll("m")
    .select(["a.name as association_name", "a.email as association_email"])
    .where("m.tenant_id", "=", tenantId);
  if (filter.ids) q = filter.ids.length ? q.where("m.id", "in", filter.ids) : q.where("m.id", "=", "");
  if (filter.type) q = q.where("m.membership_type", "=", filter.type);
  if (filter.status === "current") q = q.where("m.left_on", "is", null);
  if (filter.status === "left") q = q.where("m.left_on", "is not", null);
  if (filter.groupId) {
    const groupId = filter.groupId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("member_group_links as l")
          .select("l.member_id")
          .where("l.tenant_id", "=", tenantId)
          .where("l.group_id", "=", groupId)
          .whereRef("l.member_id", "=", "m.id"),
      ),
    );
  }
  const rows = (await q.orderBy("a.name").orderBy("m.id").execute()) as MemberRow[];
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [links, fees] = await Promise.all([
    db.selectFrom("member_group_links").select(["member_id", "group_id"]).where("tenant_id", "=", tenantId).where("member_id", "in", ids).execute(),
    db.selectFrom("member_fees").select(["member_id", "year", "status"]).where("tenant_id", "=", tenantId).where("member_id", "in", ids).execute(),
  ]);
  return rows.map((r) =>
    toMember(
      r,
      links.filter((l) => l.member_id === r.id).map((l) => l.group_id),
      Object.fromEntries(fees.filter((f) => f.member_id === r.id).map((f) => [Number(f.year), f.status as FeeStatus])),
    ),
  );
}

export async function memberById(db: Database, tenantId: string, id: string): Promise<Member | null> {
  const [member] = await members(db, tenantId, { groupId: null, type: null, status: "all", ids: [id] });
  return member ?? null;
}

export async function memberOfAssociation(db: Database, tenantId: string, associationId: string): Promise<string | null> {
  const row = await db.selectFrom("members").select("id").where("tenant_id", "=", tenantId).where("association_id", "=", associationId).executeTakeFirst();
  return row?.id ?? null;
}

export async function insertMember(
  db: Database,
  m: { id: string; tenantId: string; associationId: string; membershipType: MembershipType; joinedOn: string; now: string },
): Promise<void> {
  await db
    .insertInto("members")
    .values({
      id: m.id,
      tenant_id: m.tenantId,
      association_id: m.associationId,
      membership_type: m.membershipType,
      joined_on: m.joinedOn,
      left_on: null,
      created_at: m.now,
      updated_at: m.now,
    })
    .execute();
}

export async function updateMember(
  db: Database,
  tenantId: string,
  id: string,
  m: { membershipType: MembershipType; joinedOn: string; leftOn: string | null; now: string },
): Promise<void> {
  await db
    .updateTable("members")
    .set({ membership_type: m.membershipType, joined_on: m.joinedOn, left_on: m.leftOn, updated_at: m.now })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

export async function setGroups(db: Database, tenantId: string, memberId: string, groupIds: string[]): Promise<void> {
  await db.deleteFrom("member_group_links").where("tenant_id", "=", tenantId).where("member_id", "=", memberId).execute();
  if (groupIds.length)
    await db
      .insertInto("member_group_links")
      .values(groupIds.map((g) => ({ tenant_id: tenantId, group_id: g, member_id: memberId })))
      .execute();
}

export async function setFee(db: Database, tenantId: string, memberId: string, year: number, status: FeeStatus, now: string): Promise<void> {
  await db.deleteFrom("member_fees").where("tenant_id", "=", tenantId).where("member_id", "=", memberId).where("year", "=", year).execute();
  await db.insertInto("member_fees").values({ tenant_id: tenantId, member_id: memberId, year, status, recorded_at: now }).execute();
}

/** The associations of a group's current members. */
export async function associationsInGroup(db: Database, tenantId: string, groupId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("members as m")
    .innerJoin("member_group_links as l", (j) => j.onRef("l.member_id", "=", "m.id").onRef("l.tenant_id", "=", "m.tenant_id"))
    .select("m.association_id")
    .where("m.tenant_id", "=", tenantId)
    .where("l.group_id", "=", groupId)
    .where("m.left_on", "is", null)
    .execute();
  return rows.map((r) => r.association_id);
}
