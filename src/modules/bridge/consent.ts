import { audit } from "../../platform/audit/audit.js";
import { isPerson } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { conflict, invalidField } from "../../platform/http/errors.js";
import { formats } from "../../platform/i18n/format.js";
import { isLang } from "../../platform/i18n/i18n.js";
import { sendMail } from "../../platform/mail/send.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import type { BridgeCase, Consent, Purpose } from "./bridge.model.js";
import { purposeLabels } from "./case.labels.js";
import { bridgeRing, noteCaseMail, openCase } from "./cases.js";
import * as repo from "./cases.repository.js";
import { type ConsentInput, isEmail } from "./cases.schema.js";
import { contactHashOf } from "./refer.js";

/**
 * The person's copy of their consent, by e-mail: when, to what, and how to withdraw it or see what is
 * held. It names no reason, no need and no referrer, since a mailbox is not a safe place for them.
 */
export async function mailConsentCopy(tx: ServiceContext, c: BridgeCase, consent: Consent): Promise<boolean> {
  if (!isEmail(c.contact)) return false;
  const mailId = await sendMail(tx.db, tx.clock, {
    tenant: tx.tenant,
    to: c.contact,
    usedLanguage: c.language && isLang(c.language) ? c.language : tx.lang,
    compose: (t, lang) => ({
      subject: t("mail.bridge.consent.subject", { centre: tx.tenant.name }),
      paragraphs: [
        t("mail.bridge.consent.body", { centre: tx.tenant.name, date: formats(lang, tx.tenant.timeZone).date(consent.at) }),
        ...consent.purposes.map((p) => `• ${t(purposeLabels[p])}`),
        t("mail.bridge.consent.withdraw", { email: tx.tenant.contactEmail }),
      ],
      action: { label: t("mail.bridge.consent.action"), url: `${tx.baseUrl}/privacy/email` },
    }),
  });
  await noteCaseMail(tx, c.id, mailId);
  return true;
}

/** Consent recorded later, for a referral that came without it: the case opens for intake and is no longer deleted after 14 days. */
export async function recordConsent(ctx: ServiceContext, caseId: string, input: ConsentInput): Promise<{ c: BridgeCase; mailed: boolean }> {
  return inTransaction(ctx, async (tx) => {
    const c = await openCase(tx, caseId);
    if (c.consent) throw conflict("conflict", "bridge.consent.already");
    if (!input.how || !input.copy) throw invalidField("how", "bridge.consent.how.required");
    if (input.copy === "email" && !isEmail(c.contact)) throw invalidField("copy", "bridge.consent.copy.needsEmail");
    const now = isoNow(tx.clock);
    const consent: Consent = {
      at: now,
      by: isPerson(tx.actor) ? tx.actor.userId : null,
      purposes: input.purposes as Purpose[],
      how: input.how,
      copy: input.copy,
    };
    const next: BridgeCase = { ...c, consent, reason: input.reason, status: "intake", purgeAfter: null, updatedAt: now };
    await repo.updateCase(tx.db, bridgeRing(tx), next, contactHashOf(next.contact));
    await audit(tx, "bridge.consent_recorded", { type: "bridge_case", id: c.id }, { how: consent.how, copy: consent.copy });
    const mailed = consent.copy === "email" ? await mailConsentCopy(tx, next, consent) : false;
    return { c: next, mailed };
  });
}
