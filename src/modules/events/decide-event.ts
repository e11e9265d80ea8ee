import { audit } from "../../platform/audit/audit.js";
import { authorize } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { invalidField, notFound } from "../../platform/http/errors.js";
import { mailDecision } from "../../platform/moderation/decision-mail.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { changeEvent } from "./change-event.js";
import { rejectChange } from "./event-changes.js";
import type { CommunityEvent } from "./events.model.js";
import { canModerateEvents } from "./events.policy.js";
import { eventChangeOf, findEvent, pendingEvents, setEventStatus } from "./events.repository.js";
import type { EventInput } from "./events.schema.js";
import { indexEvent } from "./events.search.js";

/** Associations' events that wait for staff, oldest first. */
export async function moderationQueue(ctx: ServiceContext): Promise<CommunityEvent[]> {
  authorize(ctx.actor, canModerateEvents, { tenantId: ctx.tenant.id });
  return pendingEvents(ctx.db, ctx.tenant.id);
}

/**
 * Staff approve an association's event (it is published and people can register) or send it back with a
 * note, as they do its offers. The event's contact hears either way.
 */
export async function decideEvent(ctx: ServiceContext, id: string, decision: "approve" | "reject", note: string): Promise<void> {
  authorize(ctx.actor, canModerateEvents, { tenantId: ctx.tenant.id });
  const e = await findEvent(ctx.db, ctx.tenant.id, id);
  const change = e?.status === "published" ? await eventChangeOf(ctx.db, ctx.tenant.id, id) : null;
  if (e?.status !== "pending" && !change) throw notFound();
  if (decision === "reject" && !note) throw invalidField("note", "moderation.note.required");
  if (e && change) {
    // A change to a published event: approved, it is applied as the organiser sent it (its room moved, those registered told).
    if (decision === "reject") return rejectChange(ctx, e, note);
    await inTransaction(ctx, async (tx) => {
      const after = await changeEvent(tx, id, change.input as EventInput);
      await audit(tx, "event.change_approved", { type: "event", id });
      await mailDecision(tx, { decision, change: true, note, to: after.contactEmail, title: after.title, path: `/events/${id}` });
    });
    return;
  }
  if (!e) throw notFound();
  await inTransaction(ctx, async (tx) => {
    const status = decision === "approve" ? "published" : "rejected";
    await setEventStatus(tx.db, tx.tenant.id, id, status, { reviewNote: decision === "reject" ? note : null, updatedAt: isoNow(tx.clock) });
    await indexEvent(tx, { ...e, status });
    await audit(tx, `event.${status === "published" ? "approved" : "rejected"}`, { type: "event", id });
    await mailDecision(tx, { decision, change: false, note, to: e.contactEmail, title: e.title, path: `/events/${id}` });
  });
}
