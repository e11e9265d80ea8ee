import type { Database } from "../../src/db/database.js";
import { writeBooking } from "../../src/modules/premises/bookings/hold.js";
import { PremiseTree } from "../../src/modules/premises/premise-tree.js";
import { type PremiseFields, seriesOf } from "../../src/modules/premises/premises.model.js";
import * as premises from "../../src/modules/premises/premises.repository.js";
import { newId } from "../../src/platform/ids.js";
import { expand } from "../../src/platform/time/recurrence.js";
import {
  createAssociation,
  createPerson,
  createTenant,
  createTestApp,
  createTestDb,
  type TenantFixture,
  type TestClock,
  type TestDb,
  Visitor,
} from "../harness.js";
import { PREMISE_DEFAULTS } from "./premise-record.js";

/** A premise with the same defaults as a new row, written through the repository. */
export async function buildPremise(db: Database, tenant: TenantFixture, fields: Partial<PremiseFields> & { name: string }, now = new Date()) {
  const id = newId();
  await premises.insertPremise(db, tenant.id, id, { ...PREMISE_DEFAULTS, ...fields }, now.toISOString());
  return id;
}

/** The same opening hours every day of the week, all year. */
export async function buildHours(db: Database, tenant: TenantFixture, premiseId: string, opens: string, closes: string) {
  const week = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ id: newId(), weekday, opens, closes }));
  await premises.replaceHours(db, tenant.id, premiseId, null, week);
}

export async function buildClosure(db: Database, tenant: TenantFixture, premiseId: string, fromDate: string, toDate: string, reason: string) {
  await premises.insertClosure(db, tenant.id, { id: newId(), premiseId, fromDate, toDate, reason });
}

/** An approved or pending booking written as the service writes one (its dates held), without the request's rules. */
export async function buildBooking(
  db: Database,
  tenant: TenantFixture,
  clock: TestClock,
  input: {
    premiseId: string;
    associationId?: string | null;
    userId?: string | null;
    purpose?: string;
    date: string;
    start: string;
    end: string;
    status?: "pending" | "approved";
  },
  zone = "Europe/Copenhagen",
) {
  const tree = new PremiseTree(await premises.allPremises(db, tenant.id));
  const premise = tree.byId.get(input.premiseId);
  if (!premise) throw new Error(`no premise ${input.premiseId}`);
  const series = seriesOf({ date: input.date, start: input.start, end: input.end, repeat: "none", until: "" }, zone);
  const id = newId();
  const booking = {
    id,
    associationId: input.associationId ?? null,
    userId: input.userId ?? null,
    purpose: input.purpose ?? "Træning",
    participants: 10,
    status: input.status ?? "approved",
    series,
  };
  await writeBooking(db, { tenant: { id: tenant.id }, clock }, tree, premise, booking, expand(series));
  return id;
}

/** Removes every booking (and seasonal application), so each story starts from free premises. */
export async function clearBookings(db: Database) {
  await db.deleteFrom("allocation_applications").execute();
  await db.deleteFrom("occupancy").execute();
  await db.deleteFrom("booking_occurrences").execute();
  await db.deleteFrom("bookings").execute();
}

/**
 * The municipality the premises stories play in: a school with a hall (two halves) and a
 * classroom, open 08–22 and closed over Christmas; two associations with their admins, a member,
 * a caseworker and a citizen; and another municipality with a hall and a caseworker of its own.
 */
export async function premisesWorld(dialect: Parameters<typeof createTestDb>[0], clock: TestClock) {
  const t: TestDb = await createTestDb(dialect);
  const a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
  const b = await createTenant(t.db, { slug: "b", host: "b.test" });
  const club = await createAssociation(t.db, a, "Sønderby Badmintonklub");
  const other = await createAssociation(t.db, a, "Gåklubben");
  await createPerson(t.db, a, { email: "admin@badminton.test", memberships: [{ associationId: club.id, role: "admin" }] });
  await createPerson(t.db, a, { email: "admin@gaa.test", memberships: [{ associationId: other.id, role: "admin" }] });
  await createPerson(t.db, a, { email: "member@badminton.test", memberships: [{ associationId: club.id, role: "member" }] });
  await createPerson(t.db, a, { email: "sagsbehandler@a.test", roles: ["caseworker"] });
  await createPerson(t.db, a, { email: "borger@a.test" });
  await createPerson(t.db, b, { email: "sagsbehandler@b.test", roles: ["caseworker"] });

  const now = clock.now();
  const rooms: Record<string, string> = {};
  rooms.school = await buildPremise(
    t.db,
    a,
    { name: "Sønderby Skole", kind: "building", bookable: false, address: "Skolevej 1", postcode: "8000", accessDetails: "Dørkode 4711" },
    now,
  );
  rooms.hall = await buildPremise(
    t.db,
    a,
    { name: "Idrætshallen", kind: "hall", parentId: rooms.school, capacity: 200, approval: "manual", houseRules: "Indendørssko" },
    now,
  );
  rooms.north = await buildPremise(t.db, a, { name: "Hallens nordlige halvdel", kind: "hall", parentId: rooms.hall, capacity: 100, approval: "manual" }, now);
  rooms.south = await buildPremise(t.db, a, { name: "Hallens sydlige halvdel", kind: "hall", parentId: rooms.hall, capacity: 100, approval: "manual" }, now);
  rooms.classroom = await buildPremise(
    t.db,
    a,
    { name: "Klasselokale 3", parentId: rooms.school, capacity: 28, approval: "auto", maxMinutes: 240, bufferMinutes: 15 },
    now,
  );
  rooms.foreign = await buildPremise(t.db, b, { name: "Anden kommunes hal", kind: "hall", capacity: 50 }, now);
  await buildHours(t.db, a, rooms.school, "08:00", "22:00");
  await buildClosure(t.db, a, rooms.school, "2026-12-21", "2027-01-03", "Juleferie");
  const env = createTestApp(t.db, { clock });

  const admin = async (email = "admin@badminton.test") => {
    const v = new Visitor(env.app, "a.test");
    await v.signIn(email);
    return v;
  };
  /** Asks for a room on the booking form, as the badminton club by default. */
  const request = (v: Visitor, room: string, change: Record<string, string> = {}, csrf?: string) =>
    v.post(
      `/premises/${rooms[room]}/book`,
      {
        associationId: club.id,
        purpose: "Badmintontræning for børn",
        participants: "20",
        date: "2026-12-01",
        start: "18:00",
        end: "20:00",
        repeat: "none",
        until: "",
        ...change,
      },
      { from: `/premises/${rooms[room]}/book`, ...(csrf ? { csrf } : {}) },
    );
  return { t, env, a, b, club, other, rooms, admin, request };
}
export type PremisesWorld = Awaited<ReturnType<typeof premisesWorld>>;
