import { audit } from "../../platform/audit/audit.js";
import { isPerson } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { eventContent, organiserOf } from "./event-record.js";
import { keepRoomBooked, linkRooms, roomRace } from "./event-room.js";
import type { CommunityEvent } from "./events.model.js";
import { insertEvent } from "./events.repository.js";
import type { EventInput } from "./events.schema.js";
import { indexEvent } from "./events.search.js";

/**
 * A new event. Staff organise for the centre or the municipality and publish at once; an association's
 * admin organises for the association, and under pre-moderation the event waits for staff.
 */
export async function createEvent(ctx: ServiceContext, input: EventInput, options: { networkId?: string } = {}): Promise<CommunityEvent> {
  const who = await organiserOf(ctx, input.organiser);
  const content = await eventContent(ctx, input, null);
  const id = newId();
  const now = isoNow(ctx.clock);
  const status = who.associationId && ctx.tenant.moderation === "pre" ? "pending" : "published";
  const event: CommunityEvent = {
    ...content,
    ...who,
    id,
    tenantId: ctx.tenant.id,
    associationName: null,
    status,
    reviewNote: null,
    createdAt: now,
    updatedAt: now,
    cancelledAt: null,
    sessions: content.sessions.map((s) => ({ ...s, eventId: id })),
    // A network's meeting (networks): seen only by the network's members and staff.
    networkId: options.networkId ?? null,
  };
  await inTransaction(ctx, async (tx) => {
    await insertEvent(tx.db, event, isPerson(tx.actor) ? tx.actor.userId : null);
    await linkRooms(tx, await keepRoomBooked(tx, event, input));
    await indexEvent(tx, event);
    await audit(tx, "event.created", { type: "event", id }, { status, sessions: event.sessions.length });
  }).catch((error) => {
    throw roomRace(error);
  });
  return event;
}
