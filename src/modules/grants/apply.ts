import { audit } from "../../platform/audit/audit.js";
import { findUserById } from "../../platform/auth/auth.service.js";
import { authorize, can, isPerson } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { conflict, notFound, unauthenticated } from "../../platform/http/errors.js";
import { formats } from "../../platform/i18n/format.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { countryProfile } from "../../platform/tenants/countries.js";
import { actFor, associationDetails, associationNames } from "../associations/index.js";
import { completeness, type Posted, parseApplication } from "./answers.js";
import * as applications from "./applications.repository.js";
import { eligibilityChecks } from "./eligibility.js";
import type { FormDefinition } from "./form.model.js";
import { closingAt, openApplication, openRound, openScheme, takesApplications } from "./grants.js";
import type { Application, ApplicationProfile, Round, Scheme } from "./grants.model.js";
import { canApplyFor, canApplyForSome, canManageSchemes } from "./grants.policy.js";
import { lettersOf } from "./letters.repository.js";
import { currentProfile } from "./profile.js";
import { questionsOf } from "./questions.repository.js";
import { reportOf } from "./reports.repository.js";
import * as schemes from "./schemes.repository.js";

/** Why an association may not start (or send) an application: each says what to do about it. */
export type Refusal =
  | { kind: "closed"; closedAt: string | null }
  | { kind: "overdue"; reports: { applicationId: string; title: string; reference: string; dueOn: string }[] }
  | { kind: "unregistered"; associationId: string };

export const currencyOf = (ctx: Pick<ServiceContext, "tenant">) => countryProfile(ctx.tenant.country).currency;
export const moneyIn = (ctx: Pick<ServiceContext, "tenant" | "lang">) => {
  const fmt = formats(ctx.lang, ctx.tenant.timeZone);
  const currency = currencyOf(ctx);
  return (minor: number) => fmt.money(minor, currency);
};

/** The reasons, if any, the association cannot apply in the round now. */
export async function refusalOf(ctx: ServiceContext, round: Round, scheme: Scheme, associationId: string): Promise<Refusal | null> {
  if (scheme.status !== "active" || !takesApplications(round, ctx.clock.now())) return { kind: "closed", closedAt: closingAt(round) };
  const { checks, overdue } = await eligibilityChecks(ctx, scheme, { associationId, amountRequested: 0 });
  if (overdue.length) {
    const reports = await Promise.all(
      overdue.map(async (r) => {
        const a = await applications.findApplication(ctx.db, ctx.tenant.id, r.applicationId);
        return { applicationId: r.applicationId, title: a?.title ?? "", reference: a?.reference ?? "", dueOn: r.dueOn };
      }),
    );
    return { kind: "overdue", reports };
  }
  if (!checks.find((c) => c.key === "registered")?.ok) return { kind: "unregistered", associationId };
  return null;
}

/**
 * A board member starts an application for the association in a round: a draft on the scheme's newest
 * form. The association's own draft in the round is opened instead when it has one.
 */
export async function startApplication(
  ctx: ServiceContext,
  roundId: string,
  associationId: string,
): Promise<{ application: Application } | { refusal: Refusal; round: Round; scheme: Scheme }> {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  const { round, scheme } = await openRound(ctx, roundId);
  // Another association's board is told nothing: the same 404 as an unknown association.
  if (!can(ctx.actor, canApplyFor, { tenantId: ctx.tenant.id, associationId })) throw notFound();
  const { association, actor } = await actFor(ctx, canApplyFor, associationId, "association");
  const own = (await applications.applicationsOfAssociations(ctx.db, ctx.tenant.id, [association.id])).find(
    (a) => a.roundId === round.id && a.status === "draft",
  );
  if (own) return { application: own };
  const refusal = await refusalOf(ctx, round, scheme, association.id);
  if (refusal) return { refusal, round, scheme };
  const form = await schemes.latestFormVersion(ctx.db, ctx.tenant.id, scheme.id);
  if (!form) return { refusal: { kind: "closed", closedAt: closingAt(round) }, round, scheme };
  return inTransaction(ctx, async (tx) => {
    const at = isoNow(tx.clock);
    const application: Application = {
      id: newId(),
      tenantId: tx.tenant.id,
      roundId: round.id,
      schemeId: scheme.id,
      associationId: association.id,
      formVersionId: form.id,
      reference: await applications.nextReference(tx.db, tx.tenant.id, Number(at.slice(0, 4))),
      status: "draft",
      title: "",
      amountRequested: 0,
      answers: {},
      profile: null,
      reopened: [],
      language: ctx.lang,
      createdBy: actor.userId,
      createdAt: at,
      updatedBy: actor.userId,
      updatedAt: at,
      submittedBy: null,
      submittedAt: null,
      eligibility: null,
      recommendedAmount: null,
      recommendation: null,
      recommendedBy: null,
      recommendedAt: null,
      decision: null,
      grantedAmount: null,
      decisionReason: null,
      decidedBy: null,
      decidedAt: null,
      letterSentAt: null,
    };
    await applications.insertApplication(tx.db, tx.tenant.id, application);
    await audit(tx, "grants.application_started", { type: "grant_application", id: application.id }, { round: round.id });
    return { application };
  });
}

