import { Temporal } from "temporal-polyfill";
import { audit } from "../../platform/audit/audit.js";
import { isPerson } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { conflict, notFound, unauthenticated } from "../../platform/http/errors.js";
import { formats } from "../../platform/i18n/format.js";
import { type Lang, translator } from "../../platform/i18n/i18n.js";
import { localized } from "../../platform/i18n/localized.js";
import { newId } from "../../platform/ids.js";
import { sendMail } from "../../platform/mail/send.js";
import { pdfAttachment, renderPdf } from "../../platform/pdf/pdf.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { countryProfile } from "../../platform/tenants/countries.js";
import type { Tenant } from "../../platform/tenants/tenants.js";
import { adminAddresses, associationNames } from "../associations/index.js";
import { applicationsOfRound, updateApplication } from "./applications.repository.js";
import { roundForCaseworker } from "./close-round.js";
import { openApplication } from "./grants.js";
import { type Application, dueReport, type Round, type Scheme } from "./grants.model.js";
import { appealNote, fillLetter, letterTemplate } from "./letters.js";
import { findLetter, insertLetter, type Letter } from "./letters.repository.js";
import { insertReport } from "./reports.repository.js";
import { updateRound } from "./schemes.repository.js";
import { findSettings } from "./settings.repository.js";

/** The language a letter is written in: the application's, when the tenant offers it, else the tenant's own. */
export const letterLanguage = (tenant: Pick<Tenant, "languages" | "defaultLanguage">, language: string): Lang =>
  tenant.languages.find((l) => l === language) ?? tenant.defaultLanguage;

/** A text's paragraphs: the parts between blank lines. */
const paragraphsOf = (text: string) =>
  text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

/** The letter on paper: the tenant as sender, the subject as title, the date, the facts of the case, then the letter and the appeal note. */
export function letterPdf(tenant: Tenant, letter: Letter, application: Application): Promise<Buffer> {
  const lang = letterLanguage(tenant, letter.language);
  const t = translator(lang);
  const fmt = formats(lang, tenant.timeZone);
  const currency = countryProfile(tenant.country).currency;
  return renderPdf({
    sender: tenant.name,
    title: letter.subject,
    lang,
    subtitle: fmt.date(letter.createdAt),
    blocks: [
      {
        kind: "facts",
        rows: [
          [t("grants.letter.pdf.reference"), application.reference],
          [t("grants.letter.pdf.requested"), fmt.money(application.amountRequested, currency)],
          [t("grants.letter.pdf.granted"), fmt.money(application.decision === "rejected" ? 0 : (application.grantedAmount ?? 0), currency)],
        ],
      },
      ...paragraphsOf(letter.body).map((text) => ({ kind: "paragraph" as const, text })),
    ],
  });
}

/** The day the report falls due: the months the scheme gives after the decision, counted in the tenant's zone. */
export const reportDueOn = (decidedAt: string, months: number, zone: string) =>
  Temporal.Instant.from(decidedAt).toZonedDateTimeISO(zone).toPlainDate().add({ months }).toString();

/**
 * Ends the round: it becomes decided, and each decided application gets its letter (in its own
 * language, from the tenant's template, with the appeal note), kept, sent to the association's board
 * with the letter as a PDF, and a report falls due on each grant. Every sent application must have its
 * decision first; a letter is never sent twice.
 */
export async function sendLetters(ctx: ServiceContext, roundId: string): Promise<{ sent: number }> {
  const { round, scheme } = await roundForCaseworker(ctx, roundId);
  if (round.status === "decided") throw conflict("closed", "grants.letters.alreadySent");
  if (round.status !== "deciding") throw conflict("closed", "grants.letters.notDeciding");
  const applications = await applicationsOfRound(ctx.db, ctx.tenant.id, round.id);
  const undecided = applications.filter((a) => a.status !== "decided");
  if (undecided.length > 0) {
    throw conflict("closed", "grants.letters.undecided", {
      letters: { key: "grants.letters.undecided", values: { count: undecided.length, list: undecided.map((a) => a.reference).join(", ") } },
    });
  }
  const [settings, names] = await Promise.all([
    findSettings(ctx.db, ctx.tenant.id),
    associationNames(
      ctx,
      applications.map((a) => a.associationId),
    ),
  ]);
  return inTransaction(ctx, async (tx) => {
    const now = isoNow(tx.clock);
    const decided: Round = { ...round, status: "decided", decidedAt: now, updatedAt: now };
    await updateRound(tx.db, tx.tenant.id, decided);
    let sent = 0;
    for (const a of applications) {
      if (a.letterSentAt) continue;
      await sendOne(tx, scheme, a, settings, names.get(a.associationId) ?? "", now);
      sent += 1;
    }
    await audit(tx, "grants.letters_sent", { type: "grant_round", id: round.id }, { count: sent });
    return { sent };
  });
}

async function sendOne(
  ctx: ServiceContext,
  scheme: Scheme,
  a: Application,
  settings: Awaited<ReturnType<typeof findSettings>>,
  associationName: string,
  now: string,
): Promise<void> {
  const { tenant } = ctx;
  const lang = letterLanguage(tenant, a.language);
  const fmt = formats(lang, tenant.timeZone);
  const currency = countryProfile(tenant.country).currency;
  const decision = a.decision ?? "rejected";
  const filled = fillLetter(letterTemplate(settings, decision, lang), {
    association: associationName,
    title: a.title,
    reference: a.reference,
    scheme: localized(scheme, lang).title,
    amount: fmt.money(decision === "rejected" ? 0 : (a.grantedAmount ?? 0), currency),
    requested: fmt.money(a.amountRequested, currency),
    reason: a.decisionReason ?? "",
    body: "",
  });
  const letter: Letter = {
    id: newId(),
    applicationId: a.id,
    kind: "decision",
    language: lang,
    subject: filled.subject,
    body: `${filled.body.trim()}\n\n${appealNote(settings, lang)}`,
    createdAt: now,
  };
  await insertLetter(ctx.db, tenant.id, letter);
  await updateApplication(ctx.db, tenant.id, { ...a, letterSentAt: now });
  if (decision !== "rejected")
    await insertReport(ctx.db, tenant.id, dueReport(newId(), a, reportDueOn(a.decidedAt ?? now, scheme.reportMonths, tenant.timeZone)), now);
  const pdf = pdfAttachment(`${a.reference}.pdf`, await letterPdf(tenant, letter, a));
  const t = translator(lang);
  for (const to of await adminAddresses(ctx, a.associationId)) {
    await sendMail(ctx.db, ctx.clock, {
      tenant,
      to,
      usedLanguage: lang,
      compose: () => ({
        subject: letter.subject,
        paragraphs: paragraphsOf(letter.body),
        action: { label: t("grants.letters.mailAction"), url: `${ctx.baseUrl}/grants/applications/${a.id}` },
        attachments: [pdf],
      }),
    });
  }
}

/** A kept letter, for those who may see its application; to anyone else it does not exist. */
export async function openLetter(ctx: ServiceContext, id: string): Promise<{ letter: Letter; application: Application }> {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  const letter = await findLetter(ctx.db, ctx.tenant.id, id);
  if (!letter) throw notFound();
  const { application } = await openApplication(ctx, letter.applicationId);
  return { letter, application };
}
