import type { Database } from "../src/db/database.js";
import { addDefaultTaxonomy } from "../src/modules/taxonomy/index.js";
import { issueToken } from "../src/platform/auth/email-tokens.js";
import { type Clock, DAY_MS, isoNow } from "../src/platform/clock.js";
import { newId } from "../src/platform/ids.js";
import { type CountryCode, countryProfile } from "../src/platform/tenants/countries.js";
import { hostOf, publicUrl } from "../src/platform/tenants/tenants.js";

export interface FirstAdminInput {
  host: string;
  name: string;
  email: string;
  country: CountryCode;
  /** The tenant that answers host names nobody configured. */
  isDefault: boolean;
}

/**
 * A new tenant on its host name and its first administrator, who gets a one-time link (valid a week) to
 * choose a password. The only way into a production installation that was not given the demo.
 */
export async function createFirstAdmin(db: Database, clock: Clock, port: number, input: FirstAdminInput): Promise<{ link: string }> {
  const host = hostOf(input.host);
  if (!host) throw new Error("Give the tenant's host name, e.g. frivillig.sonderby.dk");
  const taken = await db.selectFrom("tenant_hosts").select("tenant_id").where("host", "=", host).executeTakeFirst();
  if (taken) throw new Error(`${host} already belongs to a tenant; its administrators invite the next ones from Sammen itself`);
  const now = isoNow(clock);
  const tenantId = newId();
  const userId = newId();
  const email = input.email.trim().toLowerCase();
  const { language, timeZone, allocationOrder } = countryProfile(input.country);
  const token = await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("tenants")
      .values({
        id: tenantId,
        slug: host.split(".")[0] ?? host,
        name: input.name,
        logo_url: null,
        color_primary: "#0b5e7e",
        languages: "da,nb,nl,en",
        default_language: language,
        time_zone: timeZone,
        country: input.country,
        contact_email: email,
        moderation: "pre",
        canonical_host: host,
        allocation_order: allocationOrder.join(","),
        created_at: now,
      })
      .execute();
    if (input.isDefault) await trx.updateTable("tenant_hosts").set({ is_default: 0 }).execute();
    await trx
      .insertInto("tenant_hosts")
      .values({ host, tenant_id: tenantId, is_default: input.isDefault ? 1 : 0 })
      .execute();
    await addDefaultTaxonomy(trx, tenantId);
    await trx
      .insertInto("users")
      .values({ id: userId, tenant_id: tenantId, email, name: email, password_hash: null, email_verified_at: null, language, created_at: now, updated_at: now })
      .execute();
    await trx.insertInto("user_roles").values({ tenant_id: tenantId, user_id: userId, role: "tenant_admin", granted_by: null, created_at: now }).execute();
    return issueToken(trx, clock, { tenantId, purpose: "reset", email, userId, lifetimeMs: 7 * DAY_MS });
  });
  return { link: `${publicUrl({ canonicalHost: host }, port)}/password/reset?token=${encodeURIComponent(token)}` };
}
