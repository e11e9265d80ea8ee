import type { Database } from "../../db/database.js";
import type { Lang } from "../i18n/i18n.js";
import type { CountryCode } from "./countries.js";
import { tenantByHost } from "./tenants.repository.js";

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
  /** Where the tenant's pages are: every link in its e-mails, feeds and API answers starts here. */
  canonicalHost: string;
}

export function hostOf(hostHeader: string | undefined): string {
  const host = (hostHeader ?? "").trim().toLowerCase();
  return host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : (host.split(":")[0] ?? "");
}

/**
 * The tenant whose host name this is, or the deployment's default tenant; `known` says which, because
 * an unknown host may read the default tenant's pages but not act in it.
 */
export async function resolveTenant(db: Database, hostHeader: string | undefined): Promise<{ tenant: Tenant; known: boolean } | null> {
  return tenantByHost(db, hostOf(hostHeader));
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
