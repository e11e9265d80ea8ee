import type { ServiceContext } from "../../platform/service-context.js";
import { tenantToday } from "../../platform/service-context.js";
import { associationDetails } from "../associations/index.js";
import type { EligibilityCheck, Report, Scheme } from "./grants.model.js";
import { overdueReports } from "./reports.repository.js";

/**
 * The automatic checks of an application: the association is registered (when the scheme asks for it),
 * it owes no report on an earlier grant, and the sum asked for is within the scheme's maximum.
 */
export async function eligibilityChecks(
  ctx: Pick<ServiceContext, "db" | "tenant" | "clock">,
  scheme: Scheme,
  application: { associationId: string; amountRequested: number },
): Promise<{ checks: EligibilityCheck[]; overdue: Report[] }> {
  const [association, overdue] = await Promise.all([
    associationDetails(ctx, application.associationId),
    overdueReports(ctx.db, ctx.tenant.id, application.associationId, tenantToday(ctx)),
  ]);
  const checks: EligibilityCheck[] = [
    { key: "registered", ok: !scheme.requiresRegistration || Boolean(association.registrationNumber) },
    { key: "no_overdue_report", ok: overdue.length === 0 },
    { key: "within_max", ok: application.amountRequested <= scheme.maxAmount },
  ];
  return { checks, overdue };
}
