import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import { listOf } from "../../db/lists.js";
import type { Expert, ExpertMatch, ExpertProfile, ExpertRequest, HoursEntry, MatchStatus, ProfileStatus, RequestStatus, Skill } from "./experts.model.js";
import type { ExpertHoursTable, ExpertMatchesTable, ExpertProfilesTable, ExpertRequestsTable } from "./experts.table.js";

const toProfile = (r: Selectable<ExpertProfilesTable>): ExpertProfile => ({
  id: r.id,
  tenantId: r.tenant_id,
  userId: r.user_id,
  skills: listOf(r.skills) as Skill[],
  experience: r.experience,
  hoursPerMonth: Number(r.hours_per_month),
  phone: r.phone,
  status: r.status as ProfileStatus,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toExpert = (r: Selectable<ExpertProfilesTable> & { name: string; email: string }): Expert => ({ ...toProfile(r), name: r.name, email: r.email });

const toRequest = (r: Selectable<ExpertRequestsTable>): ExpertRequest => ({
  id: r.id,
  tenantId: r.tenant_id,
  associationId: r.association_id,
  skill: r.skill as Skill,
  description: r.description,
  neededBy: r.needed_by,
  status: r.status as RequestStatus,
  askedBy: r.asked_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toMatch = (r: Selectable<ExpertMatchesTable>): ExpertMatch => ({
  id: r.id,
  tenantId: r.tenant_id,
  requestId: r.request_id,
  expertId: r.expert_id,
  status: r.status as MatchStatus,
  proposedBy: r.proposed_by,
  proposedAt: r.proposed_at,
  answeredAt: r.answered_at,
  closedAt: r.closed_at,
  closedBy: r.closed_by,
  expertRating: r.expert_rating === null ? null : Number(r.expert_rating),
  expertComment: r.expert_comment,
  boardRating: r.board_rating === null ? null : Number(r.board_rating),
  boardComment: r.board_comment,
  boardRatedBy: r.board_rated_by,
});

const toHours = (r: Selectable<ExpertHoursTable>): HoursEntry => ({
  id: r.id,
  tenantId: r.tenant_id,
  matchId: r.match_id,
  onDate: r.on_date,
  minutes: Number(r.minutes),
  what: r.what,
  loggedBy: r.logged_by,
  createdAt: r.created_at,
});

// ——— Experts

const experts = (db: Database, tenantId: string) =>
  db
    .selectFrom("expert_profiles")
    .innerJoin("users", (j) => j.onRef("users.id", "=", "expert_profiles.user_id").onRef("users.tenant_id", "=", "expert_profiles.tenant_id"))
    .selectAll("expert_profiles")
    .select(["users.name as name", "users.email as email"])
    .where("expert_profiles.tenant_id", "=", tenantId);

export async function profileOfUser(db: Database, tenantId: string, userId: string): Promise<ExpertProfile | undefined> {
  const row = await db.selectFrom("expert_profiles").selectAll().where("tenant_id", "=", tenantId).where("user_id", "=", userId).executeTakeFirst();
  return row && toProfile(row);
}

export async function findExpert(db: Database, tenantId: string, id: string): Promise<Expert | undefined> {
  const row = await experts(db, tenantId).where("expert_profiles.id", "=", id).executeTakeFirst();
  return row && toExpert(row);
}

export async function expertsByIds(db: Database, tenantId: string, ids: readonly string[]): Promise<Expert[]> {
  if (ids.length === 0) return [];
  return (
    await experts(db, tenantId)
      .where("expert_profiles.id", "in", [...new Set(ids)])
      .execute()
  ).map(toExpert);
}

export async function activeExperts(db: Database, tenantId: string): Promise<Expert[]> {
  return (await experts(db, tenantId).where("expert_profiles.status", "=", "active").orderBy("users.name").execute()).map(toExpert);
}

export async function allExperts(db: Database, tenantId: string): Promise<Expert[]> {
  return (await experts(db, tenantId).orderBy("users.name").execute()).map(toExpert);
}

export async function insertProfile(db: Database, p: ExpertProfile): Promise<void> {
  await db
    .insertInto("expert_profiles")
    .values({
      id: p.id,
      tenant_id: p.tenantId,
      user_id: p.userId,
      skills: p.skills.join(","),
      experience: p.experience,
      hours_per_month: p.hoursPerMonth,
      phone: p.phone,
      status: p.status,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
    })
    .execute();
}

export async function updateProfile(db: Database, p: ExpertProfile): Promise<void> {
  await db
    .updateTable("expert_profiles")
    .set({ skills: p.skills.join(","), experience: p.experience, hours_per_month: p.hoursPerMonth, phone: p.phone, status: p.status, updated_at: p.updatedAt })
    .where("tenant_id", "=", p.tenantId)
    .where("id", "=", p.id)
    .execute();
}

export async function deleteProfileOfUser(db: Database, tenantId: string, userId: string): Promise<void> {
  await db.deleteFrom("expert_profiles").where("tenant_id", "=", tenantId).where("user_id", "=", userId).execute();
}

// ——— Requests

export async function insertRequest(db: Database, r: ExpertRequest): Promise<void> {
  await db
    .insertInto("expert_requests")
    .values({
      id: r.id,
      tenant_id: r.tenantId,
      association_id: r.associationId,
      skill: r.skill,
      description: r.description,
      needed_by: r.neededBy,
      status: r.status,
      asked_by: r.askedBy,
      created_at: r.createdAt,
      updated_at: r.updatedAt,
    })
    .execute();
}

export async function findRequest(db: Database, tenantId: string, id: string): Promise<ExpertRequest | undefined> {
  const row = await db.selectFrom("expert_requests").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row && toRequest(row);
}

export async function requestsByIds(db: Database, tenantId: string, ids: readonly string[]): Promise<ExpertRequest[]> {
  if (ids.length === 0) return [];
  return (
    await db
      .selectFrom("expert_requests")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("id", "in", [...new Set(ids)])
      .execute()
  ).map(toRequest);
}

export async function allRequests(db: Database, tenantId: string): Promise<ExpertRequest[]> {
  return (
    await db.selectFrom("expert_requests").selectAll().where("tenant_id", "=", tenantId).orderBy("created_at", "desc").orderBy("id").limit(500).execute()
  ).map(toRequest);
}

export async function requestsOfAssociations(db: Database, tenantId: string, associationIds: readonly string[]): Promise<ExpertRequest[]> {
  if (associationIds.length === 0) return [];
  return (
    await db
      .selectFrom("expert_requests")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("association_id", "in", [...associationIds])
      .orderBy("created_at", "desc")
      .orderBy("id")
      .execute()
  ).map(toRequest);
}

export async function setRequestStatus(db: Database, tenantId: string, id: string, status: RequestStatus, at: string): Promise<void> {
  await db.updateTable("expert_requests").set({ status, updated_at: at }).where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}

export async function countRequests(db: Database, tenantId: string, status: RequestStatus): Promise<number> {
  const row = await db
    .selectFrom("expert_requests")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("tenant_id", "=", tenantId)
    .where("status", "=", status)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

// ——— Matches

export async function insertMatch(db: Database, m: ExpertMatch): Promise<void> {
  await db
    .insertInto("expert_matches")
    .values({
      id: m.id,
      tenant_id: m.tenantId,
      request_id: m.requestId,
      expert_id: m.expertId,
      status: m.status,
      proposed_by: m.proposedBy,
      proposed_at: m.proposedAt,
      answered_at: m.answeredAt,
      closed_at: m.closedAt,
      closed_by: m.closedBy,
      expert_rating: m.expertRating,
      expert_comment: m.expertComment,
      board_rating: m.boardRating,
      board_comment: m.boardComment,
      board_rated_by: m.boardRatedBy,
    })
    .execute();
}

export async function findMatch(db: Database, tenantId: string, id: string): Promise<ExpertMatch | undefined> {
  const row = await db.selectFrom("expert_matches").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row && toMatch(row);
}

export async function matchesOfRequests(db: Database, tenantId: string, requestIds: readonly string[]): Promise<ExpertMatch[]> {
  if (requestIds.length === 0) return [];
  return (
    await db
      .selectFrom("expert_matches")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("request_id", "in", [...new Set(requestIds)])
      .orderBy("proposed_at")
      .orderBy("id")
      .execute()
  ).map(toMatch);
}

export async function matchesOfExpert(db: Database, tenantId: string, expertId: string): Promise<ExpertMatch[]> {
  return (
    await db
      .selectFrom("expert_matches")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("expert_id", "=", expertId)
      .orderBy("proposed_at", "desc")
      .execute()
  ).map(toMatch);
}

/** How many requests each expert is helping with or has been asked about now (proposed or accepted). */
export async function liveLoads(db: Database, tenantId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("expert_matches")
    .select(["expert_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("tenant_id", "=", tenantId)
    .where("status", "in", ["proposed", "accepted"])
    .groupBy("expert_id")
    .execute();
  return new Map(rows.map((r) => [r.expert_id, Number(r.n)]));
}

export async function saveMatch(db: Database, m: ExpertMatch): Promise<void> {
  await db
    .updateTable("expert_matches")
    .set({
      status: m.status,
      answered_at: m.answeredAt,
      closed_at: m.closedAt,
      closed_by: m.closedBy,
      expert_rating: m.expertRating,
      expert_comment: m.expertComment,
      board_rating: m.boardRating,
      board_comment: m.boardComment,
      board_rated_by: m.boardRatedBy,
    })
    .where("tenant_id", "=", m.tenantId)
    .where("id", "=", m.id)
    .execute();
}

export async function countProposedTo(db: Database, tenantId: string, expertId: string): Promise<number> {
  const row = await db
    .selectFrom("expert_matches")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("tenant_id", "=", tenantId)
    .where("expert_id", "=", expertId)
    .where("status", "=", "proposed")
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

// ——— Hours

export async function insertHours(db: Database, h: HoursEntry): Promise<void> {
  await db
    .insertInto("expert_hours")
    .values({
      id: h.id,
      tenant_id: h.tenantId,
      match_id: h.matchId,
      on_date: h.onDate,
      minutes: h.minutes,
      what: h.what,
      logged_by: h.loggedBy,
      created_at: h.createdAt,
    })
    .execute();
}

export async function hoursOfMatches(db: Database, tenantId: string, matchIds: readonly string[]): Promise<HoursEntry[]> {
  if (matchIds.length === 0) return [];
  return (
    await db
      .selectFrom("expert_hours")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("match_id", "in", [...new Set(matchIds)])
      .orderBy("on_date")
      .orderBy("created_at")
      .execute()
  ).map(toHours);
}

export async function minutesOnDay(db: Database, tenantId: string, matchId: string, onDate: string): Promise<number> {
  const row = await db
    .selectFrom("expert_hours")
    .select((eb) => eb.fn.sum<number>("minutes").as("m"))
    .where("tenant_id", "=", tenantId)
    .where("match_id", "=", matchId)
    .where("on_date", "=", onDate)
    .executeTakeFirst();
  return Number(row?.m ?? 0);
}

/** Minutes given, by expert and the skill of the request. */
export async function minutesByExpertAndSkill(db: Database, tenantId: string): Promise<{ expertId: string; skill: Skill; minutes: number }[]> {
  const rows = await db
    .selectFrom("expert_hours")
    .innerJoin("expert_matches", (j) =>
      j.onRef("expert_matches.id", "=", "expert_hours.match_id").onRef("expert_matches.tenant_id", "=", "expert_hours.tenant_id"),
    )
    .innerJoin("expert_requests", (j) =>
      j.onRef("expert_requests.id", "=", "expert_matches.request_id").onRef("expert_requests.tenant_id", "=", "expert_matches.tenant_id"),
    )
    .select(["expert_matches.expert_id as expertId", "expert_requests.skill as skill", (eb) => eb.fn.sum<number>("expert_hours.minutes").as("minutes")])
    .where("expert_hours.tenant_id", "=", tenantId)
    .groupBy(["expert_matches.expert_id", "expert_requests.skill"])
    .execute();
  return rows.map((r) => ({ expertId: r.expertId, skill: r.skill as Skill, minutes: Number(r.minutes) }));
}

// ——— A person's data

export async function hoursLoggedBy(db: Database, tenantId: string, userId: string): Promise<HoursEntry[]> {
  return (await db.selectFrom("expert_hours").selectAll().where("tenant_id", "=", tenantId).where("logged_by", "=", userId).execute()).map(toHours);
}

export async function matchesTouchedBy(db: Database, tenantId: string, userId: string): Promise<ExpertMatch[]> {
  return (
    await db
      .selectFrom("expert_matches")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where((eb) => eb.or([eb("proposed_by", "=", userId), eb("closed_by", "=", userId), eb("board_rated_by", "=", userId)]))
      .execute()
  ).map(toMatch);
}

export async function requestsAskedBy(db: Database, tenantId: string, userId: string): Promise<ExpertRequest[]> {
  return (await db.selectFrom("expert_requests").selectAll().where("tenant_id", "=", tenantId).where("asked_by", "=", userId).execute()).map(toRequest);
}

/** Erasure: the person's name goes off what stays (the association's requests, the other side's matches and hours). */
export async function forgetUser(db: Database, tenantId: string, userId: string): Promise<void> {
  await db.updateTable("expert_requests").set({ asked_by: null }).where("tenant_id", "=", tenantId).where("asked_by", "=", userId).execute();
  await db.updateTable("expert_matches").set({ proposed_by: null }).where("tenant_id", "=", tenantId).where("proposed_by", "=", userId).execute();
  await db.updateTable("expert_matches").set({ closed_by: null }).where("tenant_id", "=", tenantId).where("closed_by", "=", userId).execute();
  await db.updateTable("expert_matches").set({ board_rated_by: null }).where("tenant_id", "=", tenantId).where("board_rated_by", "=", userId).execute();
  await db.updateTable("expert_hours").set({ logged_by: null }).where("tenant_id", "=", tenantId).where("logged_by", "=", userId).execute();
}

/** Erasure of an expert: their profile, and with it (by cascade) the matches put to them and the hours on those. */
export async function deleteExpertData(db: Database, tenantId: string, expertId: string): Promise<void> {
  const matchIds = (await db.selectFrom("expert_matches").select("id").where("tenant_id", "=", tenantId).where("expert_id", "=", expertId).execute()).map(
    (r) => r.id,
  );
  if (matchIds.length) {
    await db.deleteFrom("expert_hours").where("tenant_id", "=", tenantId).where("match_id", "in", matchIds).execute();
    await db.deleteFrom("expert_matches").where("tenant_id", "=", tenantId).where("id", "in", matchIds).execute();
  }
  await db.deleteFrom("expert_profiles").where("tenant_id", "=", tenantId).where("id", "=", expertId).execute();
}
