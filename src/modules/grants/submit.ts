import { audit } from "../../platform/audit/audit.js";
import { findUserByEmail } from "../../platform/auth/auth.service.js";
import { isoNow } from "../../platform/clock.js";
import { conflict, invalid } from "../../platform/http/errors.js";
import { formats } from "../../platform/i18n/format.js";
import { type Lang, translator } from "../../platform/i18n/i18n.js";
import { localized } from "../../platform/i18n/localized.js";
import { recipientLanguage } from "../../platform/mail/recipient-language.js";
import { sendMail } from "../../platform/mail/send.js";
import { type PdfBlock, pdfAttachment, renderPdf } from "../../platform/pdf/pdf.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { adminAddresses } from "../associations/index.js";
import { type Posted, parseApplication } from "./answers.js";
import { summarise, summaryBlocks } from "./answers-summary.js";
import * as applications from "./applications.repository.js";
import { currencyOf, formOf, moneyIn, openDraft, refusalOf } from "./apply.js";
import { closingAt, openApplication, takesApplications } from "./grants.js";
import type { Application, ApplicationProfile, Round, Scheme } from "./grants.model.js";
import { canApplyFor } from "./grants.policy.js";
import { currentProfile } from "./profile.js";
import { answerQuestion as markAnswered, questionsOf } from "./questions.repository.js";
import { freezeFormVersion } from "./schemes.repository.js";

const ANSWER_MAX = 5000;

/** The deadline as the reader writes it, for the message that it has passed. */
const deadlineText = (ctx: Pick<ServiceContext, "lang" | "tenant">, round: Round) => {
  const closing = closingAt(round);
  return closing ? formats(ctx.lang, ctx.tenant.timeZone).dateTime(closing) : "";
};

/**
 * The board sends the application. In one go: the answers as posted are read as for sending (any
 * error: nothing is written), the deadline is checked by the server's clock in the tenant's zone (late:
 * refused, the draft as it was), the association must owe no report; then the form version is frozen,
 * the association's facts are copied in, and the receipt with the application as a PDF goes to the board.
 */
export async function submitApplication(ctx: ServiceContext, id: string, body: Posted): Promise<Application> {
  const { application, round, scheme } = await openDraft(ctx, id);
  if (!takesApplications(round, ctx.clock.now())) {
    throw conflict("closed", "grants.apply.late", { _form: { key: "grants.apply.late", values: { at: deadlineText(ctx, round) } } });
  }
  const form = await formOf(ctx, application);
  const files = await applications.filesOf(ctx.db, ctx.tenant.id, application.id);
  const fileCounts: Record<string, number> = {};
  for (const f of files) fileCounts[f.fieldKey] = (fileCounts[f.fieldKey] ?? 0) + 1;
  const parsed = parseApplication(form, body, {
    mode: "submit",
    lang: ctx.lang,
    maxAmount: scheme.maxAmount,
    money: moneyIn(ctx),
    previous: application.answers,
    fileCounts,
  });
  if (Object.keys(parsed.errors).length) throw invalid(parsed.errors, "grants.apply.notComplete");
  const refusal = await refusalOf(ctx, round, scheme, application.associationId);
  if (refusal?.kind === "overdue") {
    const r = refusal.reports[0];
    throw conflict("closed", "grants.apply.overdue", {
      _form: { key: "grants.apply.overdue", values: { title: r?.title ?? "", reference: r?.reference ?? "", due: r?.dueOn ?? "" } },
    });
  }
  if (refusal?.kind === "unregistered") throw conflict("closed", "grants.apply.unregistered", { _form: "grants.apply.unregistered" });
  const actor = ctx.actor as { userId: string };
  const profile = await currentProfile(ctx, application.associationId);
  const sent = await inTransaction(ctx, async (tx) => {
    const at = isoNow(tx.clock);
    const done: Application = {
      ...application,
      title: parsed.title,
      amountRequested: parsed.amountRequested ?? 0,
      answers: parsed.answers,
      profile,
      status: "submitted",
      updatedBy: actor.userId,
      updatedAt: at,
      submittedBy: actor.userId,
      submittedAt: at,
    };
    await applications.updateApplication(tx.db, tx.tenant.id, done);
    await freezeFormVersion(tx.db, tx.tenant.id, application.formVersionId, at);
    await audit(tx, "grants.application_submitted", { type: "grant_application", id: application.id }, { round: round.id });
    return done;
  });
  await sendReceipts(ctx, sent, round, scheme);
  return sent;
}

