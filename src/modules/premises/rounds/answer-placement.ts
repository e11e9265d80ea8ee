import { audit } from "../../../platform/audit/audit.js";
import { authorize } from "../../../platform/auth/policy.js";
import { conflict } from "../../../platform/http/errors.js";
import { inTransaction, type ServiceContext } from "../../../platform/service-context.js";
import { release } from "../bookings/hold.js";
import type { Response } from "../rounds.model.js";
import { canApplyFor } from "../rounds.policy.js";
import * as repo from "../rounds.repository.js";
import { requireApplication } from "./find-round.js";

/** The association confirms a slot it was given, or releases it so others can book it. */
export async function answerPlacement(ctx: ServiceContext, roundId: string, applicationId: string, response: Response): Promise<void> {
  const application = await requireApplication(ctx, roundId, applicationId);
  authorize(ctx.actor, canApplyFor, { tenantId: ctx.tenant.id, associationId: application.associationId });
  const bookingId = application.bookingId;
  if (!bookingId || application.response) throw conflict("answered", "round.answered");
  await inTransaction(ctx, async (tx) => {
    await repo.setResponse(tx.db, tx.tenant.id, applicationId, response);
    if (response === "released") await release(tx.db, tx, bookingId, null);
    await audit(tx, `round.${response}`, { type: "allocation_application", id: applicationId });
  });
}
