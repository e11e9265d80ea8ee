import type { Database } from "../../src/db/database.js";
import type { StaffRole } from "../../src/platform/auth/policy.js";
import type { Clock } from "../../src/platform/clock.js";
import type { ServiceContext } from "../../src/platform/service-context.js";
import { resolveTenant } from "../../src/platform/tenants/tenants.js";
import { testConfig } from "../harness.js";

/** A service context in the tenant, as a request would make one: anonymous, or the given person. */
export async function eventContext(
  db: Database,
  host: string,
  clock: Clock,
  person?: { id: string; email: string; name?: string; roles?: StaffRole[] },
): Promise<ServiceContext> {
  const tenant = (await resolveTenant(db, host))?.tenant;
  if (!tenant) throw new Error(`no tenant at ${host}`);
  const actor: ServiceContext["actor"] = person
    ? {
        kind: "person",
        tenantId: tenant.id,
        userId: person.id,
        name: person.name ?? person.email,
        email: person.email,
        roles: new Set(person.roles ?? []),
        memberships: new Map(),
      }
    : { kind: "anonymous", tenantId: tenant.id };
  return { db, clock, config: testConfig(), tenant, actor, lang: "da", baseUrl: `http://${host}`, ip: null };
}
