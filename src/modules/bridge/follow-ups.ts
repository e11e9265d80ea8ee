import type { ServiceContext } from "../../platform/service-context.js";

/** Plans the case's follow-ups (after the tenant's months, counted from the first meeting). Called when the first meeting has taken place. */
export async function scheduleFollowUps(_ctx: ServiceContext, _caseId: string, _metOn: string): Promise<void> {}
