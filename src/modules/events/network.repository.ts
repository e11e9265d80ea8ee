import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import type { AgendaPoint, MeetingFile, Minutes, Network, NetworkMember, NetworkRole } from "./network.model.js";
import type { NetworkAgendaPointsTable, NetworkFilesTable, NetworkMembersTable, NetworksTable } from "./network.table.js";

const toNetwork = (r: Selectable<NetworksTable>): Network => ({
  id: r.id,
  tenantId: r.tenant_id,
  name: r.name,
  description: r.description,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toMember = (r: Selectable<NetworkMembersTable>): NetworkMember => ({
  id: r.id,
  tenantId: r.tenant_id,
  networkId: r.network_id,
  email: r.email,
  name: r.name,
  organisation: r.organisation,
  userId: r.user_id,
  role: r.role,
  invitedBy: r.invited_by,
  invitedAt: r.invited_at,
  joinedAt: r.joined_at,
  leftAt: r.left_at,
});

const toPoint = (r: Selectable<NetworkAgendaPointsTable>): AgendaPoint => ({
  id: r.id,
  eventId: r.event_id,
  memberId: r.member_id,
  authorName: r.author_name,
  title: r.title,
  text: r.text,
  position: r.position,
  createdAt: r.created_at,
});

const toFile = (r: Selectable<NetworkFilesTable>): MeetingFile => ({
  id: r.id,
  eventId: r.event_id,
  fileId: r.file_id,
  name: r.name,
  contentType: r.content_type,
  size: r.size,
  createdAt: r.created_at,
});

// ——— Networks

export async function insertNetwork(db: Database, n: Network, createdBy: string | null): Promise<void> {
  await db
    .insertInto("networks")
    .values({
      id: n.id,
      tenant_id: n.tenantId,
      name: n.name,
      description: n.description,
      created_by: createdBy,
      created_at: n.createdAt,
      updated_at: n.updatedAt,
    })
    .execute();
}

export async function updateNetwork(db: Database, tenantId: string, id: string, fields: { name: string; description: string; updatedAt: string }) {
  await db
    .updateTable("networks")
    .set({ name: fields.name, description: fields.description, updated_at: fields.updatedAt })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

export async function findNetwork(db: Database, tenantId: string, id: string): Promise<Network | undefined> {
  const row = await db.selectFrom("networks").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row && toNetwork(row);
}

/** Every network of the tenant, by name: for staff. */
export async function allNetworks(db: Database, tenantId: string): Promise<Network[]> {
  return (await db.selectFrom("networks").selectAll().where("tenant_id", "=", tenantId).orderBy("name").orderBy("id").limit(500).execute()).map(toNetwork);
}

/** The networks a person has joined and not left, by name. */
export async function networksOfUser(db: Database, tenantId: string, userId: string): Promise<Network[]> {
  const rows = await db
    .selectFrom("networks as n")
    .innerJoin("network_members as m", (j) => j.onRef("m.network_id", "=", "n.id").onRef("m.tenant_id", "=", "n.tenant_id"))
    .selectAll("n")
    .where("n.tenant_id", "=", tenantId)
    .where("m.user_id", "=", userId)
    .where("m.left_at", "is", null)
    .orderBy("n.name")
    .orderBy("n.id")
    .execute();
  return rows.map(toNetwork);
}

// ——— Members

/** The members who have not left (invited or joined), organisers first, then by name. */
export async function liveMembers(db: Database, tenantId: string, networkId: string): Promise<NetworkMember[]> {
  const rows = await db
    .selectFrom("network_members")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("network_id", "=", networkId)
    .where("left_at", "is", null)
    .orderBy("role", "desc")
    .orderBy("name")
    .orderBy("id")
    .execute();
  return rows.map(toMember);
}

/** One member of this network (left or not), by id. */
export async function findMember(db: Database, tenantId: string, networkId: string, id: string): Promise<NetworkMember | undefined> {
  const row = await db
    .selectFrom("network_members")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("network_id", "=", networkId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row && toMember(row);
}

/** One member by id anywhere in the tenant (for an invitation's token). */
export async function memberById(db: Database, tenantId: string, id: string): Promise<NetworkMember | undefined> {
  const row = await db.selectFrom("network_members").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row && toMember(row);
}

export async function liveMemberByEmail(db: Database, tenantId: string, networkId: string, email: string): Promise<NetworkMember | undefined> {
  const row = await db
    .selectFrom("network_members")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("network_id", "=", networkId)
    .where("email", "=", email)
    .where("left_at", "is", null)
    .executeTakeFirst();
  return row && toMember(row);
}

export async function insertMember(db: Database, m: NetworkMember): Promise<void> {
  await db
    .insertInto("network_members")
    .values({
      id: m.id,
      tenant_id: m.tenantId,
      network_id: m.networkId,
      email: m.email,
      name: m.name,
      organisation: m.organisation,
      user_id: m.userId,
      role: m.role,
      invited_by: m.invitedBy,
      invited_at: m.invitedAt,
      joined_at: m.joinedAt,
      left_at: m.leftAt,
    })
    .execute();
}

export async function markJoined(db: Database, tenantId: string, id: string, userId: string, at: string): Promise<void> {
  await db.updateTable("network_members").set({ user_id: userId, joined_at: at }).where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}

export async function markLeft(db: Database, tenantId: string, id: string, at: string): Promise<void> {
  await db.updateTable("network_members").set({ left_at: at }).where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}

export async function setMemberRole(db: Database, tenantId: string, id: string, role: NetworkRole): Promise<void> {
  await db.updateTable("network_members").set({ role }).where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}

// ——— Agenda

export async function agendaOf(db: Database, tenantId: string, eventId: string): Promise<AgendaPoint[]> {
  const rows = await db
    .selectFrom("network_agenda_points")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("event_id", "=", eventId)
    .orderBy("position")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(toPoint);
}

export async function insertAgendaPoint(db: Database, tenantId: string, p: AgendaPoint): Promise<void> {
  await db
    .insertInto("network_agenda_points")
    .values({
      id: p.id,
      tenant_id: tenantId,
      event_id: p.eventId,
      member_id: p.memberId,
      author_name: p.authorName,
      title: p.title,
      text: p.text,
      position: p.position,
      created_at: p.createdAt,
    })
    .execute();
}

export async function deleteAgendaPoint(db: Database, tenantId: string, eventId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom("network_agenda_points")
    .where("tenant_id", "=", tenantId)
    .where("event_id", "=", eventId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function setAgendaPosition(db: Database, tenantId: string, eventId: string, id: string, position: number): Promise<void> {
  await db
    .updateTable("network_agenda_points")
    .set({ position })
    .where("tenant_id", "=", tenantId)
    .where("event_id", "=", eventId)
    .where("id", "=", id)
    .execute();
}

// ——— Minutes and files

export async function findMinutes(db: Database, tenantId: string, eventId: string): Promise<Minutes | undefined> {
  const row = await db.selectFrom("network_minutes").selectAll().where("tenant_id", "=", tenantId).where("event_id", "=", eventId).executeTakeFirst();
  return row && { eventId: row.event_id, text: row.text, updatedAt: row.updated_at, publishedAt: row.published_at };
}

export async function saveMinutes(db: Database, tenantId: string, m: Minutes, by: string | null): Promise<void> {
  await db
    .insertInto("network_minutes")
    .values({ event_id: m.eventId, tenant_id: tenantId, text: m.text, updated_by: by, updated_at: m.updatedAt, published_at: m.publishedAt })
    .onConflict((oc) => oc.column("event_id").doUpdateSet({ text: m.text, updated_by: by, updated_at: m.updatedAt, published_at: m.publishedAt }))
    .execute();
}

export async function filesOf(db: Database, tenantId: string, eventId: string): Promise<MeetingFile[]> {
  const rows = await db
    .selectFrom("network_files")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("event_id", "=", eventId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(toFile);
}

export async function insertMeetingFile(db: Database, tenantId: string, f: MeetingFile, by: string | null): Promise<void> {
  await db
    .insertInto("network_files")
    .values({
      id: f.id,
      tenant_id: tenantId,
      event_id: f.eventId,
      file_id: f.fileId,
      name: f.name,
      content_type: f.contentType,
      size: f.size,
      uploaded_by: by,
      created_at: f.createdAt,
    })
    .execute();
}

export async function deleteMeetingFile(db: Database, tenantId: string, eventId: string, id: string): Promise<void> {
  await db.deleteFrom("network_files").where("tenant_id", "=", tenantId).where("event_id", "=", eventId).where("id", "=", id).execute();
}

// ——— A person's data

const memberRowsOf = (db: Database, tenantId: string, who: { userId: string | null; email: string | null }) =>
  db
    .selectFrom("network_members as m")
    .innerJoin("networks as n", (j) => j.onRef("n.id", "=", "m.network_id").onRef("n.tenant_id", "=", "m.tenant_id"))
    .where("m.tenant_id", "=", tenantId)
    .where((eb) => eb.or([...(who.userId ? [eb("m.user_id", "=", who.userId)] : []), ...(who.email ? [eb("m.email", "=", who.email)] : []), eb.lit(false)]));

// The shape of a person's data download is the export's own (snake_case as in the records), not a domain record.
/** A person's memberships of networks and the agenda points she put forward. */
export async function networkDataOfSubject(db: Database, tenantId: string, who: { userId: string | null; email: string | null }) {
  const memberships = await memberRowsOf(db, tenantId, who)
    .select(["n.name as network", "m.id", "m.name", "m.email", "m.organisation", "m.role", "m.invited_at", "m.joined_at", "m.left_at"])
    .orderBy("m.invited_at")
    .execute();
  const ids = memberships.map((m) => m.id);
  const points = ids.length
    ? await db
        .selectFrom("network_agenda_points as p")
        .innerJoin("events as e", (j) => j.onRef("e.id", "=", "p.event_id").onRef("e.tenant_id", "=", "p.tenant_id"))
        .select(["e.title as meeting", "p.title", "p.text", "p.created_at"])
        .where("p.tenant_id", "=", tenantId)
        .where("p.member_id", "in", ids)
        .orderBy("p.created_at")
        .execute()
    : [];
  return { network_members: memberships.map(({ id: _id, ...m }) => m), network_agenda_points: points };
}

/**
 * Forgets a person in networks: her memberships go, her agenda points stay on the agenda without her
 * name, and her name leaves what she did as an organiser.
 */
export async function forgetNetworkMember(db: Database, tenantId: string, who: { userId: string | null; email: string | null }): Promise<void> {
  const ids = (await memberRowsOf(db, tenantId, who).select("m.id").execute()).map((r) => r.id);
  if (ids.length) {
    await db
      .updateTable("network_agenda_points")
      .set({ member_id: null, author_name: null })
      .where("tenant_id", "=", tenantId)
      .where("member_id", "in", ids)
      .execute();
    await db.deleteFrom("network_members").where("tenant_id", "=", tenantId).where("id", "in", ids).execute();
  }
  if (!who.userId) return;
  await db.updateTable("network_members").set({ invited_by: null }).where("tenant_id", "=", tenantId).where("invited_by", "=", who.userId).execute();
  await db.updateTable("networks").set({ created_by: null }).where("tenant_id", "=", tenantId).where("created_by", "=", who.userId).execute();
  await db.updateTable("network_minutes").set({ updated_by: null }).where("tenant_id", "=", tenantId).where("updated_by", "=", who.userId).execute();
  await db.updateTable("network_files").set({ uploaded_by: null }).where("tenant_id", "=", tenantId).where("uploaded_by", "=", who.userId).execute();
}

export async function findMeetingFile(db: Database, tenantId: string, eventId: string, id: string): Promise<MeetingFile | undefined> {
  const row = await db
    .selectFrom("network_files")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("event_id", "=", eventId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row && toFile(row);
}

/** Every network of the tenant with how many have joined it and not left, by name. */
export async function networksWithCounts(db: Database, tenantId: string): Promise<{ id: string; name: string; count: number }[]> {
  const rows = await db
    .selectFrom("networks as n")
    .leftJoin("network_members as m", (j) =>
      j.onRef("m.network_id", "=", "n.id").onRef("m.tenant_id", "=", "n.tenant_id").on("m.joined_at", "is not", null).on("m.left_at", "is", null),
    )
    .select(["n.id", "n.name", (eb) => eb.fn.count<number>("m.id").as("n")])
    .where("n.tenant_id", "=", tenantId)
    .groupBy(["n.id", "n.name"])
    .orderBy("n.name")
    .orderBy("n.id")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, count: Number(r.n) }));
}

/** The addresses of those who have joined the network and not left (an invitation not yet accepted is not membership). */
export async function joinedAddresses(db: Database, tenantId: string, networkId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("network_members")
    .select("email")
    .where("tenant_id", "=", tenantId)
    .where("network_id", "=", networkId)
    .where("joined_at", "is not", null)
    .where("left_at", "is", null)
    .orderBy("email")
    .execute();
  return rows.map((r) => r.email);
}
