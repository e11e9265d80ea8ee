import type { WaitingItem } from "../../platform/modules.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { waitingCounts } from "./experts.service.js";

/** Requests nobody has been asked about yet (staff), and requests put to the expert that wait for an answer. */
export async function waitingInExperts(ctx: ServiceContext): Promise<WaitingItem[]> {
  const { open, proposedToMe } = await waitingCounts(ctx);
  const items: WaitingItem[] = [];
  if (proposedToMe) items.push({ group: "mine", label: "experts.start.proposed", count: proposedToMe, href: "/experts/me", toDo: true });
  if (open !== null) items.push({ group: "centre", label: "experts.start.open", count: open, href: "/experts/requests", toDo: true });
  return items;
}
