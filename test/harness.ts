import { randomBytes } from "node:crypto";
import { Kysely, type KyselyPlugin, PostgresDialect } from "kysely";
import pg from "pg";
import { pino } from "pino";
import { inject } from "vitest";
import { createApp } from "../src/app.js";
import { type Config, loadConfig } from "../src/config.js";
import type { Database, DB } from "../src/db/database.js";
import { listOf } from "../src/db/lists.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { createDialect, createPool, type DialectName } from "../src/db/portable.js";
import { allJobs } from "../src/modules/index.js";
import { addDefaultTaxonomy } from "../src/modules/taxonomy/index.js";
import { hashPassword } from "../src/platform/auth/passwords.js";
import type { StaffRole } from "../src/platform/auth/policy.js";
import type { Clock } from "../src/platform/clock.js";
import { newId } from "../src/platform/ids.js";
import { runOneJob } from "../src/platform/jobs/worker.js";
import { createMailer, type Mailer } from "../src/platform/mail/mailer.js";
import { buildPublishedJob, type JobOverrides } from "./factories/opportunity.factory.js";

export { buildPublishedJob };

export const silent = pino({ level: "silent" });

/** The dialects this run can test: SQLite always, PostgreSQL when the harness has a server. */
export function dialects(): DialectName[] {
  return inject("postgresUrl") ? ["sqlite", "postgres"] : ["sqlite"];
}

export class TestClock implements Clock {
  constructor(private current = new Date("2026-11-22T10:00:00.000Z")) {}
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestDb {
  db: Database;
  dialect: DialectName;
  url: string | null;
  /** A second connection pool to the same PostgreSQL database, as another app instance would have; SQLite shares its one connection. */
  secondInstance(): Database;
  destroy(): Promise<void>;
}

/** A fresh database, migrated unless told not to: SQLite in memory, or a new database on the test PostgreSQL server. */
export async function createTestDb(dialect: DialectName, options: { migrate?: boolean } = {}): Promise<TestDb> {
  const migrate = options.migrate === false ? async () => {} : migrateToLatest;
  if (dialect === "sqlite") {
    const db = new Kysely<DB>({ dialect: createDialect({ sqliteFile: ":memory:" }).dialect });
    await migrate(db);
    return { db, dialect, url: null, secondInstance: () => db, destroy: () => db.destroy() };
  }
  const admin = inject("postgresUrl");
  if (!admin) throw new Error("PostgreSQL is not available to this run");
  const name = `sammen_test_${randomBytes(6).toString("hex")}`;
  const template = options.migrate === false ? null : inject("postgresTemplate");
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  await client.end();
  const url = admin.replace(/\/[^/]*$/, `/${name}`);
  const open = () => new Kysely<DB>({ dialect: new PostgresDialect({ pool: createPool(url) }) });
  const db = open();
  if (!template) await migrate(db);
  return {
    db,
    dialect,
    url,
    secondInstance: open,
    async destroy() {
      await db.destroy();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * The same database, counting every statement sent through it, so a test can hold a page or a use
 * case to a fixed number of queries whatever the data size.
 */
export function countingQueries(db: Database) {
  let count = 0;
  // Counted as results come back: a subquery passes through transformQuery too, but only a statement sent returns a result.
  const counter: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      count++;
      return args.result;
    },
  };
  return {
    db: db.withPlugin(counter),
    /** Statements since the last call (or since the start). */
    take() {
      const n = count;
      count = 0;
      return n;
    },
  };
}

/** Asks until `done` says yes, or fails after five seconds: for what another connection or a timer brings about. */
export async function eventually(what: string, done: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never: ${what}`);
}

/** The data key tests seal with: 32 bytes in base64. */
export const TEST_DATA_KEY = Buffer.alloc(32, 7).toString("base64");

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: "test", SECRET: "test-secret-that-is-long-enough-000000", LOG_LEVEL: "silent", DATA_KEY: TEST_DATA_KEY, ...env });
}

export interface TenantFixture {
  id: string;
  host: string;
}

export async function createTenant(db: Database, input: { slug: string; host: string; country?: "DK" | "NO" | "NL"; isDefault?: boolean; languages?: string }) {
  const id = newId();
  await db
    .insertInto("tenants")
    .values({
      id,
      slug: input.slug,
      name: `Test ${input.slug}`,
      logo_url: null,
      color_primary: "#0b5e7e",
      languages: input.languages ?? "da,nb,nl,en",
      default_language: "da",
      time_zone: "Europe/Copenhagen",
      country: input.country ?? "DK",
      contact_email: `kontakt@${input.host}`,
      moderation: "pre",
      created_at: new Date().toISOString(),
    })
    .execute();
  await db
    .insertInto("tenant_hosts")
    .values({ host: input.host, tenant_id: id, is_default: input.isDefault ? 1 : 0 })
    .execute();
  await addDefaultTaxonomy(db, id);
  return { id, host: input.host } satisfies TenantFixture;
}

export const PASSWORD = "lang nok adgangskode til test";
let passwordHash: Promise<string> | null = null;

export async function createPerson(
  db: Database,
  tenant: TenantFixture,
  input: { email: string; name?: string; roles?: StaffRole[]; verified?: boolean; memberships?: { associationId: string; role: "member" | "admin" }[] },
) {
  const id = newId();
  const now = new Date().toISOString();
  passwordHash ??= hashPassword(PASSWORD);
  await db
    .insertInto("users")
    .values({
      id,
      tenant_id: tenant.id,
      email: input.email,
      name: input.name ?? input.email.split("@")[0] ?? "Test",
      password_hash: await passwordHash,
      email_verified_at: input.verified === false ? null : now,
      language: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const role of input.roles ?? []) {
    await db.insertInto("user_roles").values({ tenant_id: tenant.id, user_id: id, role, granted_by: null, created_at: now }).execute();
  }
  for (const m of input.memberships ?? []) {
    await db
      .insertInto("association_members")
      .values({ tenant_id: tenant.id, association_id: m.associationId, user_id: id, role: m.role, created_at: now })
      .execute();
  }
  return { id, email: input.email };
}

export async function createAssociation(db: Database, tenant: TenantFixture, name: string) {
  const id = newId();
  const now = new Date().toISOString();
  await db
    .insertInto("associations")
    .values({
      id,
      tenant_id: tenant.id,
      name,
      registration_number: null,
      email: `${id.slice(-6)}@forening.test`,
      phone: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, name };
}

/** A published job, its lists given as comma text as the older tests write them; see test/factories/opportunity.factory.ts. */
export async function createPublishedJob(
  db: Database,
  tenant: TenantFixture,
  association: { id: string; name: string },
  input: Omit<JobOverrides, "slots" | "suits" | "languages"> & { slots?: string; suits?: string; languages?: string },
) {
  return buildPublishedJob(db, tenant, association, {
    ...input,
    slots: listOf(input.slots),
    suits: input.suits === undefined ? undefined : listOf(input.suits),
    languages: input.languages === undefined ? undefined : listOf(input.languages),
  });
}

export function createTestApp(db: Database, options: { clock?: TestClock; config?: Config; mailer?: Mailer } = {}) {
  const config = options.config ?? testConfig();
  const clock = options.clock ?? new TestClock();
  const mailer = options.mailer ?? createMailer(config);
  const app = createApp({ config, db, clock, mailer, logger: silent });
  const jobs = allJobs({ db, clock, config, mailer });
  /** Runs every due job now, as the worker would. */
  const drainJobs = async () => {
    while (await runOneJob({ db, clock, logger: silent, handlers: jobs.handlers }, "test-worker")) {}
  };
  return { app, config, clock, mailer, drainJobs };
}

type Fetchable = { request: (input: string, init?: RequestInit) => Response | Promise<Response> };

/** A person using the app through its HTTP interface: keeps cookies and fills in the CSRF token. */
export class Visitor {
  private cookies = new Map<string, string>();
  constructor(
    private app: Fetchable,
    readonly host: string,
    private headers: Record<string, string> = {},
  ) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookie(name: string) {
    return this.cookies.get(name);
  }

  async request(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    headers.set("host", this.host);
    for (const [k, v] of Object.entries(this.headers)) if (!headers.has(k)) headers.set(k, v);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const res = await this.app.request(`http://${this.host}${path}`, { ...init, headers, redirect: "manual" });
    this.remember(res);
    return res;
  }

  get(path: string) {
    return this.request(path);
  }

  async csrfToken(path = "/") {
    const html = await (await this.get(path)).text();
    const token = html.match(/name="_csrf" value="([^"]+)"/)?.[1];
    if (!token) throw new Error(`No CSRF token on ${path}`);
    return token;
  }

