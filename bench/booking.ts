// Booking throughput: many associations asking for different rooms and times at once, each request
// checked against the rules and held in one transaction (with the exclusion constraint on
// PostgreSQL), beside the limit of the same number of bare one-row write transactions. Three
// repetitions, each on a fresh database, and each figure's median; `queries` is the statements one
// granted request sends with the rules cached (not counting begin and commit), `queries_cold` the
// first request's, which reads the rules, and `queries_mean` all statements of the run per request.
// `same_writes_limit_rps` is the rate of a granted booking's own writes alone (its five rows, by the use case's own
// `writeBooking`, in one transaction, with no check or rule around them): what the database allows a booking whatever the
// application does, and `same_writes_ceiling` that rate over the bare write limit, the highest `ratio` could be.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { KyselyPlugin } from "kysely";
import { seedDemo } from "../scripts/demo-data.js";
import type { Config } from "../src/config.js";
import { openDatabase } from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";
import type { DialectName } from "../src/db/portable.js";
import { requestBooking, writeBooking } from "../src/modules/premises/bookings/request-booking.js";
import { rulesVersion } from "../src/modules/premises/premises.repository.js";
import { isoNow, systemClock } from "../src/platform/clock.js";
import { AppError } from "../src/platform/http/errors.js";
import { newId } from "../src/platform/ids.js";
import type { ServiceContext } from "../src/platform/service-context.js";
import { resolveTenant } from "../src/platform/tenants/tenants.js";
import { addDays, instantOf, localParts, localToday, minuteOf, weekdayOf } from "../src/platform/time/recurrence.js";
import { bareWriteLimit, CONCURRENCY, freshPostgres, inParallel, medianOf } from "./harness.js";

const REQUESTS = 1500;

export async function bookingBench(dialect: DialectName, serverUrl?: string) {
  const figures = await medianOf(() => measure(dialect, serverUrl));
  console.log(
    `booking (${dialect}): ${figures.rps} requests/s (${figures.granted} of ${REQUESTS} granted), bare one-row write transactions ${figures.limit_rps}/s, ${figures.queries} statements a request; its writes alone ${figures.same_writes_limit_rps}/s (ceiling ${figures.same_writes_ceiling})`,
  );
  console.log(JSON.stringify(figures));
}

/** Counts the statements sent through a handle (a result comes back for each; begin and commit are not counted). */
function counting() {
  let count = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      count++;
      return args.result;
    },
  };
  return {
    plugin,
    take() {
      const n = count;
      count = 0;
      return n;
    },
  };
}