/** The form the application was made on. */
export async function formOf(ctx: Pick<ServiceContext, "db" | "tenant">, application: Application): Promise<FormDefinition> {
  const version = await schemes.findFormVersion(ctx.db, ctx.tenant.id, application.formVersionId);
  if (!version) throw notFound();
  return version.definition;
}

/** Everything the applicant's page shows about one application. */
export async function applicationPage(ctx: ServiceContext, id: string) {
  const { application, round, scheme } = await openApplication(ctx, id);
  const [form, files, questions, letters, association] = await Promise.all([
    formOf(ctx, application),
    applications.filesOf(ctx.db, ctx.tenant.id, application.id),
    questionsOf(ctx.db, ctx.tenant.id, application.id),
    lettersOf(ctx.db, ctx.tenant.id, application.id),
    associationDetails(ctx, application.associationId),
  ]);
  const isBoard = can(ctx.actor, canApplyFor, { tenantId: application.tenantId, associationId: application.associationId });
  const profile: ApplicationProfile = application.profile ?? (await currentProfile(ctx, application.associationId));
  const savedBy = application.updatedBy ? await findUserById(ctx.db, ctx.tenant.id, application.updatedBy) : undefined;
  const openQuestion = questions.find((q) => q.answeredAt === null) ?? null;
  return {
    application,
    round,
    scheme,
    form,
    files,
    questions,
    letters,
    association,
    profile,
    savedBy: savedBy?.name ?? null,
    currency: currencyOf(ctx),
    isDraft: application.status === "draft",
    mayEdit: isBoard && application.status === "draft",
    mayAnswer: isBoard && application.status === "questioned" && openQuestion !== null,
    openQuestion,
    mayWithdraw: isBoard && ["draft", "submitted", "questioned"].includes(application.status),
    inTime: takesApplications(round, ctx.clock.now()),
  };
}
export type ApplicationPageData = Awaited<ReturnType<typeof applicationPage>>;

/** The application for its board, while they may still change it. */
export async function openDraft(ctx: ServiceContext, id: string) {
  const opened = await openApplication(ctx, id, canApplyFor);
  if (opened.application.status !== "draft") throw conflict("closed", "grants.apply.notDraft");
  return opened;
}

/**
 * Saves what the board wrote. Everything that can be read is kept, and what cannot is kept as it was
 * typed; the errors come back to be shown, but the draft is saved either way (also after the deadline).
 */
export async function saveDraft(ctx: ServiceContext, id: string, body: Posted) {
  const { application, scheme } = await openDraft(ctx, id);
  const form = await formOf(ctx, application);
  const parsed = parseApplication(form, body, {
    mode: "draft",
    lang: ctx.lang,
    maxAmount: scheme.maxAmount,
    money: moneyIn(ctx),
    previous: application.answers,
  });
  const actor = ctx.actor as { userId: string };
  await inTransaction(ctx, async (tx) => {
    await applications.updateApplication(tx.db, tx.tenant.id, {
      ...application,
      title: parsed.title,
      amountRequested: parsed.amountRequested ?? 0,
      answers: parsed.answers,
      updatedBy: actor.userId,
      updatedAt: isoNow(tx.clock),
    });
  });
  return parsed.errors;
}

