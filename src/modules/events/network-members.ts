import { audit } from "../../platform/audit/audit.js";
import { findUserByEmail, startSession } from "../../platform/auth/auth.service.js";
import { consumeToken, issueToken, peekToken } from "../../platform/auth/email-tokens.js";
import { hashPassword, passwordProblem } from "../../platform/auth/passwords.js";
import { authorize, isPerson } from "../../platform/auth/policy.js";
import { insertUser } from "../../platform/auth/users.repository.js";
import { isoNow } from "../../platform/clock.js";
import { AppError, conflict, invalidLink, notFound } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import type { Network, NetworkMember } from "./network.model.js";
import { canOrganiseNetwork, canRunNetworks } from "./network.policy.js";
import * as repo from "./network.repository.js";
import type { InviteInput, NetworkInput } from "./network.schema.js";
import { seeNetwork } from "./network-access.js";
import { mailInvitation } from "./network-mails.js";

/** The networks the person sees: every one for staff, her own for a member. */
export async function myNetworks(ctx: ServiceContext): Promise<{ networks: Network[]; mayCreate: boolean }> {
  if (!isPerson(ctx.actor)) return { networks: [], mayCreate: false };
  const staff = canRunNetworks(ctx.actor, { tenantId: ctx.tenant.id });
  const networks = staff ? await repo.allNetworks(ctx.db, ctx.tenant.id) : await repo.networksOfUser(ctx.db, ctx.tenant.id, ctx.actor.userId);
  return { networks, mayCreate: staff };
}

/** Staff start a network; they become its first organiser, so it has one who hears from it. */
export async function createNetwork(ctx: ServiceContext, input: NetworkInput): Promise<Network> {
  authorize(ctx.actor, canRunNetworks, { tenantId: ctx.tenant.id });
  const actor = ctx.actor;
  const now = isoNow(ctx.clock);
  const network: Network = { id: newId(), tenantId: ctx.tenant.id, name: input.name, description: input.description, createdAt: now, updatedAt: now };
  await inTransaction(ctx, async (tx) => {
    await repo.insertNetwork(tx.db, network, actor.userId);
    await repo.insertMember(tx.db, {
      id: newId(),
      tenantId: tx.tenant.id,
      networkId: network.id,
      email: actor.email,
      name: actor.name,
      organisation: tx.tenant.name,
      userId: actor.userId,
      role: "organiser",
      invitedBy: actor.userId,
      invitedAt: now,
      joinedAt: now,
      leftAt: null,
    });
    await audit(tx, "network.created", { type: "network", id: network.id });
  });
  return network;
}

/**
 * An organiser or staff invites someone by e-mail (any address: she may be staff of another centre). She gets a link
 * that lets her join; an address already invited or a member is told so and nothing is written.
 */
export async function inviteMember(ctx: ServiceContext, networkId: string, input: InviteInput): Promise<NetworkMember> {
  const view = await seeNetwork(ctx, networkId);
  authorize(ctx.actor, canOrganiseNetwork, view.access);
  const actor = ctx.actor;
  const email = input.email.toLowerCase();
  return inTransaction(ctx, async (tx) => {
    if (await repo.liveMemberByEmail(tx.db, tx.tenant.id, networkId, email))
      throw conflict("conflict", "networks.invite.already", { email: "networks.invite.already" });
    const member: NetworkMember = {
      id: newId(),
      tenantId: tx.tenant.id,
      networkId,
      email,
      name: input.name,
      organisation: input.organisation,
      userId: null,
      role: input.role,
      invitedBy: actor.userId,
      invitedAt: isoNow(tx.clock),
      joinedAt: null,
      leftAt: null,
    };
    await repo.insertMember(tx.db, member);
    const token = await issueToken(tx.db, tx.clock, { tenantId: tx.tenant.id, purpose: "network", email, userId: null, data: { memberId: member.id } });
    await mailInvitation(tx, view.network, member, token, actor.name);
    await audit(tx, "network.member_invited", { type: "network", id: networkId }, { member: member.id, role: member.role });
    return member;
  });
}

