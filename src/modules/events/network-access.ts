import { can, isPerson } from "../../platform/auth/policy.js";
import { notFound } from "../../platform/http/errors.js";
import type { ServiceContext } from "../../platform/service-context.js";
import type { CommunityEvent } from "./events.model.js";
import type { Network, NetworkAccess, NetworkMember } from "./network.model.js";
import { canOrganiseNetwork, canSeeNetwork } from "./network.policy.js";
import * as repo from "./network.repository.js";

export interface NetworkView {
  network: Network;
  /** Invited or joined, not left. */
  members: NetworkMember[];
  access: NetworkAccess;
  /** The reader's own membership, when she has joined. */
  me: NetworkMember | null;
  mayOrganise: boolean;
}

/** Who has joined the network and may see it, by account. */
export const accessOf = (network: Network, members: NetworkMember[]): NetworkAccess => ({
  tenantId: network.tenantId,
  members: new Map(members.filter((m) => m.userId && m.joinedAt && !m.leftAt).map((m) => [m.userId as string, m.role])),
});

/**
 * A network for the one asking: its members and staff see it; to anyone else (another tenant's staff, a removed member,
 * a stranger) it does not exist, so a 404, never a 403 that would say it does.
 */
export async function seeNetwork(ctx: ServiceContext, id: string): Promise<NetworkView> {
  const network = await repo.findNetwork(ctx.db, ctx.tenant.id, id);
  if (!network) throw notFound();
  const members = await repo.liveMembers(ctx.db, ctx.tenant.id, network.id);
  const access = accessOf(network, members);
  if (!can(ctx.actor, canSeeNetwork, access)) throw notFound();
  const me = isPerson(ctx.actor) ? (members.find((m) => m.userId === (ctx.actor as { userId: string }).userId && m.joinedAt) ?? null) : null;
  return { network, members, access, me, mayOrganise: can(ctx.actor, canOrganiseNetwork, access) };
}

/** A network's meeting for the one asking: the network's view with the meeting; a 404 when either is not hers to see. */
export async function seeMeeting(ctx: ServiceContext, event: CommunityEvent | undefined, networkId?: string): Promise<NetworkView> {
  if (!event?.networkId || (networkId && event.networkId !== networkId)) throw notFound();
  return seeNetwork(ctx, event.networkId);
}

/** The gate every event page passes: a network's meeting only for its members and staff (a 404 for everyone else). */
export async function mayOpenEvent(ctx: ServiceContext, event: CommunityEvent): Promise<void> {
  if (event.networkId) await seeNetwork(ctx, event.networkId);
}