/** The application as a printed document in one language: what was sent, when, by whom, with the association's facts. */
export async function receiptPdf(
  ctx: Pick<ServiceContext, "db" | "tenant">,
  lang: Lang,
  input: { application: Application; round: Round; scheme: Scheme; profile: ApplicationProfile },
): Promise<Buffer> {
  const { application, round, scheme, profile } = input;
  const t = translator(lang);
  const fmt = formats(lang, ctx.tenant.timeZone);
  const currency = currencyOf(ctx);
  const form = await formOf(ctx, application);
  const files = await applications.filesOf(ctx.db, ctx.tenant.id, application.id);
  const sections = summarise(form, application.answers, files, { t, lang, fmt, currency });
  const blocks: PdfBlock[] = [
    {
      kind: "facts",
      rows: [
        [t("grants.receipt.reference"), application.reference],
        [t("grants.receipt.scheme"), localized(scheme, lang).title],
        [t("grants.receipt.round"), round.title],
        [t("grants.receipt.submitted"), application.submittedAt ? fmt.dateTime(application.submittedAt) : t("grants.status.draft")],
        [t("grants.apply.title"), application.title],
        [t("grants.apply.amount"), fmt.money(application.amountRequested, currency)],
      ],
    },
    { kind: "heading", text: t("grants.profile.heading") },
    {
      kind: "facts",
      rows: [
        [t("grants.profile.name"), profile.name],
        [t("grants.profile.registrationNumber"), profile.registrationNumber ?? ""],
        [t("grants.profile.email"), profile.email],
        [t("grants.profile.bankAccount"), profile.bankAccount],
        [t("grants.profile.memberCount"), profile.memberCount === null ? "" : fmt.number(profile.memberCount)],
        [t("grants.profile.board"), profile.board.map((m) => (m.role ? `${m.name} (${m.role})` : m.name)).join(", ")],
        [t("grants.profile.activities"), profile.activities],
      ],
    },
    ...summaryBlocks(sections, { t, fmt, currency }),
  ];
  return renderPdf({
    sender: ctx.tenant.name,
    title: t("grants.receipt.title", { reference: application.reference }),
    subtitle: application.title,
    lang,
    blocks,
  });
}

/** The receipt to every board member, in their language, with the application as a PDF. */
async function sendReceipts(ctx: ServiceContext, application: Application, round: Round, scheme: Scheme) {
  const profile = application.profile ?? (await currentProfile(ctx, application.associationId));
  const pdfs = new Map<Lang, Buffer>();
  for (const to of await adminAddresses(ctx, application.associationId)) {
    const account = await findUserByEmail(ctx.db, ctx.tenant.id, to);
    const lang = recipientLanguage({ userLanguage: account?.language, usedLanguage: ctx.lang, tenant: ctx.tenant });
    let pdf = pdfs.get(lang);
    if (!pdf) {
      pdf = await receiptPdf(ctx, lang, { application, round, scheme, profile });
      pdfs.set(lang, pdf);
    }
    const bytes = pdf;
    await sendMail(ctx.db, ctx.clock, {
      tenant: ctx.tenant,
      to,
      usedLanguage: ctx.lang,
      compose: (t, l) => {
        const fmt = formats(l, ctx.tenant.timeZone);
        const values = {
          title: application.title,
          reference: application.reference,
          scheme: localized(scheme, l).title,
          round: round.title,
          at: fmt.dateTime(application.submittedAt ?? ""),
        };
        return {
          subject: t("grants.receipt.mail.subject", values),
          paragraphs: [t("grants.receipt.mail.body", values), t("grants.receipt.mail.next")],
          action: { label: t("grants.receipt.mail.action"), url: `${ctx.baseUrl}/grants/applications/${application.id}` },
          attachments: [pdfAttachment(`${application.reference}.pdf`, bytes)],
        };
      },
    });
  }
}

/** The receipt as a PDF for someone who may see the application, in their language. */
export async function receiptFor(ctx: ServiceContext, id: string) {
  const { application, round, scheme } = await openApplication(ctx, id);
  const profile = application.profile ?? (await currentProfile(ctx, application.associationId));
  return { application, pdf: await receiptPdf(ctx, ctx.lang, { application, round, scheme, profile }) };
}

/**
 * The board answers a caseworker's question: the fields it reopened are read as for sending, the
 * answer is kept with the question, and the application is back with the caseworker.
 */
export async function answerQuestion(ctx: ServiceContext, id: string, body: Posted) {
  const { application, scheme } = await openApplication(ctx, id, canApplyFor);
  const questions = await questionsOf(ctx.db, ctx.tenant.id, application.id);
  const question = questions.find((q) => q.answeredAt === null);
  if (application.status !== "questioned" || !question) throw conflict("answered", "grants.question.answered");
  const form = await formOf(ctx, application);
  const reopened = application.reopened.length ? application.reopened : question.fieldKeys;
  const parsed = parseApplication(form, body, {
    mode: "submit",
    lang: ctx.lang,
    maxAmount: scheme.maxAmount,
    money: moneyIn(ctx),
    previous: application.answers,
    only: reopened,
  });
  const answerText = typeof body.answer === "string" ? body.answer.trim().replace(/\r\n/g, "\n") : "";
  if (!answerText) parsed.errors.answer = "grants.question.answer.required";
  else if (answerText.length > ANSWER_MAX) parsed.errors.answer = "validation.tooLong";
  if (Object.keys(parsed.errors).length) throw invalid(parsed.errors, "grants.apply.notComplete");
  const actor = ctx.actor as { userId: string };
  await inTransaction(ctx, async (tx) => {
    const at = isoNow(tx.clock);
    await applications.updateApplication(tx.db, tx.tenant.id, {
      ...application,
      answers: parsed.answers,
      reopened: [],
      status: "submitted",
      updatedBy: actor.userId,
      updatedAt: at,
    });
    await markAnswered(tx.db, tx.tenant.id, question.id, answerText, actor.userId, at);
    await audit(tx, "grants.question_answered", { type: "grant_application", id: application.id }, { question: question.id });
  });
}
