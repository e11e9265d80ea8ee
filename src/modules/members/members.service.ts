import { audit } from "../../platform/audit/audit.js";
import { authorize } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { AppError, conflict, invalid, invalidField, notFound } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { localToday } from "../../platform/time/recurrence.js";
import { adminAddresses, associationDetails, identities } from "../associations/index.js";
import type { Member, MemberFilter, MemberGroup } from "./members.model.js";
import { canManageMembers } from "./members.policy.js";
import * as repo from "./members.repository.js";
import type { FeeInput, GroupInput, MemberInput, NewMemberInput } from "./members.schema.js";

const staffOnly = (ctx: ServiceContext) => authorize(ctx.actor, canManageMembers, { tenantId: ctx.tenant.id });

export const thisYear = (ctx: Pick<ServiceContext, "clock" | "tenant">) => Number(localToday(ctx.clock.now(), ctx.tenant.timeZone).slice(0, 4));

/** The tenant's member groups with how many current members each has (for staff, and for the newsletter's segment choice). */
export async function memberGroups(ctx: ServiceContext): Promise<MemberGroup[]> {
  staffOnly(ctx);
  return repo.groups(ctx.db, ctx.tenant.id);
}

/** A group of this tenant, or null: how another module checks a group id a form named. */
export async function findMemberGroup(ctx: Pick<ServiceContext, "db" | "tenant">, id: string): Promise<MemberGroup | null> {
  return repo.groupById(ctx.db, ctx.tenant.id, id);
}

export async function createGroup(ctx: ServiceContext, input: GroupInput): Promise<MemberGroup> {
  staffOnly(ctx);
  return inTransaction(ctx, async (tx) => {
    if (await repo.groupByName(tx.db, tx.tenant.id, input.name)) throw conflict("conflict", "members.group.exists", { name: "members.group.exists" });
    const group = { id: newId(), tenantId: tx.tenant.id, name: input.name, createdAt: isoNow(tx.clock) };
    await repo.insertGroup(tx.db, group);
    await audit(tx, "members.group_created", { type: "member_group", id: group.id });
    return { ...group, count: 0 };
  });
}

/** A new name for a group; unique within the tenant (case aside). Its members stay in it. */
export async function renameGroup(ctx: ServiceContext, id: string, input: GroupInput): Promise<MemberGroup> {
  staffOnly(ctx);
  return inTransaction(ctx, async (tx) => {
    const group = (await repo.groups(tx.db, tx.tenant.id)).find((g) => g.id === id);
    if (!group) throw notFound();
    const same = await repo.groupByName(tx.db, tx.tenant.id, input.name);
    if (same && same.id !== id) throw conflict("conflict", "members.group.exists", { name: "members.group.exists" });
    if (group.name === input.name) return group;
    await repo.renameGroup(tx.db, tx.tenant.id, id, input.name);
    await audit(tx, "members.group_renamed", { type: "member_group", id }, { from: group.name, to: input.name });
    return { ...group, name: input.name };
  });
}

export interface MembersPage {
  members: Member[];
  groups: MemberGroup[];
  filter: MemberFilter;
  year: number;
}

export async function membersPage(ctx: ServiceContext, filter: MemberFilter): Promise<MembersPage> {
  staffOnly(ctx);
  const groups = await repo.groups(ctx.db, ctx.tenant.id);
  // A group of another tenant, or none, is simply not a filter.
  const groupId = filter.groupId && groups.some((g) => g.id === filter.groupId) ? filter.groupId : null;
  const members = await repo.members(ctx.db, ctx.tenant.id, { ...filter, groupId });
  return { members, groups, filter: { ...filter, groupId }, year: thisYear(ctx) };
}

export async function memberPage(ctx: ServiceContext, id: string): Promise<{ member: Member; groups: MemberGroup[]; year: number }> {
  staffOnly(ctx);
  const member = await repo.memberById(ctx.db, ctx.tenant.id, id);
  if (!member) throw notFound();
  return { member, groups: await repo.groups(ctx.db, ctx.tenant.id), year: thisYear(ctx) };
}

/** Associations that are not yet members, to choose from when adding one. */
export async function associationsToAdd(ctx: ServiceContext): Promise<{ id: string; name: string }[]> {
  staffOnly(ctx);
  const [all, current] = await Promise.all([
    identities(ctx.db, ctx.tenant.id),
    repo.members(ctx.db, ctx.tenant.id, { groupId: null, type: null, status: "all" }),
  ]);
  const taken = new Set(current.map((m) => m.associationId));
  return all
    .filter((a) => !taken.has(a.id))
    .map((a) => ({ id: a.id, name: a.name }))
    .sort((a, b) => a.name.localeCompare(b.name, "da"));
}

