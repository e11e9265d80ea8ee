import type { Database } from "../../db/database.js";
import type { Lang } from "../i18n/i18n.js";
import type { CountryCode } from "./countries.js";
import { keptHostRead } from "./tenant-notices.js";
import { tenantById, tenantVersionByHost } from "./tenants.repository.js";

export { allTenants, anyTenant, tenantHosts, updateTenant } from "./tenants.repository.js";

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  logoUrl: string | null;
  colorPrimary: string;
  languages: Lang[];
  defaultLanguage: Lang;
  timeZone: string;
  country: CountryCode;
  contactEmail: string;
  moderation: "pre" | "post";
  answerNudgeDays: number;
  answerEscalateDays: number;
  staleGraceDays: number;
  map: { tileUrl: string; attribution: string } | null;
  /** Kinds of activity in the order they get premises in a seasonal allocation. */
  allocationOrder: (1 | 2 | 3)[];
  /** Hours a person offered a freed place on an event has to accept it. */
  eventOfferHours: number;
  /** Within this many hours of an event's start, a freed place goes straight to the first on the waiting list. */
  eventImmediateHours: number;
  /** Where the tenant's pages are: every link in its e-mails, feeds and API answers starts here. */
  canonicalHost: string;
  /** Goes up (in the database) whenever the tenant's settings, hosts, terms or synonyms change: what is kept in memory is kept per version. */
  settingsVersion: number;
  /** How many writes the tenant's search documents have had when the tenant was read: an index that has caught up to it need not look again. */
  searchChanges: number;
}

export function hostOf(hostHeader: string | undefined): string {
  const host = (hostHeader ?? "").trim().toLowerCase();
  return host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : (host.split(":")[0] ?? "");
}

/** Each tenant as last read, by id; only used while the database says its settings version is the same. */
const kept = new Map<string, Tenant>();

/**
 * The tenant whose host name this is, or the deployment's default tenant; `known` says which, because
 * an unknown host may read the default tenant's pages but not act in it. At most one small read per request (the
 * host, the settings version and the count of search changes), none while a kept row may be used; the tenant's
 * settings are read again only when that version moved, whichever instance changed them.
 */
export async function resolveTenant(
  db: Database,
  hostHeader: string | undefined,
  /** For a GET without a session or an API key: the row may come from `keptHostRead` (see tenant-notices.ts). */
  mayKeep = false,
): Promise<{ tenant: Tenant; known: boolean } | null> {
  const host = hostOf(hostHeader);
  const found = mayKeep ? await keptHostRead(db, host, () => tenantVersionByHost(db, host)) : await tenantVersionByHost(db, host);
  if (!found) return null;
  let tenant = kept.get(found.id);
  if (!tenant || tenant.settingsVersion !== found.version) {
    const read = await tenantById(db, found.id);
    if (!read) return null;
    tenant = read;
  }
  if (tenant.searchChanges !== found.searchChanges) tenant = { ...tenant, searchChanges: found.searchChanges };
  // Kept only when it is the version just checked (a write between the two reads is caught next time).
  if (tenant.settingsVersion === found.version) kept.set(found.id, tenant);
  return { tenant, known: found.known };
}

/**
 * Something kept in memory per tenant and settings version (categories, synonyms, …): read again when the
 * version moved. `forget` drops a tenant's entries, for the instance that wrote (inside its transaction the
 * version it holds is the old one).
 */
export function perSettingsVersion<V>() {
  const entries = new Map<string, { version: number; value: Promise<V> }>();
  const keyOf = (tenantId: string, key: string) => `${tenantId}\u0000${String(key)}`;
  return {
    get(tenant: Pick<Tenant, "id" | "settingsVersion">, key: string, read: () => Promise<V>): Promise<V> {
      const k = keyOf(tenant.id, key);
      const entry = entries.get(k);
      if (entry && entry.version === tenant.settingsVersion) return entry.value;
      const value = read();
      entries.set(k, { version: tenant.settingsVersion, value });
      value.catch(() => entries.delete(k));
      return value;
    },
    forget(tenantId: string): void {
      for (const k of entries.keys()) if (k.startsWith(`${tenantId}\u0000`)) entries.delete(k);
    },
  };
}

const LOOPBACK = /^(localhost|127\.0\.0\.1|\[::1\])$|\.localhost$/;

/**
 * Where a tenant's pages are: its canonical host over HTTPS; on this machine plain HTTP on this server's
 * port; and plain HTTP for the ".test" names that exist only in tests.
 */
export function publicUrl(tenant: Pick<Tenant, "canonicalHost">, port: number): string {
  const host = tenant.canonicalHost;
  if (LOOPBACK.test(host)) return `http://${host}:${port}`;
  return host.endsWith(".test") ? `http://${host}` : `https://${host}`;
}
