import { audit } from "../../platform/audit/audit.js";
import { consumeToken, issueToken, peekUsedToken } from "../../platform/auth/email-tokens.js";
import { authorize, can, isPerson } from "../../platform/auth/policy.js";
import { withinLimit } from "../../platform/auth/rate-limit.js";
import { isoNow } from "../../platform/clock.js";
import { dataKeyring } from "../../platform/crypto/data-key.js";
import { AppError, conflict, invalidField, notFound, tooManyRequests } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { sendMail } from "../../platform/mail/send.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { findMemberGroup, isInMemberGroup } from "../members/index.js";
import { mailAlready, mailPlaced } from "./event-mails.js";
import { closedLabels } from "./events.labels.js";
import type { CommunityEvent, Registration } from "./events.model.js";
import { canManageEvent, canOverbook } from "./events.policy.js";
import * as repo from "./events.repository.js";
import { mayOpenEvent } from "./network-access.js";
import { placeGroup } from "./places.js";
import type { RegistrationInput } from "./registration.schema.js";
import { whyClosed } from "./waiting-list.js";

/** An event as the person asking may see it: published or cancelled for anyone, any state for its organisers. */
export async function visibleEvent(ctx: ServiceContext, id: string): Promise<CommunityEvent> {
  const e = await repo.findEvent(ctx.db, ctx.tenant.id, id);
  if (!e) throw notFound();
  // A network's meeting: only its members and staff, a 404 for everyone else (networks).
  await mayOpenEvent(ctx, e);
  if (e.status === "published" || e.status === "cancelled" || can(ctx.actor, canManageEvent, e)) return e;
  throw notFound();
}

/** An event kept for one member group's members: the group's name, and whether the reader may register. */
export interface MembersOnly {
  groupName: string;
  mayRegister: boolean;
}

/**
 * Who may register for an event only for a member group: a signed-in person who is on the board of, or a
 * member of, an association that is a current member of the group. Null for an event open to everyone.
 * Staff still add anyone by hand (`registerByHand`).
 */
export async function membersOnlyOf(ctx: ServiceContext, e: CommunityEvent): Promise<MembersOnly | null> {
  if (!e.memberGroupId) return null;
  const group = await findMemberGroup(ctx, e.memberGroupId);
  const associations = isPerson(ctx.actor) ? [...ctx.actor.memberships.keys()] : [];
  return { groupName: group?.name ?? "", mayRegister: Boolean(group) && (await isInMemberGroup(ctx, e.memberGroupId, associations)) };
}

/** Each person's place on the waiting list, for those of them who wait. */
export async function placesInQueue(ctx: ServiceContext, group: Registration[]): Promise<Map<string, number>> {
  const places = new Map<string, number>();
  for (const r of group)
    if (r.status === "waiting" && r.queueNo !== null) places.set(r.id, await repo.placeInQueue(ctx.db, ctx.tenant.id, r.eventId, r.queueNo));
  return places;
}

export type RegisterOutcome = { kind: "placed"; group: Registration[]; places: Map<string, number> } | { kind: "confirmFirst" };

/** The people a registration names, with the answers split into those kept as they are and those sealed. */
type NewRegistration = Registration & { sensitiveAnswers: Record<string, string> };

function newGroup(
  ctx: ServiceContext,
  e: CommunityEvent,
  input: RegistrationInput,
  status: "unconfirmed" | "registered",
  addedBy: string | null,
): NewRegistration[] {
  const names = [input.name, ...input.others];
  if (names.length > e.maxPerRegistration) throw invalidField("others", { key: "registration.tooMany", values: { max: e.maxPerRegistration } });
  if (new Set(names.map((n) => n.toLocaleLowerCase())).size !== names.length) throw invalidField("others", "registration.namesTwice");
  const answers: Record<string, string> = {};
  const sensitiveAnswers: Record<string, string> = {};
  for (const q of e.questions) {
    const answer = input.answers[q.id]?.trim();
    if (answer) (q.sensitive ? sensitiveAnswers : answers)[q.id] = answer;
  }
  const now = isoNow(ctx.clock);
  const groupId = newId();
  const associationId = input.associationId && isPerson(ctx.actor) && ctx.actor.memberships.has(input.associationId) ? input.associationId : null;
  return names.map((name, i) => ({
    id: newId(),
    tenantId: ctx.tenant.id,
    eventId: e.id,
    groupId,
    userId: i === 0 && isPerson(ctx.actor) && ctx.actor.email === input.email ? ctx.actor.userId : null,
    associationId,
    name,
    email: input.email,
    phone: input.phone,
    status,
    queueNo: null,
    offerExpiresAt: null,
    // The answers are the booker's own: those they register with them answered nothing.
    answers: i === 0 ? answers : {},
    sensitiveAnswers: i === 0 ? sensitiveAnswers : {},
    overbooked: false,
    addedBy,
    language: ctx.lang,
    createdAt: now,
    confirmedAt: status === "registered" ? now : null,
    updatedAt: now,
    remindedAt: null,
  }));
}

/** Writes the group or says why it cannot be: one of the people already holds a place (a race included). */
async function insertGroup(tx: ServiceContext, rows: NewRegistration[]) {
  if (!(await repo.insertRegistrations(tx.db, dataKeyring(tx.config), rows)))
    throw conflict("conflict", "registration.already", { email: "registration.already" });
}

/**
 * A person registers themselves and up to the event's limit of others. Signed in with the same e-mail, their
 * places are given at once; otherwise they confirm the address by a link first, and their places (or their
 * turn on the waiting list) are given when they do. An address that already holds a place changes nothing.
 */
