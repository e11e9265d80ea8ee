import { logAccess } from "../../platform/audit/access.js";
import { audit } from "../../platform/audit/audit.js";
import { can, isPerson } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { conflict, invalidField, notFound, unauthenticated } from "../../platform/http/errors.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { associationNames } from "../associations/index.js";
import type { BridgePick, BridgeReferral } from "./bridge.model.js";
import { canAnswerReferral, canSeeReferrals } from "./bridge.policy.js";
import { bridgeRing, openCase } from "./cases.js";
import { findCase } from "./cases.repository.js";
import { scheduleFollowUps } from "./follow-ups.js";
import { tellBuilder } from "./handover.js";
import * as repo from "./handover.repository.js";

/** The associations the signed-in person is an admin of. */
const adminOf = (ctx: ServiceContext) => (isPerson(ctx.actor) ? [...ctx.actor.memberships].filter(([, role]) => role === "admin").map(([id]) => id) : []);

export interface ReferralRow {
  referral: BridgeReferral;
  associationName: string;
}

/** The referrals made to the associations the person is an admin of, newest first; the reading is in the access log. */
export async function myReferrals(ctx: ServiceContext): Promise<ReferralRow[]> {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  // Like every page of bridge-building, a 404 for those it is not for.
  if (!can(ctx.actor, canSeeReferrals, { tenantId: ctx.tenant.id })) throw notFound();
  const ids = adminOf(ctx);
  const [referrals, names] = await Promise.all([repo.referralsTo(ctx.db, bridgeRing(ctx), ctx.tenant.id, ids), associationNames(ctx, ids)]);
  // The list names the people referred (what they agreed to share): a reading of each case, like the referral's own page.
  const read = [...new Set(referrals.filter((r) => Object.keys(r.shared).length > 0).map((r) => r.caseId))];
  if (read.length > 0) await logAccess(ctx, "bridge.referral_read", "bridge_case", read);
  return referrals.map((referral) => ({ referral, associationName: names.get(referral.associationId) ?? "" }));
}

/** How many referrals wait for an answer from the person's associations. */
export const unanswered = (ctx: ServiceContext) => repo.unansweredCount(ctx.db, ctx.tenant.id, adminOf(ctx));

export interface OpenedReferral {
  referral: BridgeReferral;
  associationName: string;
  pick: BridgePick | null;
  /** Whether the signed-in person answers for the association (else: the case's bridge-builder). */
  asAssociation: boolean;
}

/**
 * A referral as its association's admins see it (only what the person agreed to share), or as the case's
 * bridge-builder does. Anyone else, a withdrawn referral and another tenant's id all get the same 404. Each
 * reading is written to the access log.
 */
export async function openReferral(ctx: ServiceContext, id: string): Promise<OpenedReferral> {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  const r = await repo.findReferral(ctx.db, bridgeRing(ctx), ctx.tenant.id, id);
  if (!r) throw notFound();
  const asAssociation = can(ctx.actor, canAnswerReferral, { tenantId: ctx.tenant.id, associationId: r.associationId });
  if (asAssociation) {
    if (r.status === "withdrawn") throw notFound();
    await logAccess(ctx, "bridge.referral_read", "bridge_case", [r.caseId]);
  } else await openCase(ctx, r.caseId);
  const [names, pick] = await Promise.all([associationNames(ctx, [r.associationId]), r.pickId ? repo.findPick(ctx.db, ctx.tenant.id, r.pickId) : undefined]);
  return { referral: r, associationName: names.get(r.associationId) ?? "", pick: pick ?? null, asAssociation };
}

/** For the association's answers: the referral, if the person is one of its admins and it is still live. */
async function forAssociation(ctx: ServiceContext, id: string): Promise<BridgeReferral> {
  const opened = await openReferral(ctx, id);
  if (!opened.asAssociation) throw notFound();
  if (opened.referral.status === "withdrawn") throw notFound();
  return opened.referral;
}

const caseOf = async (ctx: ServiceContext, caseId: string) => {
  const c = await findCase(ctx.db, bridgeRing(ctx), ctx.tenant.id, caseId);
  if (!c) throw notFound();
  return c;
};