/** An organiser or staff removes a member (or withdraws an invitation): from then on the network is a 404 to her. */
export async function removeMember(ctx: ServiceContext, networkId: string, memberId: string): Promise<void> {
  const view = await seeNetwork(ctx, networkId);
  authorize(ctx.actor, canOrganiseNetwork, view.access);
  const member = await repo.findMember(ctx.db, ctx.tenant.id, networkId, memberId);
  if (!member || member.leftAt) throw notFound();
  await inTransaction(ctx, async (tx) => {
    await repo.markLeft(tx.db, tx.tenant.id, member.id, isoNow(tx.clock));
    await audit(tx, "network.member_removed", { type: "network", id: networkId }, { member: member.id });
  });
}

export interface Invitation {
  network: Network;
  member: NetworkMember;
  /** Whether the invited address already has an account here (she signs in) or not (she makes one on the spot). */
  hasAccount: boolean;
}

/** What an invitation's link opens: the network and who was invited; null for a link that does not work. */
export async function invitationOf(ctx: ServiceContext, token: string): Promise<Invitation | null> {
  const found = await peekToken(ctx.db, ctx.clock, ctx.tenant.id, "network", token);
  const member = found?.data.memberId ? await repo.memberById(ctx.db, ctx.tenant.id, found.data.memberId) : undefined;
  if (!member || member.leftAt || member.joinedAt) return null;
  const network = await repo.findNetwork(ctx.db, ctx.tenant.id, member.networkId);
  if (!network) return null;
  return { network, member, hasAccount: Boolean(await findUserByEmail(ctx.db, ctx.tenant.id, member.email)) };
}

async function join(tx: ServiceContext, token: string, userId: string): Promise<Network> {
  const used = await consumeToken(tx.db, tx.clock, tx.tenant.id, "network", token);
  const member = used?.data.memberId ? await repo.memberById(tx.db, tx.tenant.id, used.data.memberId) : undefined;
  if (!member || member.leftAt || member.joinedAt) throw invalidLink();
  const network = await repo.findNetwork(tx.db, tx.tenant.id, member.networkId);
  if (!network) throw invalidLink();
  await repo.markJoined(tx.db, tx.tenant.id, member.id, userId, isoNow(tx.clock));
  await audit(tx, "network.member_joined", { type: "network", id: network.id }, { member: member.id });
  return network;
}

/** The signed-in person accepts: only with the account of the address that was invited. */
export async function acceptInvitation(ctx: ServiceContext, token: string): Promise<Network> {
  const invitation = await invitationOf(ctx, token);
  if (!invitation) throw invalidLink();
  if (!isPerson(ctx.actor)) throw new AppError(401, "unauthenticated", "error.signInRequired");
  if (ctx.actor.email.toLowerCase() !== invitation.member.email) throw new AppError(403, "forbidden", "networks.join.wrongAccount");
  const userId = ctx.actor.userId;
  return inTransaction(ctx, (tx) => join(tx, token, userId));
}

/**
 * She has no account here: the link proves the address, so her name and a password make one, already
 * confirmed, and she is signed in and a member. Returns the network and the new session.
 */
export async function joinWithNewAccount(
  ctx: ServiceContext,
  input: { token: string; name: string; password: string; userAgent: string | null },
): Promise<{ network: Network; session: string }> {
  const invitation = await invitationOf(ctx, input.token);
  if (!invitation) throw invalidLink();
  if (invitation.hasAccount) throw new AppError(409, "conflict", "networks.join.hasAccount");
  const email = invitation.member.email;
  const problem = passwordProblem(input.password, [email, input.name, ctx.tenant.name]);
  if (problem) throw new AppError(422, "weak_password", problem, { password: problem });
  const passwordHash = await hashPassword(input.password);
  const userId = newId();
  const network = await inTransaction(ctx, async (tx) => {
    const now = isoNow(tx.clock);
    await insertUser(tx.db, {
      id: userId,
      tenantId: tx.tenant.id,
      email,
      name: input.name,
      passwordHash,
      emailVerifiedAt: now,
      language: tx.lang,
      createdAt: now,
      updatedAt: now,
    });
    await audit(tx, "user.signed_up", { type: "user", id: userId }, { via: "network" }, { actorId: userId });
    return join(tx, input.token, userId);
  });
  return { network, session: await startSession(ctx, userId, input.userAgent, "network_invitation") };
}
