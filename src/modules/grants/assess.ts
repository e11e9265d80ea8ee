import { audit } from "../../platform/audit/audit.js";
import { isPerson, type Person } from "../../platform/auth/policy.js";
import { userNames } from "../../platform/auth/users.repository.js";
import { isoNow } from "../../platform/clock.js";
import { conflict, invalidField } from "../../platform/http/errors.js";
import { formats } from "../../platform/i18n/format.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { countryProfile } from "../../platform/tenants/countries.js";
import { associationDetails } from "../associations/index.js";
import * as applications from "./applications.repository.js";
import * as notes from "./assess.repository.js";
import type { DeclarationInput, EligibilityInput, RecommendInput } from "./assess.schema.js";
import { eligibilityChecks } from "./eligibility.js";
import type { FormDefinition } from "./form.model.js";
import { openApplication } from "./grants.js";
import { type Application, MAX_REVIEWERS } from "./grants.model.js";
import { canHandleGrants, canSeeAssessment } from "./grants.policy.js";
import { questionsOf } from "./questions.repository.js";
import { findFormVersion } from "./schemes.repository.js";
import { type ConflictDeclaration, declarationsOf, putDeclaration, putScores, type Score, scoresOf } from "./scores.repository.js";
import { weightedScore } from "./scoring.js";

/** Statuses in which a caseworker still works on an application. */
const IN_HAND: readonly Application["status"][] = ["submitted", "questioned", "assessed"];

/** Everything the caseworker's page of one application shows. */
export async function assessment(ctx: ServiceContext, id: string) {
  const { application, round, scheme } = await openApplication(ctx, id, canSeeAssessment);
  const me = (ctx.actor as Person).userId;
  const [version, files, eligibility, association, declarations, scores, caseNotes, questions] = await Promise.all([
    findFormVersion(ctx.db, ctx.tenant.id, application.formVersionId),
    applications.filesOf(ctx.db, ctx.tenant.id, application.id),
    eligibilityChecks(ctx, scheme, application),
    associationDetails(ctx, application.associationId),
    declarationsOf(ctx.db, ctx.tenant.id, [application.id]),
    scoresOf(ctx.db, ctx.tenant.id, [application.id]),
    notes.notesOf(ctx.db, ctx.tenant.id, application.id),
    questionsOf(ctx.db, ctx.tenant.id, application.id),
  ]);
  const names = await userNames(ctx.db, ctx.tenant.id, [
    ...declarations.map((d) => d.userId),
    ...scores.map((s) => s.reviewerId),
    ...caseNotes.map((n) => n.authorId),
    ...questions.map((q) => q.askedBy),
    application.eligibility?.by ?? null,
    application.recommendedBy,
  ]);
  const reviewers = [...new Set(scores.map((s) => s.reviewerId))].map((reviewerId) => {
    const own = scores.filter((s) => s.reviewerId === reviewerId);
    return { id: reviewerId, scores: new Map(own.map((s) => [s.criterionKey, s.score])), total: weightedScore(scheme.criteria, own) };
  });
  const mine = declarations.find((d) => d.userId === me);
  const mayWrite = isPerson(ctx.actor) && canHandleGrants(ctx.actor, { tenantId: ctx.tenant.id }) && IN_HAND.includes(application.status);
  return {
    application,
    round,
    scheme,
    form: version?.definition ?? ({ sections: [] } satisfies FormDefinition),
    files,
    checks: eligibility.checks,
    overdue: eligibility.overdue,
    association,
    declarations,
    scores,
    notes: caseNotes,
    questions,
    names,
    reviewers,
    weighted: weightedScore(scheme.criteria, scores),
    currency: countryProfile(ctx.tenant.country).currency,
    me: {
      id: me,
      declared: mine ?? null,
      /** Writes are open to this caseworker: the application is in hand and they declared no conflict. */
      mayWrite,
      free: mayWrite && mine?.conflict === false,
      /** Scoring is full: as many others as may have scored it already. */
      scoringFull: !reviewers.some((r) => r.id === me) && reviewers.length >= MAX_REVIEWERS,
    },
  };
}
export type Assessment = Awaited<ReturnType<typeof assessment>>;

/** Opens the application for a write by a caseworker while it is in hand; with `free`, only for one who declared no conflict. */
async function forWrite(ctx: ServiceContext, id: string, options: { free: boolean }) {
  const opened = await openApplication(ctx, id, canHandleGrants);
  const me = (ctx.actor as Person).userId;
  if (!IN_HAND.includes(opened.application.status) || opened.round.status === "decided")
    throw conflict("closed", "grants.assess.closed", { _form: "grants.assess.closed" });
  if (options.free) {
    const [mine] = (await declarationsOf(ctx.db, ctx.tenant.id, [id])).filter((d) => d.userId === me);
    if (!mine) throw conflict("conflict", "grants.assess.declareFirst", { _form: "grants.assess.declareFirst" });
    if (mine.conflict) throw conflict("conflict", "grants.assess.conflicted", { _form: "grants.assess.conflicted" });
  }
  return { ...opened, me };
}

