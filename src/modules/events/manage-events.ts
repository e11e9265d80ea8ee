import { authorize, can } from "../../platform/auth/policy.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { namesForMember } from "../associations/index.js";
import { findMemberGroup, type MemberGroup, memberGroups } from "../members/index.js";
import { type PremisePlace, premisePlaces } from "../premises/index.js";
import { type Term, terms } from "../taxonomy/index.js";
import { mayManage } from "./event-record.js";
import type { CommunityEvent, Occupancy } from "./events.model.js";
import { canManageEvent, canOrganiseEvents, canRunCentreEvents } from "./events.policy.js";
import { findEvent, managedEvents, occupancyOf } from "./events.repository.js";
import { allNetworks } from "./network.repository.js";

/** Who the person may organise an event as: the centre and the municipality (staff), and each association they run. */
export async function organiserChoices(ctx: ServiceContext): Promise<{ value: string; association: string | null }[]> {
  authorize(ctx.actor, canOrganiseEvents, { tenantId: ctx.tenant.id });
  const actor = ctx.actor;
  const own = (await namesForMember(ctx.db, ctx.tenant.id, actor.userId)).filter((a) =>
    can(actor, canManageEvent, { tenantId: ctx.tenant.id, associationId: a.id }),
  );
  const staff = can(actor, canRunCentreEvents, { tenantId: ctx.tenant.id });
  return [
    ...(staff
      ? [
          { value: "centre", association: null },
          { value: "municipality", association: null },
        ]
      : []),
    ...own.map((a) => ({ value: a.id, association: a.name })),
  ];
}

/** What the event form offers to choose from: the tenant's categories, target groups and premises. */
export async function formChoices(
  ctx: ServiceContext,
): Promise<{ categories: Term[]; targetGroups: Term[]; premises: PremisePlace[]; memberGroups: MemberGroup[] | null }> {
  const [categories, targetGroups, premises] = await Promise.all([
    terms(ctx.db, ctx.tenant, "category", ctx.lang),
    terms(ctx.db, ctx.tenant, "target_group", ctx.lang),
    premisePlaces(ctx),
  ]);
  // Staff choose who an event is for (everyone, or one member group's members); others do not see the choice.
  const groups = can(ctx.actor, canRunCentreEvents, { tenantId: ctx.tenant.id }) ? await memberGroups(ctx) : null;
  return { categories, targetGroups, premises, memberGroups: groups };
}

export type ManagedRow = {
  event: CommunityEvent;
  occupancy: Occupancy;
  /** A network's meeting: the network's name. */
  network?: string | null;
  /** An event only for one member group's members: the group's name. */
  group?: string | null;
};

/** The organiser's list: staff see every event of the tenant, an association's admin their associations'. With how full each is. */
export async function organisersList(ctx: ServiceContext): Promise<ManagedRow[]> {
  authorize(ctx.actor, canOrganiseEvents, { tenantId: ctx.tenant.id });
  const actor = ctx.actor;
  const all = can(actor, canRunCentreEvents, { tenantId: ctx.tenant.id });
  const mine = [...actor.memberships.keys()].filter((id) => can(actor, canManageEvent, { tenantId: ctx.tenant.id, associationId: id }));
  const events = await managedEvents(ctx.db, ctx.tenant.id, all ? null : mine);
  const full = await occupancyOf(
    ctx.db,
    ctx.tenant.id,
    events.map((e) => e.id),
  );
  const networks = events.some((e) => e.networkId) ? new Map((await allNetworks(ctx.db, ctx.tenant.id)).map((n) => [n.id, n.name])) : new Map<string, string>();
  const groupIds = [...new Set(events.flatMap((e) => (e.memberGroupId ? [e.memberGroupId] : [])))];
  const groups = new Map<string, string>();
  for (const id of groupIds) {
    const group = await findMemberGroup(ctx, id);
    if (group) groups.set(id, group.name);
  }
  return events.map((event) => ({
    event,
    occupancy: { capacity: event.capacity, ...(full.get(event.id) ?? { taken: 0, waiting: 0 }) },
    network: event.networkId ? (networks.get(event.networkId) ?? null) : null,
    group: event.memberGroupId ? (groups.get(event.memberGroupId) ?? null) : null,
  }));
}

/** An event for its organiser's forms (edit, cancel), with how full it is. */
export async function eventForOrganiser(ctx: ServiceContext, id: string): Promise<ManagedRow> {
  const event = mayManage(ctx, await findEvent(ctx.db, ctx.tenant.id, id));
  const o = (await occupancyOf(ctx.db, ctx.tenant.id, [id])).get(id) ?? { taken: 0, waiting: 0 };
  return { event, occupancy: { capacity: event.capacity, ...o } };
}