export async function accept(ctx: ServiceContext, id: string): Promise<void> {
  const r = await forAssociation(ctx, id);
  if (r.status !== "sent") throw conflict("answered", "bridge.referral.answered");
  const c = await caseOf(ctx, r.caseId);
  await inTransaction(ctx, async (tx) => {
    const now = isoNow(tx.clock);
    await repo.updateReferral(tx.db, bridgeRing(tx), tx.tenant.id, {
      ...r,
      status: "accepted",
      answeredAt: now,
      answeredBy: isPerson(tx.actor) ? tx.actor.userId : null,
    });
    await audit(tx, "bridge.referral_accepted", { type: "bridge_referral", id: r.id });
    await tellBuilder(tx, c);
  });
}

export async function decline(ctx: ServiceContext, id: string, reason: string): Promise<void> {
  const r = await forAssociation(ctx, id);
  if (r.status !== "sent") throw conflict("answered", "bridge.referral.answered", { reason: "bridge.referral.answered" });
  const c = await caseOf(ctx, r.caseId);
  await inTransaction(ctx, async (tx) => {
    const now = isoNow(tx.clock);
    await repo.updateReferral(tx.db, bridgeRing(tx), tx.tenant.id, {
      ...r,
      status: "declined",
      declineReason: reason,
      answeredAt: now,
      answeredBy: isPerson(tx.actor) ? tx.actor.userId : null,
    });
    await audit(tx, "bridge.referral_declined", { type: "bridge_referral", id: r.id });
    await tellBuilder(tx, c);
  });
}

export async function proposeMeeting(ctx: ServiceContext, id: string, input: { date: string; time: string; place: string }): Promise<void> {
  const r = await forAssociation(ctx, id);
  if (r.status !== "accepted") throw conflict("conflict", "bridge.referral.acceptFirst", { date: "bridge.referral.acceptFirst" });
  if (input.date < isoNow(ctx.clock).slice(0, 10)) throw invalidField("date", "bridge.referral.meetingPast");
  const c = await caseOf(ctx, r.caseId);
  await inTransaction(ctx, async (tx) => {
    await repo.updateReferral(tx.db, bridgeRing(tx), tx.tenant.id, { ...r, firstMeetingAt: `${input.date}T${input.time}`, meetingPlace: input.place });
    await audit(tx, "bridge.meeting_proposed", { type: "bridge_referral", id: r.id });
    await tellBuilder(tx, c);
  });
}

export async function tickWelcome(ctx: ServiceContext, id: string, done: number[]): Promise<void> {
  const r = await forAssociation(ctx, id);
  if (r.status !== "accepted") throw conflict("conflict", "bridge.referral.acceptFirst", { done: "bridge.referral.acceptFirst" });
  if (done.some((i) => i >= r.welcomeItems.length)) throw invalidField("done", "validation.invalid");
  await inTransaction(ctx, async (tx) => {
    await repo.updateReferral(tx.db, bridgeRing(tx), tx.tenant.id, { ...r, welcomeDone: [...new Set(done)].sort((a, b) => a - b) });
    await audit(tx, "bridge.welcome_ticked", { type: "bridge_referral", id: r.id }, { done: done.length });
  });
}

/**
 * The first meeting took place, as the association or the bridge-builder says: the person is taking part,
 * and the follow-ups are planned from that day.
 */
export async function markMet(ctx: ServiceContext, id: string, metOn: string): Promise<string> {
  const opened = await openReferral(ctx, id);
  const r = opened.referral;
  if (r.status !== "accepted") throw conflict("conflict", "bridge.referral.acceptFirst", { metOn: "bridge.referral.acceptFirst" });
  if (r.metAt) throw conflict("answered", "bridge.referral.alreadyMet", { metOn: "bridge.referral.alreadyMet" });
  if (metOn > isoNow(ctx.clock).slice(0, 10)) throw invalidField("metOn", "bridge.referral.metFuture");
  await inTransaction(ctx, async (tx) => {
    await repo.updateReferral(tx.db, bridgeRing(tx), tx.tenant.id, { ...r, metAt: metOn });
    await repo.setCaseStatus(tx.db, tx.tenant.id, r.caseId, "taking_part", isoNow(tx.clock));
    await audit(tx, "bridge.met", { type: "bridge_case", id: r.caseId }, { referral: r.id });
    await scheduleFollowUps(tx, r.caseId, metOn);
  });
  return r.caseId;
}
