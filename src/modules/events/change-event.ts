import { audit } from "../../platform/audit/audit.js";
import { isoNow } from "../../platform/clock.js";
import { conflict, invalidField } from "../../platform/http/errors.js";
import { sameValue } from "../../platform/moderation/pending-change.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { changeWaits, submitChange } from "./event-changes.js";
import type { EventChange } from "./event-mails.js";
import { type EventContent, eventContent, mayManage } from "./event-record.js";
import { keepRoomBooked, linkRooms, roomRace } from "./event-room.js";
import type { CommunityEvent } from "./events.model.js";
import { findEvent, occupancyOf, replaceSessions, setEventChange, updateEvent } from "./events.repository.js";
import type { EventInput } from "./events.schema.js";
import { indexEvent } from "./events.search.js";
import { tellEveryone } from "./notify.js";
import { fillFreedPlaces } from "./places.js";

/** The fields whose change those registered must hear about, besides the dates: where, and the link to an online event. */
const PLACE = ["place", "premiseId", "placeName", "address", "postcode"] as const;
const COMPARED = [
  "kind",
  "title",
  "description",
  "categoryId",
  "targetGroups",
  "languages",
  "accessibility",
  ...PLACE,
  "onlineUrl",
  "price",
  "priceMinor",
  "capacity",
  "maxPerRegistration",
  "registrationOpensAt",
  "registrationClosesAt",
  "questions",
  "contactEmail",
  "memberGroupId",
] as const;

const timesOf = (sessions: { startsAt: string; endsAt: string }[]) => sessions.map((s) => `${s.startsAt}/${s.endsAt}`).join(",");

/**
 * The organiser changes an event. The capacity may not fall below the places taken; a larger one offers
 * the new places to the waiting list. When the dates, the place or the online link change, everyone
 * registered and waiting hears. An association's event sent back by staff waits for them again.
 */
export async function changeEvent(ctx: ServiceContext, id: string, input: EventInput): Promise<CommunityEvent & { waits?: boolean }> {
  const before = mayManage(ctx, await findEvent(ctx.db, ctx.tenant.id, id));
  if (before.status === "cancelled") throw conflict("closed", "eventForm.cancelled");
  const content: EventContent = await eventContent(ctx, input, before);
  if (changeWaits(ctx, before)) {
    const waiting = { ...before, ...content, sessions: content.sessions.map((s) => ({ ...s, eventId: id })) };
    const fields = [
      ...COMPARED.filter((f) => !sameValue(before[f], waiting[f])),
      ...(timesOf(before.sessions) !== timesOf(waiting.sessions) ? ["sessions"] : []),
    ];
    if (fields.length > 0) return submitChange(ctx, before, input, fields, content.capacity);
  }
  return inTransaction(ctx, async (tx) => {
    const taken = (await occupancyOf(tx.db, tx.tenant.id, [id])).get(id)?.taken ?? 0;
    if (content.capacity < taken) throw invalidField("capacity", { key: "eventForm.capacity.belowTaken", values: { count: taken } });
    const status = before.status === "rejected" && tx.tenant.moderation === "pre" ? "pending" : before.status === "rejected" ? "published" : before.status;
    const after: CommunityEvent = {
      ...before,
      ...content,
      status,
      reviewNote: status === before.status ? before.reviewNote : null,
      updatedAt: isoNow(tx.clock),
      sessions: content.sessions.map((s) => ({ ...s, eventId: id })),
    };
    await updateEvent(tx.db, after);
    // Applied (by staff, or approved): no change waits beside it any longer.
    await setEventChange(tx.db, tx.tenant.id, id, null);
    const rooms = await keepRoomBooked(tx, after, input);
    await replaceSessions(tx.db, tx.tenant.id, id, after.sessions);
    await linkRooms(tx, rooms);
    await indexEvent(tx, after);
    const datesChanged = timesOf(before.sessions) !== timesOf(after.sessions);
    const changed = [...COMPARED.filter((f) => !sameValue(before[f], after[f])), ...(datesChanged ? ["sessions"] : [])];
    await audit(tx, "event.changed", { type: "event", id }, { fields: changed.join(",") });
    const told: EventChange[] = [
      ...(datesChanged ? (["dates"] as const) : []),
      ...(PLACE.some((f) => !sameValue(before[f], after[f])) ? (["place"] as const) : []),
      ...(!sameValue(before.onlineUrl, after.onlineUrl) ? (["link"] as const) : []),
    ];
    if (after.status === "published" && told.length) await tellEveryone(tx, after, "changed", told);
    if (after.capacity > before.capacity) await fillFreedPlaces(tx, after);
    return after;
  }).catch((error) => {
    throw roomRace(error);
  });
}
