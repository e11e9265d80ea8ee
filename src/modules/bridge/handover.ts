import { audit } from "../../platform/audit/audit.js";
import { findUserById } from "../../platform/auth/auth.service.js";
import { isoNow } from "../../platform/clock.js";
import { conflict, invalidField, notFound } from "../../platform/http/errors.js";
import { translator } from "../../platform/i18n/i18n.js";
import { newId } from "../../platform/ids.js";
import { type MailTemplate, sendTemplateMail } from "../../platform/mail/template-mail.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { adminAddresses, associationNames } from "../associations/index.js";
import type { BridgeCase, BridgePick, BridgeReferral, SharedDetails, ShareField } from "./bridge.model.js";
import { bridgeRing, noteCaseMail, openCase } from "./cases.js";
import * as repo from "./handover.repository.js";
import type { HandoverInput } from "./handover.schema.js";
import { bridgeSettings, welcomeItems } from "./settings.js";

const REFERRED: MailTemplate = { subject: "mail.bridgeReferred.subject", paragraphs: ["mail.bridgeReferred.body"], action: "mail.bridgeReferred.action" };
const ANSWERED: MailTemplate = { subject: "mail.bridgeAnswered.subject", paragraphs: ["mail.bridgeAnswered.body"], action: "mail.bridgeAnswered.action" };

/** The fields the person agreed to share with an association: none unless sharing was a purpose of their consent. */
export const shareableFields = (c: BridgeCase): ShareField[] => (c.consent?.purposes.includes("share_with_association") ? c.shareFields : []);

/** Exactly what the association will see of the person for these fields. */
export function sharedDetails(c: BridgeCase, fields: readonly ShareField[]): SharedDetails {
  const out: SharedDetails = {};
  for (const f of fields) {
    if (f === "first_name") out.firstName = c.firstName;
    else if (f === "contact") out.contact = c.contact;
    else if (f === "languages") out.languages = c.languages;
    else if (f === "needs") out.needs = c.needs;
    else if (f === "wishes") out.wishes = c.wishes;
    else out.times = c.slots;
  }
  return out;
}

/** A referral is live while the association may still act on it. */
export const isLive = (r: Pick<BridgeReferral, "status">) => r.status === "sent" || r.status === "accepted";

export interface Handover {
  case: BridgeCase;
  /** The picks the person chose that have an association to hand over to. */
  chosen: BridgePick[];
  /** Picks the person chose that no association stands behind (an event of the centre). */
  withoutAssociation: BridgePick[];
  shareable: ShareField[];
  /** The person chose something and every choice has been sent already. */
  allSent: boolean;
  referrals: BridgeReferral[];
  names: Map<string, string>;
}

export async function handoverFor(ctx: ServiceContext, caseId: string): Promise<Handover> {
  const c = await openCase(ctx, caseId);
  const [picks, referrals] = await Promise.all([repo.picksOf(ctx.db, ctx.tenant.id, c.id), repo.referralsOfCase(ctx.db, bridgeRing(ctx), ctx.tenant.id, c.id)]);
  const chosen = picks.filter((p) => p.chosen);
  const names = await associationNames(ctx, [...chosen.flatMap((p) => (p.associationId ? [p.associationId] : [])), ...referrals.map((r) => r.associationId)]);
  // An association that already has a live referral for the person is not offered again.
  const referred = new Set(referrals.filter(isLive).map((r) => r.associationId));
  const open = chosen.filter((p) => p.associationId && !referred.has(p.associationId));
  return {
    case: c,
    chosen: open,
    allSent: open.length === 0 && chosen.some((p) => p.associationId),
    withoutAssociation: chosen.filter((p) => !p.associationId),
    shareable: shareableFields(c),
    referrals,
    names,
  };
}

