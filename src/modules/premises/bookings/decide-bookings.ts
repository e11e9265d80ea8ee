import { audit } from "../../../platform/audit/audit.js";
import { authorize } from "../../../platform/auth/policy.js";
import { isoNow } from "../../../platform/clock.js";
import { invalidField } from "../../../platform/http/errors.js";
import { requireFound } from "../../../platform/http/references.js";
import { inTransaction, type ServiceContext } from "../../../platform/service-context.js";
import * as bookings from "../bookings.repository.js";
import { canDecideBookings } from "../premises.policy.js";
import { release } from "./hold.js";
import { tellBooker } from "./tell-booker.js";

/** Caseworkers approve or reject requests, one or many at a time; a rejection frees the times and says why. */
export async function decide(ctx: ServiceContext, ids: string[], decision: "approve" | "reject", note: string) {
  authorize(ctx.actor, canDecideBookings, { tenantId: ctx.tenant.id });
  const actorId = ctx.actor.userId;
  if (decision === "reject" && !note) throw invalidField("note", "booking.reject.noteRequired");
  const now = isoNow(ctx.clock);
  let decided = 0;
  await inTransaction(ctx, async (tx) => {
    const found = new Map((await bookings.findBookings(tx.db, ctx.tenant.id, ids)).map((b) => [b.id, b]));
    requireFound(
      found,
      ids.map((id) => ({ id, field: "ids" })),
    );
    for (const id of new Set(ids)) {
      // Another caseworker may have decided it meanwhile.
      if (found.get(id)?.status !== "pending") continue;
      // A rejection frees the times first; the booking then says it was rejected, not cancelled.
      if (decision === "reject") await release(tx.db, tx, id, null);
      await bookings.updateBooking(
        tx.db,
        ctx.tenant.id,
        id,
        { status: decision === "approve" ? "approved" : "rejected", decisionNote: note || null, decidedBy: actorId, decidedAt: now },
        now,
      );
      await audit(tx, decision === "approve" ? "booking.approved" : "booking.rejected", { type: "booking", id });
      await tellBooker(tx, id, decision === "approve" ? "approved" : "rejected");
      decided += 1;
    }
  });
  return decided;
}
