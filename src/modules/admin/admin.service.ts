import { type AuditDetails, audit } from "../../platform/audit/audit.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { updateTenant } from "../../platform/tenants/tenants.js";
import type { AccessEntry, AuditEntry, Page } from "./admin.model.js";
import * as repo from "./admin.repository.js";
import type { AccessQuery, AuditQuery, TenantSettingsInput } from "./admin.schema.js";

/** The tenant's audit log, a page of it or all of it for an export. */
export const auditLog = (ctx: ServiceContext, query: AuditQuery, all = false): Promise<Page<AuditEntry>> =>
  repo.auditEntries(ctx.db, ctx.tenant.id, query, all);

/** The actions the audit log holds, to filter by. */
export const auditActions = (ctx: ServiceContext): Promise<string[]> => repo.auditActions(ctx.db, ctx.tenant.id);

/** Who was shown whose data, a page of it or all of it for an export. */
export const accessLog = (ctx: ServiceContext, query: AccessQuery, all = false): Promise<Page<AccessEntry>> =>
  repo.accessEntries(ctx.db, ctx.tenant.id, query, all);

/** The rules for events' waiting lists that changed, from and to: they decide who gets a place, so the log says how they moved. */
function eventRulesChanged(ctx: ServiceContext, input: TenantSettingsInput): AuditDetails | undefined {
  const details: AuditDetails = {};
  for (const key of ["eventOfferHours", "eventImmediateHours"] as const) {
    if (input[key] === ctx.tenant[key]) continue;
    details[`${key}Before`] = ctx.tenant[key];
    details[key] = input[key];
  }
  return Object.keys(details).length ? details : undefined;
}

/** The tenant's name, look, languages and rules change together, and the change is audited. */
export async function changeSettings(ctx: ServiceContext, input: TenantSettingsInput): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await updateTenant(tx.db, ctx.tenant.id, input);
    await audit(tx, "tenant.settings_changed", { type: "tenant", id: ctx.tenant.id }, eventRulesChanged(ctx, input));
  });
}
