import { type Selectable, sql } from "kysely";
import type { Database } from "../../db/database.js";
import { listOf } from "../../db/lists.js";
import { type Keyring, open, seal } from "../../platform/crypto/sealed.js";
import type { EventChange } from "./event-change.model.js";
import type { EventRoomBookingsTable } from "./event-room.table.js";
import {
  type CommunityEvent,
  type EventQuestion,
  type EventSession,
  LIVE,
  type Occupancy,
  type Registration,
  type RegistrationStatus,
  SEATED,
} from "./events.model.js";
import type { EventRegistrationsTable, EventSessionsTable, EventsTable } from "./events.table.js";

const SENSITIVE_FIELD = "event_registrations.sensitive_answers";

function questionsOf(text: string): EventQuestion[] {
  try {
    const parsed = JSON.parse(text) as EventQuestion[];
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

function answersOf(text: string | null): Record<string, string> {
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as Record<string, string>;
    return parsed && typeof parsed === "object" ? parsed : {};
  } catch {
    return {};
  }
}

const toSession = (row: Selectable<EventSessionsTable>): EventSession => ({ id: row.id, eventId: row.event_id, startsAt: row.starts_at, endsAt: row.ends_at });

type EventRow = Selectable<EventsTable> & { association_name: string | null };

export function toEvent(row: EventRow, sessions: EventSession[]): CommunityEvent {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    kind: row.kind,
    organiser: row.organiser,
    associationId: row.association_id,
    associationName: row.association_name,
    title: row.title,
    description: row.description,
    categoryId: row.category_id,
    targetGroups: listOf(row.target_groups),
    languages: listOf(row.languages),
    accessibility: listOf(row.accessibility),
    place: row.place,
    premiseId: row.premise_id,
    placeName: row.place_name,
    address: row.address,
    postcode: row.postcode,
    onlineUrl: row.online_url,
    price: row.price,
    priceMinor: row.price_minor,
    currency: row.currency,
    capacity: row.capacity,
    maxPerRegistration: row.max_per_registration,
    registrationOpensAt: row.registration_opens_at,
    registrationClosesAt: row.registration_closes_at,
    questions: questionsOf(row.questions),
    contactEmail: row.contact_email,
    status: row.status,
    reviewNote: row.review_note,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    cancelledAt: row.cancelled_at,
    sessions,
    networkId: row.network_id,
    memberGroupId: row.member_group_id ?? null,
  };
}

/** The event's columns as stored; its sessions are written apart. */
export const eventColumns = (e: CommunityEvent) => ({
  kind: e.kind,
  organiser: e.organiser,
  association_id: e.associationId,
  title: e.title,
  description: e.description,
  category_id: e.categoryId,
  target_groups: e.targetGroups.join(","),
  languages: e.languages.join(","),
  accessibility: e.accessibility.join(","),
  place: e.place,
  premise_id: e.premiseId,
  place_name: e.placeName,
  address: e.address,
  postcode: e.postcode,
  online_url: e.onlineUrl,
  price: e.price,
  price_minor: e.priceMinor,
  currency: e.currency,
  capacity: e.capacity,
  max_per_registration: e.maxPerRegistration,
  registration_opens_at: e.registrationOpensAt,
  registration_closes_at: e.registrationClosesAt,
  questions: JSON.stringify(e.questions),
  contact_email: e.contactEmail,
  status: e.status,
  review_note: e.reviewNote,
  starts_at: e.startsAt,
  ends_at: e.endsAt,
  updated_at: e.updatedAt,
  cancelled_at: e.cancelledAt,
  member_group_id: e.memberGroupId ?? null,
});

export async function insertEvent(db: Database, e: CommunityEvent, createdBy: string | null): Promise<void> {
  await db
    .insertInto("events")
    .values({ id: e.id, tenant_id: e.tenantId, created_by: createdBy, created_at: e.createdAt, network_id: e.networkId ?? null, ...eventColumns(e) })
    .execute();
  await replaceSessions(db, e.tenantId, e.id, e.sessions);
}

export async function updateEvent(db: Database, e: CommunityEvent): Promise<void> {
  await db.updateTable("events").set(eventColumns(e)).where("tenant_id", "=", e.tenantId).where("id", "=", e.id).execute();
}