async function measure(dialect: DialectName, serverUrl?: string) {
  const dir = mkdtempSync(join(tmpdir(), "sammen-booking-bench-"));
  const settings = { SQLITE_FILE: join(dir, "bench.sqlite"), ...(serverUrl ? { DATABASE_URL: await freshPostgres(serverUrl, "sammen_booking_bench") } : {}) };
  const { db } = openDatabase(settings);
  const counter = counting();
  try {
    await migrateToLatest(db);
    await seedDemo(db, systemClock);
    const tenant = (await resolveTenant(db, "localhost"))?.tenant;
    if (!tenant) throw new Error("no demo tenant");
    const association = await db.selectFrom("associations").select("id").where("tenant_id", "=", tenant.id).executeTakeFirstOrThrow();
    const user = await db.selectFrom("users").select(["id", "name", "email"]).where("tenant_id", "=", tenant.id).executeTakeFirstOrThrow();
    const rooms = await db
      .selectFrom("premises")
      .select("id")
      .where("tenant_id", "=", tenant.id)
      .where("bookable", "=", 1)
      .where("approval", "=", "manual")
      .orderBy("id")
      .execute();
    const ctx: ServiceContext = {
      db: db.withPlugin(counter.plugin),
      clock: systemClock,
      config: {} as Config,
      tenant,
      actor: {
        kind: "person",
        tenantId: tenant.id,
        userId: user.id,
        name: user.name,
        email: user.email,
        roles: new Set(),
        memberships: new Map([[association.id, "admin"]]),
      },
      lang: "da",
      baseUrl: "http://localhost",
      ip: null,
    };
    // Weekend days a month on, spread over rooms, days and hours so that most requests can be granted.
    let saturday = addDays(localToday(new Date(), tenant.timeZone), 35);
    while (weekdayOf(saturday) !== 6) saturday = addDays(saturday, 1);
    let granted = 0;
    const book = async (i: number) => {
      const room = rooms[i % rooms.length]?.id ?? "";
      const slot = Math.floor(i / rooms.length);
      const date = addDays(saturday, 7 * Math.floor(slot / 4) + (slot % 2));
      const hour = 10 + (Math.floor(slot / 2) % 2) * 3;
      const granting = requestBooking(ctx, room, {
        associationId: association.id,
        purpose: "Træning",
        participants: 10,
        date,
        start: `${hour}:00`,
        end: `${hour + 2}:00`,
        repeat: "none",
        until: "",
      });
      // A refused request (taken, or against a rule) is a normal answer here, not a failure of the bench.
      if (
        await granting.then(
          () => true,
          (e) => (e instanceof AppError ? false : Promise.reject(e)),
        )
      )
        granted++;
    };
    // Two alone, a week after the Christmas closure: the first reads the rules into the cache, the second is the everyday request.
    const alone = [4 * rooms.length, 4 * rooms.length + 1];
    const rest = Array.from({ length: REQUESTS }, (_, i) => i).filter((i) => !alone.includes(i));
    counter.take();
    await book(alone[0] ?? 0);
    const queriesCold = counter.take();
    await book(alone[1] ?? 1);
    const queries = counter.take();
    if (granted !== 2) throw new Error("the requests measured alone were not granted");
    const rps = await inParallel(rest.length, (i) => book(rest[i] ?? 0));
    const queriesMean = (queriesCold + queries + counter.take()) / REQUESTS;
    const limit = await bareWriteLimit(db, tenant.id, REQUESTS);
    // The same number of statements, bare: what the round trips alone allow, whatever the request does besides.
    const sameStatements = await bareWriteLimit(db, tenant.id, REQUESTS, queries);
    // Each in a free slot of its own: two hours every three, from two weeks after the requests' last date, in a room
    // nothing holds from then on (the demo's weekly series hold some rooms for months).
    const version = await rulesVersion(db, tenant.id);
    const lastWeek = Math.floor(Math.ceil(REQUESTS / rooms.length) / 4);
    const first = Date.parse(instantOf(addDays(saturday, 7 * (lastWeek + 2)), "08:00", tenant.timeZone));
    const held = await db
      .selectFrom("occupancy")
      .select("premise_id")
      .distinct()
      .where("tenant_id", "=", tenant.id)
      .where("end_minute", ">", minuteOf(new Date(first)))
      .execute();
    const room = rooms.find((r) => !held.some((h) => h.premise_id === r.id))?.id;
    if (!room) throw new Error("no room is free for the writes alone");
    const sameWrites = await inParallel(REQUESTS, (i) =>
      db.transaction().execute(async (trx) => {
        const tx = { ...ctx, db: trx };
        const id = newId();
        const now = isoNow(systemClock);
        const startsAt = new Date(first + i * 3 * 3_600_000);
        const endsAt = new Date(startsAt.getTime() + 2 * 3_600_000);
        const { date: localDate, time: startTime } = localParts(startsAt.toISOString(), tenant.timeZone);
        const booking = {
          id,
          tenantId: tenant.id,
          premiseId: room,
          associationId: association.id,
          userId: user.id,
          purpose: "Træning",
          participants: 10,
          status: "pending" as const,
          zone: tenant.timeZone,
          startDate: localDate,
          startTime,
          endTime: localParts(endsAt.toISOString(), tenant.timeZone).time,
          everyWeeks: null,
          untilDate: null,
          decisionNote: null,
          decidedBy: null,
          decidedAt: null,
          createdAt: now,
        };
        const date = { id: newId(), bookingId: id, premiseId: room, localDate, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() };
        const hold = { occurrenceId: date.id, premiseId: room, start: minuteOf(startsAt), end: minuteOf(endsAt) };
        if (!(await writeBooking(tx, booking, [date], [hold], version))) throw new Error("the rules' version moved");
      }),
    );
    return {
      name: "booking",
      dialect,
      rps: Math.round(rps),
      limit_rps: Math.round(limit),
      ratio: Math.round((rps / limit) * 1000) / 1000,
      same_statements_limit_rps: Math.round(sameStatements),
      same_statements_ratio: Math.round((rps / sameStatements) * 1000) / 1000,
      same_writes_limit_rps: Math.round(sameWrites),
      same_writes_ratio: Math.round((rps / sameWrites) * 1000) / 1000,
      same_writes_ceiling: Math.round((sameWrites / limit) * 1000) / 1000,
      queries,
      queries_cold: queriesCold,
      queries_mean: Math.round(queriesMean * 10) / 10,
      requests: REQUESTS,
      granted,
      concurrency: CONCURRENCY,
    };
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
