import { type CompiledQuery, type ExpressionBuilder, type Selectable, sql } from "kysely";
import type { Database, DB } from "../../db/database.js";
import { isLang } from "../i18n/i18n.js";
import type { Tenant } from "./tenants.js";
import type { TenantsTable } from "./tenants.table.js";

const DEFAULT_ORDER: (1 | 2 | 3)[] = [1, 2, 3];
function allocationOrderOf(text: string): (1 | 2 | 3)[] {
  const order = text.split(",").map(Number);
  return order.length === 3 && [1, 2, 3].every((k) => order.includes(k)) ? (order as (1 | 2 | 3)[]) : DEFAULT_ORDER;
}

type TenantRow = Selectable<TenantsTable> & { host: string | null; search_changes: number };

/** The tenant's columns, with its canonical host (or, before one is chosen, its first host name). */
const tenantColumns = (eb: ExpressionBuilder<DB, "tenants">) => [
  sql<string | null>`coalesce(tenants.canonical_host, ${eb
    .selectFrom("tenant_hosts as th")
    .select("th.host")
    .whereRef("th.tenant_id", "=", "tenants.id")
    .orderBy("th.is_default", "desc")
    .orderBy("th.host")
    .limit(1)})`.as("host"),
  searchChanges(eb),
];

/** How many writes the tenant's search documents have had (0 before the first). */
const searchChanges = (eb: ExpressionBuilder<DB, "tenants">) =>
  sql<number>`coalesce(${eb.selectFrom("search_changes as sc").select("sc.count").whereRef("sc.tenant_id", "=", "tenants.id")}, 0)`.as("search_changes");

export function toTenant(row: TenantRow): Tenant {
  const languages = row.languages.split(",").filter(isLang);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    logoUrl: row.logo_url,
    colorPrimary: row.color_primary,
    languages,
    defaultLanguage: isLang(row.default_language) ? row.default_language : "da",
    timeZone: row.time_zone,
    country: row.country as Tenant["country"],
    contactEmail: row.contact_email,
    moderation: row.moderation === "post" ? "post" : "pre",
    answerNudgeDays: row.answer_nudge_days,
    answerEscalateDays: row.answer_escalate_days,
    staleGraceDays: row.stale_grace_days,
    map: row.map_tile_url ? { tileUrl: row.map_tile_url, attribution: row.map_attribution ?? "" } : null,
    allocationOrder: allocationOrderOf(row.allocation_order),
    eventOfferHours: row.event_offer_hours,
    eventImmediateHours: row.event_immediate_hours,
    canonicalHost: row.host ?? "localhost",
    settingsVersion: row.settings_version,
    searchChanges: Number(row.search_changes),
  };
}

function hostRead(db: Database) {
  return db
    .selectFrom("tenant_hosts")
    .innerJoin("tenants", "tenants.id", "tenant_hosts.tenant_id")
    .leftJoin("search_changes", "search_changes.tenant_id", "tenants.id")
    .select(["tenants.id", "tenants.settings_version", "tenant_hosts.host as matched", "search_changes.count as search_changes"]);
}

type HostRow = { id: string; settings_version: number; matched: string; search_changes: number | null };

/** Compiled once per database: this read runs on every request, and building it costs more than running it. */
const compiledByHost = new WeakMap<Database, CompiledQuery<HostRow>>();

/**
 * Which tenant a host name is (else the deployment's default tenant), the version of its settings and the count
 * of its search changes: one small read by primary key, so what depends on them can be kept in memory while they
 * stay the same.
 */
export async function tenantVersionByHost(db: Database, host: string): Promise<{ id: string; version: number; searchChanges: number; known: boolean } | null> {
  let compiled = compiledByHost.get(db);
  if (!compiled) {
    compiled = hostRead(db).where("tenant_hosts.host", "=", "").compile() as CompiledQuery<HostRow>;
    compiledByHost.set(db, compiled);
  }
  const row =
    (await db.executeQuery<HostRow>({ ...compiled, parameters: [host] })).rows[0] ??
    (await hostRead(db).where("tenant_hosts.is_default", "=", 1).limit(1).executeTakeFirst());
  return row ? { id: row.id, version: row.settings_version, searchChanges: Number(row.search_changes ?? 0), known: row.matched === host } : null;
}

export async function tenantById(db: Database, id: string): Promise<Tenant | null> {
  const row = await db.selectFrom("tenants").selectAll().select(tenantColumns).where("id", "=", id).executeTakeFirst();
  return row ? toTenant(row) : null;
}

export async function anyTenant(db: Database): Promise<boolean> {
  return (await db.selectFrom("tenants").select("id").limit(1).executeTakeFirst()) !== undefined;
}

export async function tenantHosts(db: Database, tenantId: string): Promise<string[]> {
  const rows = await db.selectFrom("tenant_hosts").select("host").where("tenant_id", "=", tenantId).execute();
  return rows.map((r) => r.host);
}

export async function updateTenant(
  db: Database,
  tenantId: string,
  input: Pick<
    Tenant,
    | "name"
    | "logoUrl"
    | "colorPrimary"
    | "languages"
    | "defaultLanguage"
    | "timeZone"
    | "contactEmail"
    | "moderation"
    | "answerNudgeDays"
    | "answerEscalateDays"
    | "staleGraceDays"
    | "eventOfferHours"
    | "eventImmediateHours"
    | "map"
    | "allocationOrder"
  >,
): Promise<void> {
  await db
    .updateTable("tenants")
    .set({
      name: input.name,
      logo_url: input.logoUrl,
      color_primary: input.colorPrimary.toLowerCase(),
      languages: input.languages.join(","),
      default_language: input.defaultLanguage,
      time_zone: input.timeZone,
      contact_email: input.contactEmail,
      moderation: input.moderation,
      answer_nudge_days: input.answerNudgeDays,
      answer_escalate_days: input.answerEscalateDays,
      stale_grace_days: input.staleGraceDays,
      event_offer_hours: input.eventOfferHours,
      event_immediate_hours: input.eventImmediateHours,
      map_tile_url: input.map?.tileUrl ?? null,
      map_attribution: input.map?.attribution ?? null,
      allocation_order: input.allocationOrder.join(","),
    })
    .where("id", "=", tenantId)
    .execute();
}

export async function allTenants(db: Database): Promise<Tenant[]> {
  return (await db.selectFrom("tenants").selectAll().select(tenantColumns).execute()).map(toTenant);
}
