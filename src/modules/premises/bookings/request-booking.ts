import { isOverlapViolation } from "../../../db/portable.js";
import { audit } from "../../../platform/audit/audit.js";
import { isPerson } from "../../../platform/auth/policy.js";
import { invalid, invalidField, notFound, unauthenticated } from "../../../platform/http/errors.js";
import { newId } from "../../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../../platform/service-context.js";
import { expand } from "../../../platform/time/recurrence.js";
import { actFor } from "../../associations/index.js";
import { seriesOf } from "../premises.model.js";
import { canBookFor } from "../premises.policy.js";
import * as premisesRepo from "../premises.repository.js";
import type { BookingInput } from "../premises.schema.js";
import { premiseTree } from "../premises.service.js";
import { alternatives } from "./alternatives.js";
import { checkRules } from "./booking-rules.js";
import { SlotTaken, writeBooking } from "./hold.js";
import { tellBooker } from "./tell-booker.js";

/**
 * A request for a room, once or as a series. It holds its times from the moment it is made, so
 * two people can never get the same slot; approved at once where the premise says so. Throws a
 * 422 for a broken rule and SlotTaken (409, with what is free instead) when the time is held.
 */
export async function requestBooking(ctx: ServiceContext, premiseId: string, input: BookingInput) {
  if (input.associationId) await actFor(ctx, canBookFor, input.associationId, "associationId");
  if (!isPerson(ctx.actor)) throw unauthenticated();
  const actor = ctx.actor;
  const tree = await premiseTree(ctx);
  const premise = tree.byId.get(premiseId);
  if (!premise) throw notFound();
  if (!input.associationId && premise.whoMayBook !== "everyone") throw invalidField("associationId", "booking.associationsOnly");
  const zone = ctx.tenant.timeZone;
  const series = seriesOf(input, zone);
  const occurrences = expand(series);
  const lineage = tree.lineage(premise.id).map((p) => p.id);
  const [hours, closures] = await Promise.all([
    premisesRepo.hoursOf(ctx.db, ctx.tenant.id, lineage),
    premisesRepo.closuresOf(ctx.db, ctx.tenant.id, lineage, input.date, occurrences.at(-1)?.localDate ?? input.date),
  ]);
  const checked = checkRules(tree, premise, hours, closures, input, occurrences, ctx.clock.now(), zone);
  if (Object.keys(checked.errors).length > 0) throw invalid(checked.errors);

  const id = newId();
  const status = premise.approval === "auto" ? ("approved" as const) : ("pending" as const);
  try {
    await inTransaction(ctx, async (tx) => {
      await writeBooking(
        tx.db,
        tx,
        tree,
        premise,
        { id, associationId: input.associationId || null, userId: actor.userId, purpose: input.purpose, participants: input.participants, status, series },
        checked.dates,
      );
      await audit(tx, "booking.requested", { type: "booking", id });
      await tellBooker(tx, id, status === "approved" ? "approved" : "received");
    });
  } catch (error) {
    if (error instanceof SlotTaken || isOverlapViolation(error))
      throw new SlotTaken("start", await alternatives(ctx, tree, premise, series, input.participants));
    throw error;
  }
  return { id, status };
}
