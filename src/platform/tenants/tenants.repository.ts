import { type ExpressionBuilder, type Selectable, sql } from "kysely";
import type { Database, DB } from "../../db/database.js";
import { isLang } from "../i18n/i18n.js";
import type { Tenant } from "./tenants.js";
import type { TenantsTable } from "./tenants.table.js";

const DEFAULT_ORDER: (1 | 2 | 3)[] = [1, 2, 3];
function allocationOrderOf(text: string): (1 | 2 | 3)[] {
  const order = text.split(",").map(Number);
  return order.length === 3 && [1, 2, 3].every((k) => order.includes(k)) ? (order as (1 | 2 | 3)[]) : DEFAULT_ORDER;
}

type TenantRow = Selectable<TenantsTable> & { host: string | null };

/** The tenant's columns, with its canonical host (or, before one is chosen, its first host name). */
const tenantColumns = (eb: ExpressionBuilder<DB, "tenants">) => [
  sql<string | null>`coalesce(tenants.canonical_host, ${eb
    .selectFrom("tenant_hosts as th")
    .select("th.host")
    .whereRef("th.tenant_id", "=", "tenants.id")
    .orderBy("th.is_default", "desc")
    .orderBy("th.host")
    .limit(1)})`.as("host"),
];

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
  };
}

/**
 * Which tenant a host name is (else the deployment's default tenant), and the version of its settings:
 * one small read, so the settings themselves can be kept in memory while the version stays the same.
 */
export async function tenantVersionByHost(db: Database, host: string): Promise<{ id: string; version: number; known: boolean } | null> {
  const row = await db
    .selectFrom("tenant_hosts")
    .innerJoin("tenants", "tenants.id", "tenant_hosts.tenant_id")
    .select(["tenants.id", "tenants.settings_version", "tenant_hosts.host as matched"])
    .where((eb) => eb.or([eb("tenant_hosts.host", "=", host), eb("tenant_hosts.is_default", "=", 1)]))
    .orderBy("tenant_hosts.is_default", "asc")
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, version: row.settings_version, known: row.matched === host } : null;
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