/** Sessions keep their ids where they stay, so attendance taken for them stays too. */
export async function replaceSessions(db: Database, tenantId: string, eventId: string, sessions: EventSession[]): Promise<void> {
  const keep = sessions.map((s) => s.id);
  let gone = db.deleteFrom("event_sessions").where("tenant_id", "=", tenantId).where("event_id", "=", eventId);
  if (keep.length) gone = gone.where("id", "not in", keep);
  await gone.execute();
  for (const s of sessions) {
    await db
      .insertInto("event_sessions")
      .values({ id: s.id, tenant_id: tenantId, event_id: eventId, starts_at: s.startsAt, ends_at: s.endsAt })
      .onConflict((oc) => oc.column("id").doUpdateSet({ starts_at: s.startsAt, ends_at: s.endsAt }))
      .execute();
  }
}

const eventRows = (db: Database, tenantId: string) =>
  db
    .selectFrom("events as e")
    .leftJoin("associations as a", (j) => j.onRef("a.id", "=", "e.association_id").onRef("a.tenant_id", "=", "e.tenant_id"))
    .selectAll("e")
    .select("a.name as association_name")
    .where("e.tenant_id", "=", tenantId);

async function withSessions(db: Database, tenantId: string, rows: EventRow[]): Promise<CommunityEvent[]> {
  if (!rows.length) return [];
  const sessions = await db
    .selectFrom("event_sessions")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where(
      "event_id",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("starts_at")
    .execute();
  const byEvent = new Map<string, EventSession[]>();
  for (const s of sessions) byEvent.set(s.event_id, [...(byEvent.get(s.event_id) ?? []), toSession(s)]);
  return rows.map((r) => toEvent(r, byEvent.get(r.id) ?? []));
}

export async function findEvent(db: Database, tenantId: string, id: string): Promise<CommunityEvent | undefined> {
  const row = await eventRows(db, tenantId).where("e.id", "=", id).executeTakeFirst();
  return row ? (await withSessions(db, tenantId, [row]))[0] : undefined;
}

/** Published events that have not ended, soonest first. */
export async function upcomingEvents(db: Database, tenantId: string, now: string, options: { kind?: string; limit: number }): Promise<CommunityEvent[]> {
  let q = eventRows(db, tenantId).where("e.status", "in", ["published", "cancelled"]).where("e.network_id", "is", null).where("e.ends_at", ">=", now);
  if (options.kind) q = q.where("e.kind", "=", options.kind as CommunityEvent["kind"]);
  return withSessions(db, tenantId, await q.orderBy("e.starts_at").orderBy("e.id").limit(options.limit).execute());
}

/** Events staff or an association manage, newest start first; `associationIds` null for every event of the tenant. */
export async function managedEvents(db: Database, tenantId: string, associationIds: string[] | null): Promise<CommunityEvent[]> {
  let q = eventRows(db, tenantId);
  if (associationIds) {
    if (!associationIds.length) return [];
    q = q.where("e.association_id", "in", associationIds);
  }
  return withSessions(db, tenantId, await q.orderBy("e.starts_at", "desc").orderBy("e.id").limit(500).execute());
}

export async function setEventStatus(
  db: Database,
  tenantId: string,
  id: string,
  status: CommunityEvent["status"],
  fields: { reviewNote?: string | null; cancelledAt?: string | null; updatedAt: string },
): Promise<void> {
  await db
    .updateTable("events")
    .set({
      status,
      updated_at: fields.updatedAt,
      ...(fields.reviewNote !== undefined && { review_note: fields.reviewNote }),
      ...(fields.cancelledAt !== undefined && { cancelled_at: fields.cancelledAt }),
    })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

// ——— Registrations

export function toRegistration(row: Selectable<EventRegistrationsTable>): Registration {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    eventId: row.event_id,
    groupId: row.group_id,
    userId: row.user_id,
    associationId: row.association_id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    status: row.status,
    queueNo: row.queue_no,
    offerExpiresAt: row.offer_expires_at,
    answers: answersOf(row.answers),
    overbooked: row.overbooked === 1,
    addedBy: row.added_by,
    language: row.language,
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    updatedAt: row.updated_at,
    remindedAt: row.reminded_at,
  };
}

/** Writes new registrations; the answers to sensitive questions sealed. False when one of the people already has a live place. */
export async function insertRegistrations(
  db: Database,
  ring: Keyring,
  rows: (Registration & { sensitiveAnswers: Record<string, string> })[],
): Promise<boolean> {
  const values = rows.map((r) => ({
    id: r.id,
    tenant_id: r.tenantId,
    event_id: r.eventId,
    group_id: r.groupId,
    user_id: r.userId,
    association_id: r.associationId,
    name: r.name,
    email: r.email,
    phone: r.phone,
    status: r.status,
    queue_no: r.queueNo,
    offer_expires_at: r.offerExpiresAt,
    answers: JSON.stringify(r.answers),
    sensitive_answers: Object.keys(r.sensitiveAnswers).length ? seal(ring, SENSITIVE_FIELD, JSON.stringify(r.sensitiveAnswers)) : null,
    overbooked: r.overbooked ? 1 : 0,
    added_by: r.addedBy,
    language: r.language,
    created_at: r.createdAt,
    confirmed_at: r.confirmedAt,
    updated_at: r.updatedAt,
    reminded_at: null,
  }));
  const result = await db
    .insertInto("event_registrations")
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === rows.length;
}

export async function findRegistration(db: Database, tenantId: string, id: string): Promise<Registration | undefined> {
  const row = await db.selectFrom("event_registrations").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row && toRegistration(row);
}

export async function groupRegistrations(db: Database, tenantId: string, groupId: string): Promise<Registration[]> {
  const rows = await db
    .selectFrom("event_registrations")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("group_id", "=", groupId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(toRegistration);
}

/** The live registrations an address holds for an event (the person and those they registered with them). */
export async function liveRegistrationsOf(db: Database, tenantId: string, eventId: string, email: string): Promise<Registration[]> {
  const rows = await db
    .selectFrom("event_registrations")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("event_id", "=", eventId)
    .where("email", "=", email)
    .where("status", "in", LIVE)
    .orderBy("created_at")
    .execute();
  return rows.map(toRegistration);
}

export async function eventRegistrations(db: Database, tenantId: string, eventId: string): Promise<Registration[]> {
  const rows = await db
    .selectFrom("event_registrations")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("event_id", "=", eventId)
    // Those with a place first (no queue number, in both databases), then the waiting list in its order.
    .orderBy(sql`case when queue_no is null then 0 else 1 end`)
    .orderBy("queue_no")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(toRegistration);
}

/** A person's registrations, under their account or their address. */
export async function registrationsOfPerson(db: Database, tenantId: string, who: { userId: string; email: string }): Promise<Registration[]> {
  const rows = await db
    .selectFrom("event_registrations")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where((eb) => eb.or([eb("user_id", "=", who.userId), eb("email", "=", who.email)]))
    .orderBy("created_at")
    .limit(200)
    .execute();
  return rows.map(toRegistration);
}

/** Places taken (registered or offered) and people waiting. */
export async function occupancyOf(db: Database, tenantId: string, eventIds: string[]): Promise<Map<string, Omit<Occupancy, "capacity">>> {
  const found = new Map<string, Omit<Occupancy, "capacity">>();
  if (!eventIds.length) return found;
  const rows = await db
    .selectFrom("event_registrations")
    .select(["event_id", "status", (eb) => eb.fn.countAll<number | string>().as("n")])
    .where("tenant_id", "=", tenantId)
    .where("event_id", "in", eventIds)
    .where("status", "in", [...SEATED, "waiting"])
    .groupBy(["event_id", "status"])
    .execute();
  for (const id of eventIds) found.set(id, { taken: 0, waiting: 0 });
  for (const r of rows) {
    const o = found.get(r.event_id) as Omit<Occupancy, "capacity">;
    if (r.status === "waiting") o.waiting += Number(r.n);
    else o.taken += Number(r.n);
  }
  return found;
}

/** The number the next person on the event's waiting list gets: after everyone who ever waited. */
export async function nextQueueNo(db: Database, tenantId: string, eventId: string): Promise<number> {
  const row = await db
    .selectFrom("event_registrations")
    .select((eb) => eb.fn.max("queue_no").as("last"))
    .where("tenant_id", "=", tenantId)
    .where("event_id", "=", eventId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

/** The first `n` on the waiting list, in order. */
export async function firstWaiting(db: Database, tenantId: string, eventId: string, n: number): Promise<Registration[]> {
  if (n <= 0) return [];
  const rows = await db
    .selectFrom("event_registrations")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("event_id", "=", eventId)
    .where("status", "=", "waiting")
    .orderBy("queue_no")
    .limit(n)
    .execute();
  return rows.map(toRegistration);
}

/** How many wait before this number, plus one: a person's place on the list. */
export async function placeInQueue(db: Database, tenantId: string, eventId: string, queueNo: number): Promise<number> {
  const row = await db
    .selectFrom("event_registrations")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("tenant_id", "=", tenantId)
    .where("event_id", "=", eventId)
    .where("status", "=", "waiting")
    .where("queue_no", "<", queueNo)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

export async function setRegistrationStatus(
  db: Database,
  tenantId: string,
  ids: string[],
  status: RegistrationStatus,
  fields: { updatedAt: string; queueNo?: number | null; offerExpiresAt?: string | null; confirmedAt?: string | null },
): Promise<void> {
  if (!ids.length) return;
  await db
    .updateTable("event_registrations")
    .set({
      status,
      updated_at: fields.updatedAt,
      ...(fields.queueNo !== undefined && { queue_no: fields.queueNo }),
      ...(fields.offerExpiresAt !== undefined && { offer_expires_at: fields.offerExpiresAt }),
      ...(fields.confirmedAt !== undefined && { confirmed_at: fields.confirmedAt }),
    })
    .where("tenant_id", "=", tenantId)
    .where("id", "in", ids)
    .execute();
}

/** Offers of a freed place that were not accepted in time, by event. */
export async function lapsedOffers(db: Database, tenantId: string, now: string): Promise<Registration[]> {
  const rows = await db
    .selectFrom("event_registrations")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("status", "=", "offered")
    .where("offer_expires_at", "<", now)
    .orderBy("event_id")
    .orderBy("queue_no")
    .execute();
  return rows.map(toRegistration);
}

/** Registered people of published events starting between the two instants who have not had their reminder. */
export async function remindersDue(db: Database, tenantId: string, from: string, to: string): Promise<Registration[]> {
  const rows = await db
    .selectFrom("event_registrations as r")
    .innerJoin("events as e", (j) => j.onRef("e.id", "=", "r.event_id").onRef("e.tenant_id", "=", "r.tenant_id"))
    .selectAll("r")
    .where("r.tenant_id", "=", tenantId)
    .where("r.status", "=", "registered")
    .where("r.reminded_at", "is", null)
    .where("e.status", "=", "published")
    .where("e.starts_at", ">", from)
    .where("e.starts_at", "<=", to)
    .orderBy("r.event_id")
    .execute();
  return rows.map(toRegistration);
}

export async function markReminded(db: Database, tenantId: string, ids: string[], at: string): Promise<void> {
  if (ids.length) await db.updateTable("event_registrations").set({ reminded_at: at }).where("tenant_id", "=", tenantId).where("id", "in", ids).execute();
}

/** The sealed answers to sensitive questions of an event's registrations, opened: only for those who may see them, and logged by the caller. */
export async function sensitiveAnswers(db: Database, ring: Keyring, tenantId: string, eventId: string): Promise<Map<string, Record<string, string>>> {
  const rows = await db
    .selectFrom("event_registrations")
    .select(["id", "sensitive_answers"])
    .where("tenant_id", "=", tenantId)
    .where("event_id", "=", eventId)
    .where("sensitive_answers", "is not", null)
    .execute();
  return new Map(rows.map((r) => [r.id, answersOf(open(ring, SENSITIVE_FIELD, r.sensitive_answers as string))]));
}

/** Deletes the sensitive answers of events that ended before the instant. */
export async function deleteSensitiveAnswers(db: Database, tenantId: string, endedBefore: string): Promise<number> {
  const result = await db
    .updateTable("event_registrations")
    .set({ sensitive_answers: null })
    .where("tenant_id", "=", tenantId)
    .where("sensitive_answers", "is not", null)
    .where("event_id", "in", (eb) => eb.selectFrom("events").select("id").where("tenant_id", "=", tenantId).where("ends_at", "<", endedBefore))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ——— Attendance

export async function attendanceOf(
  db: Database,
  tenantId: string,
  eventId: string,
): Promise<{ registrationId: string; sessionId: string; present: boolean }[]> {
  const rows = await db
    .selectFrom("event_attendance as a")
    .innerJoin("event_sessions as s", (j) => j.onRef("s.id", "=", "a.session_id").onRef("s.tenant_id", "=", "a.tenant_id"))
    .select(["a.registration_id", "a.session_id", "a.present"])
    .where("a.tenant_id", "=", tenantId)
    .where("s.event_id", "=", eventId)
    .execute();
  return rows.map((r) => ({ registrationId: r.registration_id, sessionId: r.session_id, present: r.present === 1 }));
}

export async function markAttendance(
  db: Database,
  tenantId: string,
  sessionId: string,
  marks: { registrationId: string; present: boolean }[],
  by: string | null,
  at: string,
): Promise<void> {
  for (const m of marks) {
    await db
      .insertInto("event_attendance")
      .values({ tenant_id: tenantId, registration_id: m.registrationId, session_id: sessionId, present: m.present ? 1 : 0, marked_by: by, marked_at: at })
      .onConflict((oc) => oc.columns(["registration_id", "session_id"]).doUpdateSet({ present: m.present ? 1 : 0, marked_by: by, marked_at: at }))
      .execute();
  }
}

// ——— A person's data

const ofSubject = (db: Database, tenantId: string, who: { userId: string | null; email: string | null }) =>
  db
    .selectFrom("event_registrations as r")
    .innerJoin("events as e", (j) => j.onRef("e.id", "=", "r.event_id").onRef("e.tenant_id", "=", "r.tenant_id"))
    .where("r.tenant_id", "=", tenantId)
    .where((eb) => eb.or([...(who.userId ? [eb("r.user_id", "=", who.userId)] : []), ...(who.email ? [eb("r.email", "=", who.email)] : []), eb.lit(false)]));

// The shape of a person's data download is the export's own (snake_case as in the records), not a domain record.
/** A person's registrations for events (and those they registered with them), with the sensitive answers opened. */
export async function registrationsOfSubject(db: Database, ring: Keyring, tenantId: string, who: { userId: string | null; email: string | null }) {
  const rows = await ofSubject(db, tenantId, who)
    .select(["e.title as event", "e.starts_at", "r.name", "r.email", "r.phone", "r.status", "r.answers", "r.sensitive_answers", "r.created_at"])
    .orderBy("r.created_at")
    .execute();
  return rows.map(({ answers, sensitive_answers, ...r }) => ({
    ...r,
    answers: { ...answersOf(answers), ...(sensitive_answers ? answersOf(open(ring, SENSITIVE_FIELD, sensitive_answers)) : {}) },
  }));
}

/** Deletes a person's registrations (their attendance goes with them) and their name on what they did as an organiser. */
export async function forgetRegistrant(db: Database, tenantId: string, who: { userId: string | null; email: string | null }): Promise<void> {
  const ids = (await ofSubject(db, tenantId, who).select("r.id").execute()).map((r) => r.id);
  if (ids.length) await db.deleteFrom("event_registrations").where("tenant_id", "=", tenantId).where("id", "in", ids).execute();
  if (!who.userId) return;
  await db.updateTable("event_registrations").set({ added_by: null }).where("tenant_id", "=", tenantId).where("added_by", "=", who.userId).execute();
  await db.updateTable("event_attendance").set({ marked_by: null }).where("tenant_id", "=", tenantId).where("marked_by", "=", who.userId).execute();
  await db.updateTable("events").set({ created_by: null }).where("tenant_id", "=", tenantId).where("created_by", "=", who.userId).execute();
}

// ——— The organisers' pages (eventform)

/** Associations' events that wait for staff, the longest waiting first. */
export async function pendingEvents(db: Database, tenantId: string): Promise<CommunityEvent[]> {
  const rows = await eventRows(db, tenantId).where("e.status", "=", "pending").orderBy("e.updated_at").orderBy("e.id").limit(200).execute();
  return withSessions(db, tenantId, rows);
}

/** How many of the tenant's events wait for staff. */
export async function countPendingEvents(db: Database, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom("events")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("tenant_id", "=", tenantId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

// ——— The public calendar, its feeds and the API (eventcal)

/** What the public calendar, the feeds and the API narrow events to. */
export interface CalendarFilter {
  kind?: CommunityEvent["kind"] | null;
  categoryId?: string | null;
  /** Ends at or after this instant. */
  endsFrom: string;
  /** Starts before this instant. */
  startsBefore?: string | null;
  /** Leave out the events only for members of a group (the API and the feeds tell nothing of them). */
  openOnly?: boolean;
}

const publicEvents = (db: Database, tenantId: string, f: CalendarFilter) => {
  // A network's meeting is never public: only its members see it, on the network's pages.
  let q = eventRows(db, tenantId).where("e.status", "in", ["published", "cancelled"]).where("e.network_id", "is", null).where("e.ends_at", ">=", f.endsFrom);
  if (f.startsBefore) q = q.where("e.starts_at", "<", f.startsBefore);
  if (f.kind) q = q.where("e.kind", "=", f.kind);
  if (f.categoryId) q = q.where("e.category_id", "=", f.categoryId);
  if (f.openOnly) q = q.where("e.member_group_id", "is", null);
  return q;
};

/** The newest change to the tenant's events and to their registrations: the calendar's pages are kept until either moves. */
export async function latestEventChanges(db: Database, tenantId: string): Promise<string> {
  const [events, registrations] = await Promise.all([
    db
      .selectFrom("events")
      .select((eb) => eb.fn.max("updated_at").as("at"))
      .where("tenant_id", "=", tenantId)
      .executeTakeFirst(),
    db
      .selectFrom("event_registrations")
      .select((eb) => eb.fn.max("updated_at").as("at"))
      .where("tenant_id", "=", tenantId)
      .executeTakeFirst(),
  ]);
  return `${events?.at ?? ""}|${registrations?.at ?? ""}`;
}

/** Published (and cancelled, so people see they are) events that have not ended, soonest first, with their sessions. */
export async function calendarEvents(db: Database, tenantId: string, f: CalendarFilter, page: { limit: number; offset?: number }): Promise<CommunityEvent[]> {
  const rows = await publicEvents(db, tenantId, f)
    .orderBy("e.starts_at")
    .orderBy("e.id")
    .limit(page.limit)
    .offset(page.offset ?? 0)
    .execute();
  return withSessions(db, tenantId, rows);
}

export async function countCalendarEvents(db: Database, tenantId: string, f: CalendarFilter): Promise<number> {
  const row = await db
    .selectFrom("events as e")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("e.tenant_id", "=", tenantId)
    .where("e.status", "in", ["published", "cancelled"])
    .where("e.network_id", "is", null)
    .where("e.ends_at", ">=", f.endsFrom)
    .$if(Boolean(f.startsBefore), (q) => q.where("e.starts_at", "<", f.startsBefore as string))
    .$if(Boolean(f.kind), (q) => q.where("e.kind", "=", f.kind as CommunityEvent["kind"]))
    .$if(Boolean(f.categoryId), (q) => q.where("e.category_id", "=", f.categoryId as string))
    .$if(Boolean(f.openOnly), (q) => q.where("e.member_group_id", "is", null))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One event anyone may see: published or cancelled, never one waiting for approval or rejected. */
export async function findPublicEvent(db: Database, tenantId: string, id: string): Promise<CommunityEvent | undefined> {
  const row = await eventRows(db, tenantId)
    .where("e.id", "=", id)
    .where("e.status", "in", ["published", "cancelled"])
    .where("e.network_id", "is", null)
    .executeTakeFirst();
  return row ? (await withSessions(db, tenantId, [row]))[0] : undefined;
}

// (end of eventcal)

// ——— eventroom: the rooms booked for an event's sessions ———

/** A booking of the event's room for one session, as the event keeps it. */
export interface EventRoomBooking {
  bookingId: string;
  eventId: string;
  sessionId: string;
  premiseId: string;
  startsAt: string;
  endsAt: string;
}

const toRoomBooking = (r: Selectable<EventRoomBookingsTable>): EventRoomBooking => ({
  bookingId: r.booking_id,
  eventId: r.event_id,
  sessionId: r.session_id,
  premiseId: r.premise_id,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
});

/** The bookings of the room kept for some events, in the order of their sessions. */
export async function roomBookingsOf(db: Database, tenantId: string, eventIds: readonly string[]): Promise<EventRoomBooking[]> {
  if (eventIds.length === 0) return [];
  const rows = await db
    .selectFrom("event_room_bookings")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("event_id", "in", eventIds)
    .orderBy("starts_at")
    .execute();
  return rows.map(toRoomBooking);
}

export async function insertRoomBookings(db: Database, tenantId: string, rows: readonly EventRoomBooking[], now: string): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto("event_room_bookings")
    .values(
      rows.map((r) => ({
        booking_id: r.bookingId,
        tenant_id: tenantId,
        event_id: r.eventId,
        session_id: r.sessionId,
        premise_id: r.premiseId,
        starts_at: r.startsAt,
        ends_at: r.endsAt,
        created_at: now,
      })),
    )
    .execute();
}

/** Forgets bookings an event no longer keeps (they were cancelled for it). */
export async function deleteRoomBookings(db: Database, tenantId: string, bookingIds: readonly string[]): Promise<void> {
  if (bookingIds.length === 0) return;
  await db.deleteFrom("event_room_bookings").where("tenant_id", "=", tenantId).where("booking_id", "in", bookingIds).execute();
}

function changeOf(json: string | null, since: string | null): EventChange | null {
  if (!json || !since) return null;
  try {
    const parsed = JSON.parse(json) as { input: unknown; fields: string[] };
    return { input: parsed.input, fields: Array.isArray(parsed.fields) ? parsed.fields : [], since };
  } catch {
    return null;
  }
}

export async function setEventChange(db: Database, tenantId: string, id: string, change: EventChange | null): Promise<void> {
  await db
    .updateTable("events")
    .set({
      pending_change: change ? JSON.stringify({ input: change.input, fields: change.fields }) : null,
      pending_since: change ? change.since : null,
    })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

export async function eventChangeOf(db: Database, tenantId: string, id: string): Promise<EventChange | null> {
  const row = await db
    .selectFrom("events")
    .select(["pending_change", "pending_since"])
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? changeOf(row.pending_change, row.pending_since) : null;
}

/** Published events with a change waiting for staff, the oldest change first. */
export async function eventsWithChanges(db: Database, tenantId: string): Promise<{ event: CommunityEvent; change: EventChange }[]> {
  const rows = await eventRows(db, tenantId)
    .where("e.status", "=", "published")
    .where("e.pending_change", "is not", null)
    .orderBy("e.pending_since")
    .orderBy("e.id")
    .limit(200)
    .execute();
  const events = await withSessions(db, tenantId, rows);
  return rows.flatMap((r, i) => {
    const change = changeOf(r.pending_change, r.pending_since);
    const event = events[i];
    return change && event ? [{ event, change }] : [];
  });
}

export async function countEventChanges(db: Database, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom("events")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("tenant_id", "=", tenantId)
    .where("status", "=", "published")
    .where("pending_change", "is not", null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

// (end of eventroom)
// ——— Networks' meetings (networks)

/** A network's meetings, soonest first: every state, for its members' pages and feed. */
export async function networkMeetings(db: Database, tenantId: string, networkId: string): Promise<CommunityEvent[]> {
  const rows = await eventRows(db, tenantId).where("e.network_id", "=", networkId).orderBy("e.starts_at").orderBy("e.id").limit(500).execute();
  return withSessions(db, tenantId, rows);
}

// (end of networks)

/** The associations organising a published event that has not ended, by the event's category (events without one left out). */
export async function associationsByCategory(db: Database, tenantId: string, now: string): Promise<{ categoryId: string; associationId: string }[]> {
  const rows = await db
    .selectFrom("events")
    .select(["category_id", "association_id"])
    .distinct()
    .where("tenant_id", "=", tenantId)
    .where("status", "=", "published")
    .where("ends_at", ">=", now)
    .where("category_id", "is not", null)
    .where("association_id", "is not", null)
    .execute();
  return rows.map((r) => ({ categoryId: r.category_id as string, associationId: r.association_id as string }));
}