/** A caseworker says whether they have a conflict of interest in the application; said again, it replaces the last word. */
export async function declare(ctx: ServiceContext, id: string, input: DeclarationInput): Promise<void> {
  const { application, me } = await forWrite(ctx, id, { free: false });
  await inTransaction(ctx, async (tx) => {
    const d: ConflictDeclaration = {
      applicationId: application.id,
      userId: me,
      conflict: input.conflict === "yes",
      note: input.conflictNote,
      declaredAt: isoNow(tx.clock),
    };
    await putDeclaration(tx.db, tx.tenant.id, d);
    await audit(tx, "grants.conflict_declared", { type: "grant_application", id: application.id }, { conflict: d.conflict });
  });
}

/**
 * The verdict on eligibility, with the automatic checks as they stand now. A note is required when the
 * verdict is "not eligible", and when it calls eligible an application that failed a check.
 */
export async function judgeEligibility(ctx: ServiceContext, id: string, input: EligibilityInput): Promise<void> {
  const { application, scheme, me } = await forWrite(ctx, id, { free: true });
  const { checks } = await eligibilityChecks(ctx, scheme, application);
  if (!input.verdictNote && input.verdict === "not_eligible") throw invalidField("verdictNote", "grants.assess.verdict.noteRequired");
  if (!input.verdictNote && input.verdict === "eligible" && checks.some((c) => !c.ok)) throw invalidField("verdictNote", "grants.assess.verdict.overrideNote");
  await inTransaction(ctx, async (tx) => {
    const at = isoNow(tx.clock);
    await applications.updateApplication(tx.db, tx.tenant.id, { ...application, eligibility: { checks, verdict: input.verdict, by: me, at } });
    if (input.verdictNote)
      await notes.insertNote(tx.db, tx.tenant.id, {
        id: newId(),
        applicationId: application.id,
        authorId: me,
        kind: "eligibility",
        body: input.verdictNote,
        createdAt: at,
      });
    await audit(tx, "grants.eligibility_judged", { type: "grant_application", id: application.id }, { verdict: input.verdict });
  });
}

/** A caseworker's scores, one per criterion; they replace the caseworker's own. At most MAX_REVIEWERS caseworkers score one application. */
export async function score(ctx: ServiceContext, id: string, values: Record<string, number>): Promise<void> {
  const { application, scheme, me } = await forWrite(ctx, id, { free: true });
  await inTransaction(ctx, async (tx) => {
    const others = new Set((await scoresOf(tx.db, tx.tenant.id, [application.id])).map((s) => s.reviewerId).filter((r) => r !== me));
    if (others.size >= MAX_REVIEWERS) throw conflict("conflict", "grants.assess.score.full", { _form: "grants.assess.score.full" });
    const at = isoNow(tx.clock);
    const scores: Score[] = scheme.criteria.map((c) => ({
      applicationId: application.id,
      reviewerId: me,
      criterionKey: c.key,
      score: values[c.key] ?? 0,
      createdAt: at,
    }));
    await putScores(tx.db, tx.tenant.id, application.id, me, scores);
    await audit(tx, "grants.scored", { type: "grant_application", id: application.id });
  });
}

/** The recommended sum and why: at most what was asked for and the scheme's maximum; it marks a sent-in application assessed once eligibility is judged. */
export async function recommend(ctx: ServiceContext, id: string, input: RecommendInput): Promise<void> {
  const { application, scheme, me } = await forWrite(ctx, id, { free: true });
  if (application.status === "questioned") throw conflict("conflict", "grants.assess.recommend.questioned", { _form: "grants.assess.recommend.questioned" });
  if (!application.eligibility?.verdict) throw conflict("conflict", "grants.assess.recommend.verdictFirst", { _form: "grants.assess.recommend.verdictFirst" });
  const fmt = formats(ctx.lang, ctx.tenant.timeZone);
  const currency = countryProfile(ctx.tenant.country).currency;
  if (input.amount > application.amountRequested)
    throw invalidField("amount", { key: "grants.assess.recommend.overRequested", values: { max: fmt.money(application.amountRequested, currency) } });
  if (input.amount > scheme.maxAmount)
    throw invalidField("amount", { key: "grants.assess.recommend.overMax", values: { max: fmt.money(scheme.maxAmount, currency) } });
  await inTransaction(ctx, async (tx) => {
    const at = isoNow(tx.clock);
    await applications.updateApplication(tx.db, tx.tenant.id, {
      ...application,
      status: "assessed",
      recommendedAmount: input.amount,
      recommendation: input.recommendation,
      recommendedBy: me,
      recommendedAt: at,
    });
    await audit(tx, "grants.recommended", { type: "grant_application", id: application.id }, { amount: input.amount });
  });
}

/** An internal note; the applicant never sees it. */
export async function addNote(ctx: ServiceContext, id: string, body: string): Promise<void> {
  const opened = await openApplication(ctx, id, canHandleGrants);
  const me = (ctx.actor as Person).userId;
  await inTransaction(ctx, async (tx) => {
    await notes.insertNote(tx.db, tx.tenant.id, {
      id: newId(),
      applicationId: opened.application.id,
      authorId: me,
      kind: "note",
      body,
      createdAt: isoNow(tx.clock),
    });
    await audit(tx, "grants.note_added", { type: "grant_application", id: opened.application.id });
  });
}

export { forWrite as openForAssessment };