export async function register(ctx: ServiceContext, eventId: string, input: RegistrationInput): Promise<RegisterOutcome> {
  const e = await visibleEvent(ctx, eventId);
  const closed = whyClosed(e, ctx.clock.now());
  if (closed) throw new AppError(409, "closed", closedLabels[closed], { name: closedLabels[closed] });
  const only = await membersOnlyOf(ctx, e);
  if (only && !only.mayRegister) throw invalidField("name", { key: "event.membersOnly.refused", values: { group: only.groupName } });
  const known = isPerson(ctx.actor) && ctx.actor.email === input.email;
  if (!known && !(await withinLimit(ctx, "event-registration", [ctx.ip, input.email])))
    throw tooManyRequests("registration.rateLimited", { email: "registration.rateLimited" });
  const rows = newGroup(ctx, e, input, known ? "registered" : "unconfirmed", null);
  return inTransaction(ctx, async (tx): Promise<RegisterOutcome> => {
    const [first] = await repo.liveRegistrationsOf(tx.db, tx.tenant.id, e.id, input.email);
    if (first) {
      if (known) throw conflict("conflict", "registration.already", { email: "registration.already" });
      // Not confirmed yet: a fresh confirmation link, not "already registered".
      if (first.status === "unconfirmed") await sendConfirmLink(tx, e, first.groupId, first.email);
      else await mailAlready(tx, e, first);
      return { kind: "confirmFirst" };
    }
    if (!known) {
      await insertGroup(tx, rows);
      await sendConfirmLink(tx, e, rows[0]?.groupId as string, input.email);
      return { kind: "confirmFirst" };
    }
    const placed = await placeGroup(tx, e, rows);
    await insertGroup(
      tx,
      placed.map((r, i) => ({ ...(rows[i] as NewRegistration), ...r })),
    );
    const places = await placesInQueue(tx, placed);
    await mailPlaced(tx, e, placed, places);
    return { kind: "placed", group: placed, places };
  });
}

async function sendConfirmLink(tx: ServiceContext, e: CommunityEvent, groupId: string, email: string) {
  const token = await issueToken(tx.db, tx.clock, { tenantId: tx.tenant.id, purpose: "event", email, userId: null, data: { groupId } });
  await sendMail(tx.db, tx.clock, {
    tenant: tx.tenant,
    to: email,
    usedLanguage: tx.lang,
    compose: (t) => ({
      subject: t("registration.mail.confirm.subject", { title: e.title }),
      paragraphs: [t("registration.mail.confirm.body", { title: e.title }), t("mail.notYou")],
      action: { label: t("registration.mail.confirm.action"), url: `${tx.baseUrl}/events/registration/confirm?token=${encodeURIComponent(token)}` },
    }),
  });
}

/**
 * The link in the confirmation mail gives the group its places, in the order people confirm. A link used
 * before shows the registration it confirmed. Null for a link that does not work.
 */
export async function confirmRegistration(ctx: ServiceContext, token: string): Promise<{ groupId: string } | null> {
  const used = await consumeToken(ctx.db, ctx.clock, ctx.tenant.id, "event", token);
  const groupId = (used ?? (await peekUsedToken(ctx.db, ctx.clock, ctx.tenant.id, "event", token)))?.data.groupId;
  if (!groupId) return null;
  if (!used) return { groupId };
  await inTransaction(ctx, async (tx) => {
    const group = (await repo.groupRegistrations(tx.db, tx.tenant.id, groupId)).filter((r) => r.status === "unconfirmed");
    const e = group[0] && (await repo.findEvent(tx.db, tx.tenant.id, group[0].eventId));
    if (!e) return;
    const placed = await placeGroup(tx, e, group);
    for (const r of placed)
      await repo.setRegistrationStatus(tx.db, tx.tenant.id, [r.id], r.status, { updatedAt: r.updatedAt, queueNo: r.queueNo, confirmedAt: r.confirmedAt });
    await mailPlaced(tx, e, placed, await placesInQueue(tx, placed));
  });
  return { groupId };
}

/**
 * An organiser registers someone by hand (a phone call, a paper form): no confirmation link. Capacity holds
 * unless they choose to overbook, which is logged.
 */
export async function registerByHand(ctx: ServiceContext, eventId: string, input: RegistrationInput, overbook: boolean): Promise<Registration[]> {
  const e = await repo.findEvent(ctx.db, ctx.tenant.id, eventId);
  if (!e) throw notFound();
  authorize(ctx.actor, overbook ? canOverbook : canManageEvent, e);
  if (e.status === "cancelled") throw new AppError(409, "closed", "registration.closed.cancelled", { name: "registration.closed.cancelled" });
  const actor = ctx.actor;
  const rows = newGroup({ ...ctx, actor: { kind: "anonymous", tenantId: ctx.tenant.id } }, e, { ...input, associationId: null }, "registered", actor.userId);
  return inTransaction(ctx, async (tx) => {
    if ((await repo.liveRegistrationsOf(tx.db, tx.tenant.id, e.id, input.email)).length)
      throw conflict("conflict", "participants.already", { email: "participants.already" });
    const placed = await placeGroup(tx, e, rows, overbook);
    await insertGroup(
      tx,
      placed.map((r, i) => ({ ...(rows[i] as NewRegistration), ...r })),
    );
    await audit(tx, "event.registered_by_hand", { type: "event", id: e.id }, { people: placed.length });
    if (placed.some((r) => r.overbooked))
      await audit(tx, "event.overbooked", { type: "event", id: e.id }, { people: placed.filter((r) => r.overbooked).length });
    await mailPlaced(tx, e, placed, await placesInQueue(tx, placed));
    return placed;
  });
}