/** What is still missing before the application can be sent, by field. */
export async function checkApplication(ctx: ServiceContext, application: Application, scheme: Scheme, form: FormDefinition) {
  const files = await applications.filesOf(ctx.db, ctx.tenant.id, application.id);
  const fileCounts: Record<string, number> = {};
  for (const f of files) fileCounts[f.fieldKey] = (fileCounts[f.fieldKey] ?? 0) + 1;
  const errors = completeness(form, application.answers, {
    title: application.title,
    amountRequested: application.amountRequested,
    lang: ctx.lang,
    money: moneyIn(ctx),
    fileCounts,
  });
  if (application.amountRequested > scheme.maxAmount) errors.amount ??= { key: "grants.apply.amount.tooHigh", values: { max: moneyIn(ctx)(scheme.maxAmount) } };
  return errors;
}

/** The board takes the application back before it is decided. */
export async function withdrawApplication(ctx: ServiceContext, id: string) {
  const { application } = await openApplication(ctx, id, canApplyFor);
  if (!["draft", "submitted", "questioned"].includes(application.status)) throw conflict("closed", "grants.apply.notWithdrawable");
  const actor = ctx.actor as { userId: string };
  await inTransaction(ctx, async (tx) => {
    await applications.updateApplication(tx.db, tx.tenant.id, { ...application, status: "withdrawn", updatedBy: actor.userId, updatedAt: isoNow(tx.clock) });
    await audit(tx, "grants.application_withdrawn", { type: "grant_application", id: application.id });
  });
  return application;
}

/**
 * The board member's overview: for each association they are an admin of, its applications (drafts
 * first), the reports it owes, and the rounds open now that it can apply in.
 */
export async function myGrants(ctx: ServiceContext) {
  authorize(ctx.actor, canApplyForSome, { tenantId: ctx.tenant.id });
  const ids = [...ctx.actor.memberships].filter(([, role]) => role === "admin").map(([id]) => id);
  const [names, all, active, rounds] = await Promise.all([
    associationNames(ctx, ids),
    applications.applicationsOfAssociations(ctx.db, ctx.tenant.id, ids),
    schemes.listSchemes(ctx.db, ctx.tenant.id, ["active"]),
    schemes.listRounds(ctx.db, ctx.tenant.id),
  ]);
  const now = ctx.clock.now();
  const schemeById = new Map(active.map((s) => [s.id, s]));
  const roundById = new Map(rounds.map((r) => [r.id, r]));
  const open = rounds
    .filter((r) => schemeById.has(r.schemeId) && takesApplications(r, now))
    .map((round) => ({ round, scheme: schemeById.get(round.schemeId) as Scheme }));
  const order = (s: Application["status"]) => (s === "draft" ? 0 : s === "questioned" ? 1 : 2);
  const associations = await Promise.all(
    ids
      .filter((id) => names.has(id))
      .map(async (id) => {
        const own = all.filter((a) => a.associationId === id).sort((x, y) => order(x.status) - order(y.status));
        const reports = (
          await Promise.all(
            own
              .filter((a) => a.status === "decided")
              .map(async (a) => {
                const r = await reportOf(ctx.db, ctx.tenant.id, a.id);
                return r && r.status !== "approved" && r.status !== "submitted" ? { applicationId: a.id, title: a.title, dueOn: r.dueOn } : null;
              }),
          )
        ).filter((r) => r !== null);
        return {
          id,
          name: names.get(id) as string,
          applications: own.map((a) => ({
            id: a.id,
            title: a.title,
            reference: a.reference,
            status: a.status,
            roundTitle: roundById.get(a.roundId)?.title ?? "",
          })),
          reports,
        };
      }),
  );
  return { associations: associations.sort((a, b) => a.name.localeCompare(b.name)), rounds: open, currency: currencyOf(ctx) };
}
export type MyGrants = Awaited<ReturnType<typeof myGrants>>;

/** The scheme's newest form for its administrator to see as an applicant would. */
export async function previewForm(ctx: ServiceContext, schemeId: string) {
  authorize(ctx.actor, canManageSchemes, { tenantId: ctx.tenant.id });
  const scheme = await openScheme(ctx, schemeId);
  const form = await schemes.latestFormVersion(ctx.db, ctx.tenant.id, scheme.id);
  if (!form) throw notFound();
  return { scheme, form: form.definition };
}
