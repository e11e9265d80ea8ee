import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase } from "../../src/db/database.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import type { DialectName } from "../../src/db/portable.js";
import { createTestApp, TestClock, testConfig } from "../harness.js";
import { startOidcProvider } from "../oidc.js";
import { inProcess } from "./client.js";
import { type Route, routesOf } from "./routes.js";
import { Target } from "./target.js";
import { buildTenant, OIDC_SECRET_NAME, type World } from "./world.js";

export const NOW = "2026-11-22T10:00:00.000Z";

export interface Probe {
  dialect: DialectName;
  world: World;
  routes: Route[];
  target: Target;
  close(): Promise<void>;
}

async function onServer(admin: string, statements: string[]) {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  for (const s of statements) await client.query(s);
  await client.end();
}

/**
 * Builds the two-tenant world through the app in this process, then starts the app on that database
 * in a child process, keeping the database as built as the copy every part of the probe starts from.
 */
export async function openProbe(dialect: DialectName): Promise<Probe> {
  const oidc = await startOidcProvider({
    clientId: "sammen",
    clientSecret: "probe-oidc-secret",
    redirectUri: "http://alfa.test/auth/oidc/alfa-kommune/callback",
  });
  const dir = mkdtempSync(join(tmpdir(), "sammen-probe-"));
  const admin = inject("postgresUrl");
  const name = `sammen_probe_${randomBytes(5).toString("hex")}`;
  let target: Target | null = null;
  if (dialect === "postgres") {
    if (!admin) throw new Error("PostgreSQL is not available to this run");
    await onServer(admin, [`CREATE DATABASE ${name}`]);
  }
  const config = testConfig({
    OIDC_SECRETS: JSON.stringify({ [OIDC_SECRET_NAME]: "probe-oidc-secret" }),
    ...(dialect === "postgres" ? { DATABASE_URL: (admin ?? "").replace(/\/[^/]*$/, `/${name}`) } : { SQLITE_FILE: join(dir, "work.sqlite") }),
  });
  const close = async () => {
    await target?.stop();
    await oidc.stop();
    rmSync(dir, { recursive: true, force: true });
    if (dialect === "postgres" && admin)
      await onServer(admin, [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, `DROP DATABASE IF EXISTS ${name}_pristine WITH (FORCE)`]);
  };
  try {
    const { db } = openDatabase(config);
    await migrateToLatest(db);
    await db.insertInto("postcodes").values({ country: "DK", code: "8000", name: "Aarhus C", lat: 56.1567, lon: 10.2108 }).execute();
    const clock = new TestClock(new Date(NOW));
    const { app, drainJobs } = createTestApp(db, { clock, config });
    const send = inProcess(app);
    const env = { clock, config, oidcIssuer: oidc.issuer, drainJobs };
    const world: World = { alfa: await buildTenant(db, send, env, "alfa"), bravo: await buildTenant(db, send, env, "bravo") };
    const routes = routesOf(app);
    await db.destroy();
    target = new Target({
      PROBE_CONFIG: JSON.stringify(config),
      PROBE_PRISTINE: dialect === "postgres" ? `${name}_pristine` : join(dir, "pristine.sqlite"),
      PROBE_NOW: NOW,
    });
    await target.start();
    await target.save();
    return { dialect, world, routes, target, close };
  } catch (error) {
    await close();
    throw error;
  }
}
