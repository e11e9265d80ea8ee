import type { ServiceContext } from "../../platform/service-context.js";
import { type EventChange, mailChange } from "./event-mails.js";
import { type CommunityEvent, LIVE, type Registration } from "./events.model.js";
import * as repo from "./events.repository.js";
import { tellMembers } from "./network-meetings.js";

/** Everyone registered, offered a place or waiting hears that the event changed or was cancelled: one mail per registration. */
export async function tellEveryone(tx: ServiceContext, event: CommunityEvent, what: "changed" | "cancelled", changes: EventChange[] = []): Promise<void> {
  const live = (await repo.eventRegistrations(tx.db, tx.tenant.id, event.id)).filter((r) => LIVE.includes(r.status) && r.status !== "unconfirmed");
  const groups = new Map<string, Registration[]>();
  for (const r of live) groups.set(r.groupId, [...(groups.get(r.groupId) ?? []), r]);
  for (const group of groups.values()) await mailChange(tx, event, group, what, changes);
  // A network's meeting: members who are not registered hear too (networks).
  if (event.networkId) await tellMembers(tx, event, new Set(live.map((r) => r.email.toLowerCase())), what);
}
