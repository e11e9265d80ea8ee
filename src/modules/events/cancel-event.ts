import { audit } from "../../platform/audit/audit.js";
import { isoNow } from "../../platform/clock.js";
import { conflict } from "../../platform/http/errors.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { mayManage } from "./event-record.js";
import { cancelRoom } from "./event-room.js";
import type { CommunityEvent } from "./events.model.js";
import { findEvent, setEventStatus } from "./events.repository.js";
import { indexEvent } from "./events.search.js";
import { tellEveryone } from "./notify.js";

/** The organiser cancels an event: it stays in the calendar as cancelled, and everyone registered and waiting hears. */
export async function cancelEvent(ctx: ServiceContext, id: string): Promise<CommunityEvent> {
  const e = mayManage(ctx, await findEvent(ctx.db, ctx.tenant.id, id));
  if (e.status === "cancelled") throw conflict("closed", "eventForm.cancelled");
  return inTransaction(ctx, async (tx) => {
    const now = isoNow(tx.clock);
    const cancelled: CommunityEvent = { ...e, status: "cancelled", cancelledAt: now, updatedAt: now };
    await setEventStatus(tx.db, tx.tenant.id, id, "cancelled", { cancelledAt: now, updatedAt: now });
    await cancelRoom(tx, id);
    await indexEvent(tx, cancelled);
    await audit(tx, "event.cancelled", { type: "event", id }, { was: e.status });
    if (e.status === "published") await tellEveryone(tx, cancelled, "cancelled");
    return cancelled;
  });
}