async function checkGroups(ctx: ServiceContext, ids: string[]): Promise<string[]> {
  const groups = new Set((await repo.groups(ctx.db, ctx.tenant.id)).map((g) => g.id));
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.some((g) => !groups.has(g))) throw invalidField("groups", "members.group.unknown");
  return unique;
}

export async function addMember(ctx: ServiceContext, input: NewMemberInput): Promise<string> {
  staffOnly(ctx);
  return inTransaction(ctx, async (tx) => {
    try {
      await associationDetails(tx, input.associationId);
    } catch (error) {
      if (error instanceof AppError && error.status === 404) throw invalidField("associationId", "members.association.unknown");
      throw error;
    }
    if (await repo.memberOfAssociation(tx.db, tx.tenant.id, input.associationId))
      throw conflict("conflict", "members.association.already", { associationId: "members.association.already" });
    const groupIds = await checkGroups(tx, input.groups);
    const id = newId();
    await repo.insertMember(tx.db, {
      id,
      tenantId: tx.tenant.id,
      associationId: input.associationId,
      membershipType: input.membershipType,
      joinedOn: input.joinedOn,
      now: isoNow(tx.clock),
    });
    await repo.setGroups(tx.db, tx.tenant.id, id, groupIds);
    await audit(tx, "members.joined", { type: "member", id });
    return id;
  });
}

export async function changeMember(ctx: ServiceContext, id: string, input: MemberInput): Promise<void> {
  staffOnly(ctx);
  await inTransaction(ctx, async (tx) => {
    const member = await repo.memberById(tx.db, tx.tenant.id, id);
    if (!member) throw notFound();
    if (input.leftOn && input.leftOn < input.joinedOn) throw invalid({ leftOn: "members.leftOn.beforeJoined" });
    const groupIds = await checkGroups(tx, input.groups);
    await repo.updateMember(tx.db, tx.tenant.id, id, {
      membershipType: input.membershipType,
      joinedOn: input.joinedOn,
      leftOn: input.leftOn,
      now: isoNow(tx.clock),
    });
    await repo.setGroups(tx.db, tx.tenant.id, id, groupIds);
    await audit(tx, input.leftOn && !member.leftOn ? "members.left" : "members.changed", { type: "member", id });
  });
}

export async function recordFee(ctx: ServiceContext, id: string, input: FeeInput): Promise<void> {
  staffOnly(ctx);
  await inTransaction(ctx, async (tx) => {
    if (!(await repo.memberById(tx.db, tx.tenant.id, id))) throw notFound();
    await repo.setFee(tx.db, tx.tenant.id, id, input.year, input.status, isoNow(tx.clock));
    await audit(tx, "members.fee_recorded", { type: "member", id }, { year: input.year, status: input.status });
  });
}

/**
 * Whether one of these associations is a current member (not left) of the group: how an event only for a
 * group's members decides who may register. An unknown group, or another tenant's, holds nobody.
 */
export async function isInMemberGroup(ctx: Pick<ServiceContext, "db" | "tenant">, groupId: string, associationIds: string[]): Promise<boolean> {
  if (!groupId || !associationIds.length) return false;
  const inGroup = new Set(await repo.associationsInGroup(ctx.db, ctx.tenant.id, groupId));
  return associationIds.some((id) => inGroup.has(id));
}

/**
 * Where mail to a member group goes: each current member association's own address and its board's
 * (admins') addresses, each once, lower-cased. An unknown group reaches nobody.
 */
export async function memberGroupAddresses(ctx: Pick<ServiceContext, "db" | "tenant">, groupId: string): Promise<string[]> {
  const associationIds = await repo.associationsInGroup(ctx.db, ctx.tenant.id, groupId);
  if (!associationIds.length) return [];
  const all = await identities(ctx.db, ctx.tenant.id);
  const addresses = new Set<string>();
  for (const id of associationIds) {
    const own = all.find((a) => a.id === id)?.email;
    if (own) addresses.add(own.toLowerCase());
    for (const a of await adminAddresses(ctx, id)) addresses.add(a.toLowerCase());
  }
  return [...addresses].sort();
}
