import { randomBytes } from "node:crypto";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { TestProject } from "vitest/node";
import type { DB } from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { createPool } from "../src/db/portable.js";
import { type Cluster, startCluster, whoCanRunPostgres } from "./postgres-cluster.js";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string | null;
    /** A database migrated once for this run; each test's database is a copy of it. */
    postgresTemplate: string | null;
  }
}

let cluster: Cluster | null = null;
let template: { admin: string; name: string } | null = null;

async function adminQuery(admin: string, sql: string) {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Migrating takes seconds on PostgreSQL; copying a migrated database takes a fraction of one. */
async function migratedTemplate(admin: string): Promise<string> {
  const name = `sammen_template_${randomBytes(6).toString("hex")}`;
  await adminQuery(admin, `CREATE DATABASE ${name}`);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: createPool(admin.replace(/\/[^/]*$/, `/${name}`)) }) });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  template = { admin, name };
  return name;
}

/** Uses TEST_DATABASE_URL when set; otherwise starts a throwaway cluster. Says loudly when PostgreSQL cannot run. */
export async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL ?? null;
  if (!url) {
    const problem = whoCanRunPostgres();
    if (problem) {
      const message = `\n*** PostgreSQL tests NOT run: ${problem} ***\n`;
      if (process.env.CI === "true") throw new Error(message);
      console.warn(message);
    } else {
      cluster = await startCluster();
      url = cluster.url;
    }
  }
  project.provide("postgresUrl", url);
  project.provide("postgresTemplate", url ? await migratedTemplate(url) : null);
}

export async function teardown() {
  if (template) await adminQuery(template.admin, `DROP DATABASE IF EXISTS ${template.name} WITH (FORCE)`);
  cluster?.stop();
}