  /** Submits a form as a browser would, with the CSRF token from the page unless told otherwise. */
  async post(path: string, fields: Record<string, string | string[]>, options: { csrf?: string | false; from?: string } = {}) {
    const body = new URLSearchParams();
    const csrf = options.csrf === undefined ? await this.csrfToken(options.from ?? "/") : options.csrf;
    if (csrf) body.set("_csrf", csrf);
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    return this.request(path, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
  }

  /** Submits a multipart form with one file, as a browser's file field would. */
  async upload(
    path: string,
    fields: Record<string, string>,
    file: { name: string; content: string | Uint8Array<ArrayBuffer>; type?: string; field?: string } | null,
    options: { from?: string } = {},
  ) {
    const body = new FormData();
    body.set("_csrf", await this.csrfToken(options.from ?? "/"));
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    if (file) body.set(file.field ?? "file", new File([file.content], file.name, { type: file.type ?? "text/csv" }));
    return this.request(path, { method: "POST", body });
  }

  async signIn(email: string, password = PASSWORD) {
    const res = await this.post("/sign-in", { email, password });
    if (res.status !== 303) throw new Error(`sign-in failed for ${email}: ${res.status}`);
    return res;
  }
}

export async function latestMail(db: Database, to: string) {
  return db.selectFrom("mail_outbox").selectAll().where("to_address", "=", to).orderBy("created_at", "desc").orderBy("id", "desc").executeTakeFirst();
}

export function linkIn(text: string, path: string): string {
  const match = text.match(new RegExp(`https?://[^\\s]+${path.replace(/[/?]/g, "\\$&")}[^\\s]*`));
  if (!match) throw new Error(`No ${path} link in:\n${text}`);
  const url = new URL(match[0]);
  return url.pathname + url.search;
}
