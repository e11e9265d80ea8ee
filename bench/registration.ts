// Registration throughput: many signed-in people registering at once for a handful of events, each
// request placing them (a place or the next number on the waiting list) under the event's turn and
// queueing the e-mail with its calendar file, beside the limit of the same number of bare one-row write
// transactions. Three repetitions, each on a fresh database with the demo data, and each figure's median.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedDemo } from "../scripts/demo-data.js";
import { openDatabase } from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";
import type { DialectName } from "../src/db/portable.js";
import type { CommunityEvent } from "../src/modules/events/events.model.js";
import { register } from "../src/modules/events/register.js";
import { systemClock } from "../src/platform/clock.js";
import { newId } from "../src/platform/ids.js";
import type { ServiceContext } from "../src/platform/service-context.js";
import { resolveTenant } from "../src/platform/tenants/tenants.js";
import { buildEvent } from "../test/factories/event.factory.js";
import { bareWriteLimit, CONCURRENCY, freshPostgres, inParallel, medianOf } from "./harness.js";

const REQUESTS = 1500;
const EVENTS = 10;
const CAPACITY = 50;

export async function registrationBench(dialect: DialectName, serverUrl?: string) {
  const figures = await medianOf(() => measure(dialect, serverUrl));
  console.log(
    `registration (${dialect}): ${figures.rps} registrations/s (${figures.registered} places, ${figures.waiting} on waiting lists), bare one-row write transactions ${figures.limit_rps}/s`,
  );
  console.log(JSON.stringify(figures));
}

async function measure(dialect: DialectName, serverUrl?: string) {
  const dir = mkdtempSync(join(tmpdir(), "sammen-registration-bench-"));
  const settings = {
    SQLITE_FILE: join(dir, "bench.sqlite"),
    ...(serverUrl ? { DATABASE_URL: await freshPostgres(serverUrl, "sammen_registration_bench") } : {}),
  };
  const { db } = openDatabase(settings);
  try {
    await migrateToLatest(db);
    await seedDemo(db, systemClock);
    const tenant = (await resolveTenant(db, "localhost"))?.tenant;
    if (!tenant) throw new Error("no demo tenant");
    const events: CommunityEvent[] = [];
    for (let i = 0; i < EVENTS; i++)
      events.push(await buildEvent(db, { id: tenant.id, host: "localhost" }, { title: `Temamøde ${i + 1}`, capacity: CAPACITY, maxPerRegistration: 1 }));
    const now = new Date().toISOString();
    const people = Array.from({ length: REQUESTS }, (_, i) => ({ id: newId(), name: `Deltager ${i}`, email: `deltager${i}@bench.example` }));
    for (let i = 0; i < people.length; i += 500) {
      await db
        .insertInto("users")
        .values(
          people.slice(i, i + 500).map((p) => ({
            id: p.id,
            tenant_id: tenant.id,
            email: p.email,
            name: p.name,
            password_hash: null,
            email_verified_at: now,
            language: null,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    }
    const contextOf = (p: (typeof people)[number]): ServiceContext => ({
      db,
      clock: systemClock,
      config: {
        secret: "bench-secret-bench-secret-bench-secret",
        dataKey: "YmVuY2gtZGF0YS1rZXktYmVuY2gtZGF0YS1rZXktMDA=",
        DATA_KEYS_OLD: [],
      } as unknown as ServiceContext["config"],
      tenant,
      actor: { kind: "person", tenantId: tenant.id, userId: p.id, name: p.name, email: p.email, roles: new Set(), memberships: new Map() },
      lang: "da",
      baseUrl: "http://localhost",
      ip: null,
    });
    const rps = await inParallel(REQUESTS, async (i) => {
      const p = people[i] as (typeof people)[number];
      await register(contextOf(p), (events[i % EVENTS] as CommunityEvent).id, {
        name: p.name,
        email: p.email,
        phone: null,
        others: [],
        associationId: null,
        answers: {},
      });
    });
    const limit = await bareWriteLimit(db, tenant.id, REQUESTS);
    const rows = await db
      .selectFrom("event_registrations")
      .select(["event_id", "status"])
      .where(
        "event_id",
        "in",
        events.map((e) => e.id),
      )
      .execute();
    const registered = rows.filter((r) => r.status === "registered").length;
    if (registered !== EVENTS * CAPACITY || rows.length !== REQUESTS) throw new Error(`places went wrong: ${registered} registered of ${rows.length}`);
    return {
      name: "registration",
      dialect,
      rps: Math.round(rps),
      limit_rps: Math.round(limit),
      ratio: Math.round((rps / limit) * 1000) / 1000,
      requests: REQUESTS,
      events: EVENTS,
      registered,
      waiting: rows.length - registered,
      concurrency: CONCURRENCY,
    };
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
