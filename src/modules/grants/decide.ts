import { audit } from "../../platform/audit/audit.js";
import { can, hasRole, isPerson } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { conflict, type FieldErrors, invalid, notFound, unauthenticated } from "../../platform/http/errors.js";
import { parseMoney } from "../../platform/http/fields.js";
import { formats } from "../../platform/i18n/format.js";
import type { WaitingItem } from "../../platform/modules.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { countryProfile } from "../../platform/tenants/countries.js";
import { associationNames } from "../associations/index.js";
import { applicationsOfRound, updateApplication } from "./applications.repository.js";
import { type DecisionRow, rowField } from "./committee.schema.js";
import { openRound } from "./grants.js";
import type { Application, Decision, Round, Scheme } from "./grants.model.js";
import { canDecide, canSeeCommitteeList } from "./grants.policy.js";
import type { Letter } from "./letters.repository.js";
import { lettersOfRound } from "./letters.repository.js";
import { listRounds } from "./schemes.repository.js";
import { declarationsOf, putDeclaration, scoresOf } from "./scores.repository.js";
import { weightedScore } from "./scoring.js";

/** One application as the sitting sees it. */
export interface SittingItem {
  application: Application;
  associationName: string;
  score: number | null;
  /** This person's own declaration: a conflict of interest keeps them from deciding the application. */
  conflict: boolean;
  conflictNote: string;
  /** How many others have declared a conflict in it. */
  othersConflicted: number;
}

export interface Sitting {
  round: Round;
  scheme: Scheme;
  items: SittingItem[];
  /** The sum granted so far (granted and reduced), and what is left of the budget. */
  decidedSum: number;
  left: number;
  undecided: number;
  letters: Letter[];
}

/** The sum the round's decisions grant. */
export const grantedSum = (applications: readonly Application[]) =>
  applications.reduce((s, a) => s + (a.status === "decided" && a.decision !== "rejected" ? (a.grantedAmount ?? 0) : 0), 0);

/** The round for those who may see the committee's list; to anyone else it does not exist. */
export async function roundForCommittee(ctx: ServiceContext, roundId: string): Promise<{ round: Round; scheme: Scheme }> {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  const found = await openRound(ctx, roundId);
  if (!can(ctx.actor, canSeeCommitteeList, found.round)) throw notFound();
  return found;
}

/** The sitting's list: every sent application with what the caseworkers found, and the budget as decided so far. */
export async function sitting(ctx: ServiceContext, roundId: string): Promise<Sitting> {
  const { round, scheme } = await roundForCommittee(ctx, roundId);
  const applications = await applicationsOfRound(ctx.db, ctx.tenant.id, round.id);
  const ids = applications.map((a) => a.id);
  const [names, scores, declarations, letters] = await Promise.all([
    associationNames(
      ctx,
      applications.map((a) => a.associationId),
    ),
    scoresOf(ctx.db, ctx.tenant.id, ids),
    declarationsOf(ctx.db, ctx.tenant.id, ids),
    round.status === "decided" ? lettersOfRound(ctx.db, ctx.tenant.id, round.id) : Promise.resolve([]),
  ]);
  const me = isPerson(ctx.actor) ? ctx.actor.userId : "";
  const items = applications.map((application): SittingItem => {
    const own = declarations.find((d) => d.applicationId === application.id && d.userId === me);
    return {
      application,
      associationName: names.get(application.associationId) ?? "",
      score: weightedScore(
        scheme.criteria,
        scores.filter((s) => s.applicationId === application.id),
      ),
      conflict: own?.conflict ?? false,
      conflictNote: own?.note ?? "",
      othersConflicted: declarations.filter((d) => d.applicationId === application.id && d.userId !== me && d.conflict).length,
    };
  });
  const decidedSum = grantedSum(applications);
  return {
    round,
    scheme,
    items,
    decidedSum,
    left: round.budget - decidedSum,
    undecided: applications.filter((a) => a.status !== "decided").length,
    letters,
  };
}

/** A row's decision as it would be written, or the fields it breaks. */
function readRow(row: DecisionRow, a: Application, scheme: Scheme, errors: FieldErrors): { decision: Decision; amount: number; reason: string | null } | null {
  if (row.decision === "") return null;
  const amountField = rowField("amount", a.id);
  const reasonField = rowField("reason", a.id);
  if (row.decision === "rejected") {
    if (!row.reason) errors[reasonField] = "grants.decide.reasonRequired";
    return { decision: "rejected", amount: 0, reason: row.reason };
  }
  const typed = row.amount ? parseMoney(row.amount) : (a.recommendedAmount ?? a.amountRequested);
  if (typed === null || typed <= 0) {
    errors[amountField] = row.amount ? "validation.money" : "grants.decide.amountRequired";
    return null;
  }
  if (typed > a.amountRequested) errors[amountField] = "grants.decide.aboveRequested";
  else if (typed > scheme.maxAmount) errors[amountField] = "grants.decide.aboveMax";
  if (row.decision === "reduced") {
    if (typed >= a.amountRequested && !errors[amountField]) errors[amountField] = "grants.decide.reducedNotBelow";
    if (!row.reason) errors[reasonField] = "grants.decide.reasonRequired";
    return { decision: "reduced", amount: typed, reason: row.reason };
  }
  return { decision: "granted", amount: typed, reason: null };
}