/** Sends the referral for a chosen pick: its association's admins are told that someone waits, and nothing more. */
export async function sendReferral(ctx: ServiceContext, caseId: string, input: Extract<HandoverInput, { action: "send" }>): Promise<string> {
  const c = await openCase(ctx, caseId);
  const pick = (await repo.picksOf(ctx.db, ctx.tenant.id, c.id)).find((p) => p.id === input.pickId && p.chosen && p.associationId);
  if (!pick?.associationId) throw invalidField("pickId", "bridge.handover.pickRequired");
  const associationId = pick.associationId;
  const allowed = shareableFields(c);
  if (!c.consent?.purposes.includes("share_with_association")) throw conflict("conflict", "bridge.handover.noConsent", { fields: "bridge.handover.noConsent" });
  if (input.fields.some((f) => !allowed.includes(f))) throw invalidField("fields", "bridge.handover.notAgreed");
  if (input.fields.length === 0) throw invalidField("fields", "bridge.handover.fieldsRequired");
  const existing = await repo.referralsOfCase(ctx.db, bridgeRing(ctx), ctx.tenant.id, c.id);
  if (existing.some((r) => r.associationId === associationId && isLive(r)))
    throw conflict("conflict", "bridge.handover.already", { pickId: "bridge.handover.already" });
  const items = welcomeItems(await bridgeSettings(ctx), translator(ctx.lang));
  const admins = await adminAddresses(ctx, associationId);
  return inTransaction(ctx, async (tx) => {
    const id = newId();
    const now = isoNow(tx.clock);
    await repo.insertReferral(tx.db, bridgeRing(tx), tx.tenant.id, {
      id,
      caseId: c.id,
      pickId: pick.id,
      associationId,
      status: "sent",
      shared: sharedDetails(c, input.fields),
      sentBy: tx.actor.kind === "person" ? tx.actor.userId : null,
      sentAt: now,
      answeredBy: null,
      answeredAt: null,
      declineReason: null,
      firstMeetingAt: null,
      meetingPlace: null,
      metAt: null,
      welcomeItems: items,
      welcomeDone: [],
    });
    await repo.setCaseStatus(tx.db, tx.tenant.id, c.id, "handed_over", now);
    await audit(tx, "bridge.referral_sent", { type: "bridge_case", id: c.id }, { referral: id, association: associationId, fields: input.fields.join(",") });
    for (const to of admins) {
      const mailId = await sendTemplateMail(tx, { to, template: REFERRED, values: {}, link: `/bridge/referrals/${id}` });
      await noteCaseMail(tx, c.id, mailId);
    }
    return id;
  });
}

/** Takes back a referral the association has not yet met the person through. */
export async function withdrawReferral(ctx: ServiceContext, caseId: string, referralId: string): Promise<void> {
  const c = await openCase(ctx, caseId);
  const r = await repo.findReferral(ctx.db, bridgeRing(ctx), ctx.tenant.id, referralId);
  if (!r || r.caseId !== c.id) throw notFound();
  if (!isLive(r) || r.metAt) throw conflict("conflict", "bridge.handover.notWithdrawable", { referralId: "bridge.handover.notWithdrawable" });
  await inTransaction(ctx, async (tx) => {
    await repo.updateReferral(tx.db, bridgeRing(tx), tx.tenant.id, { ...r, status: "withdrawn", shared: {} });
    await audit(tx, "bridge.referral_withdrawn", { type: "bridge_case", id: c.id }, { referral: r.id });
  });
}

/** Tells the case's bridge-builder that the association has answered or proposed a meeting; the mail says only that, with a link. */
export async function tellBuilder(ctx: ServiceContext, c: { id: string; builderId: string | null }): Promise<void> {
  if (!c.builderId) return;
  const builder = await findUserById(ctx.db, ctx.tenant.id, c.builderId);
  if (!builder) return;
  const mailId = await sendTemplateMail(ctx, { to: builder.email, template: ANSWERED, values: {}, link: `/bridge/cases/${c.id}/handover` });
  await noteCaseMail(ctx, c.id, mailId);
}
