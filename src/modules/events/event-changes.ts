import { audit } from "../../platform/audit/audit.js";
import { authorize, can } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { invalidField } from "../../platform/http/errors.js";
import { mailDecision } from "../../platform/moderation/decision-mail.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import type { EventChange } from "./event-change.model.js";
import type { CommunityEvent } from "./events.model.js";
import { canModerateEvents } from "./events.policy.js";
import { eventsWithChanges, occupancyOf, setEventChange } from "./events.repository.js";
import type { EventInput } from "./events.schema.js";

/**
 * Whether a change waits for staff, as a change to an approved offer does: an association's published event
 * under pre-moderation, changed by someone who does not approve events themselves.
 */
export const changeWaits = (ctx: ServiceContext, before: CommunityEvent) =>
  before.associationId !== null &&
  before.status === "published" &&
  ctx.tenant.moderation === "pre" &&
  !can(ctx.actor, canModerateEvents, { tenantId: ctx.tenant.id });

/**
 * Keeps the change beside the published event: the event stays as it was approved (its page, its
 * registrations and its room) until staff approve the change, which applies it as the organiser sent it.
 * The capacity rule is checked now, so the organiser hears at once.
 */
export async function submitChange(ctx: ServiceContext, before: CommunityEvent, input: EventInput, fields: string[], capacity: number) {
  return inTransaction(ctx, async (tx) => {
    const taken = (await occupancyOf(tx.db, tx.tenant.id, [before.id])).get(before.id)?.taken ?? 0;
    if (capacity < taken) throw invalidField("capacity", { key: "eventForm.capacity.belowTaken", values: { count: taken } });
    const change: EventChange<EventInput> = { input, fields, since: isoNow(tx.clock) };
    await setEventChange(tx.db, tx.tenant.id, before.id, change);
    await audit(tx, "event.change_submitted", { type: "event", id: before.id }, { fields: fields.join(",") });
    return { ...before, waits: true };
  });
}

/** Staff send a change back with a note: the event stays as it was approved, and its contact hears why. */
export async function rejectChange(ctx: ServiceContext, e: CommunityEvent, note: string) {
  await inTransaction(ctx, async (tx) => {
    await setEventChange(tx.db, tx.tenant.id, e.id, null);
    await audit(tx, "event.change_rejected", { type: "event", id: e.id });
    await mailDecision(tx, { decision: "reject", change: true, note, to: e.contactEmail, title: e.title, path: `/events/${e.id}` });
  });
}

/** Changes to published events that wait for staff, the oldest first. */
export async function changesQueue(ctx: ServiceContext) {
  authorize(ctx.actor, canModerateEvents, { tenantId: ctx.tenant.id });
  return eventsWithChanges(ctx.db, ctx.tenant.id);
}