/**
 * Records the sitting's decisions and this person's declarations of conflict, all or nothing. A row
 * left undecided stays as it is; a row unchanged is not written again (it keeps who decided it). The
 * round's grants may not come to more than its budget.
 */
export async function saveDecisions(ctx: ServiceContext, roundId: string, rows: DecisionRow[], rowErrors: FieldErrors): Promise<{ decided: number }> {
  const { round, scheme } = await roundForCommittee(ctx, roundId);
  if (!isPerson(ctx.actor)) throw unauthenticated();
  if (!can(ctx.actor, canDecide, round)) throw conflict("closed", "grants.decide.notDeciding");
  const me = ctx.actor.userId;
  const now = isoNow(ctx.clock);
  const applications = await applicationsOfRound(ctx.db, ctx.tenant.id, round.id);
  const declarations = await declarationsOf(
    ctx.db,
    ctx.tenant.id,
    applications.map((a) => a.id),
  );
  const errors: FieldErrors = { ...rowErrors };
  const changedDeclarations: { applicationId: string; conflict: boolean; note: string }[] = [];
  const decided: Application[] = [];
  const after = new Map(applications.map((a) => [a.id, a]));
  for (const a of applications) {
    const row = rows.find((r) => r.applicationId === a.id);
    if (!row) continue;
    const own = declarations.find((d) => d.applicationId === a.id && d.userId === me);
    if ((own?.conflict ?? false) !== row.conflict || (own?.note ?? "") !== row.conflictNote) {
      changedDeclarations.push({ applicationId: a.id, conflict: row.conflict, note: row.conflictNote });
    }
    const wanted = readRow(row, a, scheme, errors);
    if (!wanted) continue;
    const unchanged =
      a.status === "decided" && a.decision === wanted.decision && a.grantedAmount === wanted.amount && (a.decisionReason ?? null) === (wanted.reason || null);
    if (unchanged) continue;
    if (row.conflict) {
      errors[rowField("decision", a.id)] = "grants.decide.conflicted";
      continue;
    }
    const next: Application = {
      ...a,
      status: "decided",
      decision: wanted.decision,
      grantedAmount: wanted.amount,
      decisionReason: wanted.reason || null,
      decidedBy: me,
      decidedAt: now,
      updatedBy: me,
      updatedAt: now,
    };
    decided.push(next);
    after.set(a.id, next);
  }
  const sum = grantedSum([...after.values()]);
  if (sum > round.budget) {
    const fmt = formats(ctx.lang, ctx.tenant.timeZone);
    const currency = countryProfile(ctx.tenant.country).currency;
    errors.budget = {
      key: "grants.decide.overBudget",
      values: { sum: fmt.money(sum, currency), budget: fmt.money(round.budget, currency), over: fmt.money(sum - round.budget, currency) },
    };
  }
  if (Object.keys(errors).length > 0) throw invalid(errors);
  await inTransaction(ctx, async (tx) => {
    for (const d of changedDeclarations) {
      await putDeclaration(tx.db, tx.tenant.id, { ...d, userId: me, declaredAt: now });
      await audit(tx, "grants.committee_conflict_declared", { type: "grant_application", id: d.applicationId }, { conflict: d.conflict });
    }
    for (const a of decided) {
      await updateApplication(tx.db, tx.tenant.id, a);
      await audit(tx, "grants.application_decided", { type: "grant_application", id: a.id }, { decision: a.decision, amount: a.grantedAmount });
    }
  });
  return { decided: decided.length };
}

/** For the deciding body's members, on their start page: the rounds closed for decision that wait for them. */
export async function waitingForCommittee(ctx: ServiceContext): Promise<WaitingItem[]> {
  if (!isPerson(ctx.actor) || !hasRole(ctx.actor, "committee")) return [];
  const rounds = (await listRounds(ctx.db, ctx.tenant.id)).filter((r) => r.status === "deciding");
  if (rounds.length === 0) return [];
  const page = (id: string) => `/grants/rounds/${id}/committee`;
  return [
    {
      group: "centre",
      label: "start.grantsToDecide",
      count: rounds.length,
      href: rounds.length === 1 && rounds[0] ? page(rounds[0].id) : "/grants/rounds",
      toDo: true,
      examples: rounds.slice(0, 3).map((r) => ({ text: r.title, href: page(r.id) })),
    },
  ];
}
