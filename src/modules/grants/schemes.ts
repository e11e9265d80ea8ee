import { audit } from "../../platform/audit/audit.js";
import { authorize, can } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { conflict, invalidField, notFound } from "../../platform/http/errors.js";
import type { Lang } from "../../platform/i18n/i18n.js";
import { localized, type Translations } from "../../platform/i18n/localized.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { instantOf, localToday } from "../../platform/time/recurrence.js";
import { defaultForm } from "./form-builder.js";
import { closingAt, openRound, openScheme, takesApplications } from "./grants.js";
import type { Criterion, Round, Scheme } from "./grants.model.js";
import { canManageSchemes } from "./grants.policy.js";
import * as repo from "./schemes.repository.js";
import type { RoundInput, SchemeInput } from "./schemes.schema.js";
import { SCHEME_TEXTS } from "./schemes.schema.js";

/** A deadline is the minute it names (as grants.ts reads it): 23:59 is in time until 00:00. */
const GRACE_MS = 60_000;

/** The tenant's administrator, or a 403 (a sign-in for someone not signed in). */
export function mayManage(ctx: ServiceContext) {
  authorize(ctx.actor, canManageSchemes, { tenantId: ctx.tenant.id });
}

/** A scheme to change: the administrator's, found in the tenant (else 404). */
export async function schemeToManage(ctx: ServiceContext, id: string): Promise<Scheme> {
  mayManage(ctx);
  return openScheme(ctx, id);
}

export async function roundToManage(ctx: ServiceContext, id: string): Promise<{ round: Round; scheme: Scheme }> {
  mayManage(ctx);
  return openRound(ctx, id);
}

const FOLD: Record<string, string> = { æ: "ae", ø: "oe", å: "aa", ß: "ss" };

/** A key made from a label, "Lokal forankring" → "lokalForankring"; unique among those taken. */
export function keyFrom(label: string, taken: Iterable<string>, fallback = "field"): string {
  const words = label
    .toLowerCase()
    .replace(/[æøåß]/g, (c) => FOLD[c] ?? c)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/^[0-9 ]+/, "")
    .replace(/ ([a-z0-9])/g, (_, c: string) => c.toUpperCase())
    .replace(/ /g, "");
  const base = (words || fallback).slice(0, 36);
  const used = new Set(taken);
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base}${n}`;
  return key;
}

function translationsOf(ctx: ServiceContext, input: SchemeInput): Scheme["translations"] {
  const out: Translations<(typeof SCHEME_TEXTS)[number]> = {};
  for (const lang of ctx.tenant.languages) {
    if (lang === ctx.tenant.defaultLanguage) continue;
    const texts = Object.fromEntries(SCHEME_TEXTS.map((f) => [f, input[`${f}_${lang}`]]).filter(([, v]) => v));
    if (Object.keys(texts).length > 0) out[lang] = texts;
  }
  return out;
}

/** The criteria as written: a row keeps the key it was given, a new row gets one from its label. */
function criteriaOf(ctx: ServiceContext, rows: SchemeInput["criteria"], before: Criterion[]): Criterion[] {
  const lang: Lang = ctx.tenant.defaultLanguage;
  const taken = new Set<string>();
  return rows.map((row) => {
    const old = before.find((c) => c.key === row.key);
    const key = old ? old.key : keyFrom(row.label, [...taken, ...before.map((c) => c.key)], "criterion");
    taken.add(key);
    return { key, label: { ...(old?.label ?? {}), [lang]: row.label }, weight: row.weight };
  });
}

function schemeFrom(ctx: ServiceContext, input: SchemeInput, before: Scheme | null): Scheme {
  const now = isoNow(ctx.clock);
  return {
    id: before?.id ?? newId(),
    tenantId: ctx.tenant.id,
    title: input.title,
    purpose: input.purpose,
    rules: input.rules,
    whoMayApply: input.whoMayApply,
    translations: translationsOf(ctx, input),
    maxAmount: input.maxAmount,
    requiresRegistration: input.requiresRegistration,
    criteria: criteriaOf(ctx, input.criteria, before?.criteria ?? []),
    reportDemands: input.reportDemands,
    reportMonths: input.reportMonths,
    allYear: input.allYear,
    status: input.status,
    createdAt: before?.createdAt ?? now,
    updatedAt: now,
  };
}

/** A new scheme, with version 1 of its application form holding the house's default form so a round can open at once. */
export async function createScheme(ctx: ServiceContext, input: SchemeInput): Promise<Scheme> {
  mayManage(ctx);
  const scheme = schemeFrom(ctx, input, null);
  return inTransaction(ctx, async (tx) => {
    await repo.insertScheme(tx.db, tx.tenant.id, scheme);
    const userId = ctx.actor.kind === "person" ? ctx.actor.userId : null;
    const version = {
      id: newId(),
      schemeId: scheme.id,
      version: 1,
      definition: defaultForm(ctx.tenant.languages),
      createdAt: scheme.createdAt,
      frozenAt: null,
    };
    await repo.insertFormVersion(tx.db, tx.tenant.id, version, userId);
    await audit(tx, "grants.scheme_created", { type: "grant_scheme", id: scheme.id });
    return scheme;
  });
}

export async function changeScheme(ctx: ServiceContext, id: string, input: SchemeInput): Promise<Scheme> {
  const before = await schemeToManage(ctx, id);
  const scheme = schemeFrom(ctx, input, before);
  return inTransaction(ctx, async (tx) => {
    await repo.updateScheme(tx.db, tx.tenant.id, scheme);
    await audit(tx, "grants.scheme_changed", { type: "grant_scheme", id: scheme.id }, { status: scheme.status });
    return scheme;
  });
}

export interface SchemeRow {
  scheme: Scheme;
  rounds: Round[];
}

/** The administrator's list: every scheme with its rounds. */
export async function schemesToManage(ctx: ServiceContext): Promise<SchemeRow[]> {
  mayManage(ctx);
  const [schemes, rounds] = await Promise.all([repo.listSchemes(ctx.db, ctx.tenant.id), repo.listRounds(ctx.db, ctx.tenant.id)]);
  return schemes.map((scheme) => ({ scheme, rounds: rounds.filter((r) => r.schemeId === scheme.id) }));
}

/** The round's instants from the form, checked against the scheme and (for a new round) the clock. */
function roundTimes(ctx: ServiceContext, scheme: Scheme, input: RoundInput, isNew: boolean) {
  const zone = ctx.tenant.timeZone;
  const opensAt = instantOf(input.opensDate, "00:00", zone);
  if (scheme.allYear) return { opensAt, deadlineAt: null, secondDeadlineAt: null };
  if (!input.deadline) throw invalidField("deadlineDate", "grants.round.deadlineRequired");
  const deadlineAt = instantOf(input.deadline.date, input.deadline.time, zone);
  if (isNew && new Date(deadlineAt).getTime() + GRACE_MS <= ctx.clock.now().getTime()) throw invalidField("deadlineDate", "grants.round.deadlinePast");
  if (deadlineAt <= opensAt) throw invalidField("deadlineDate", "grants.round.deadlineBeforeOpens");
  const secondDeadlineAt = input.secondDeadline ? instantOf(input.secondDeadline.date, input.secondDeadline.time, zone) : null;
  if (secondDeadlineAt && secondDeadlineAt <= deadlineAt) throw invalidField("secondDeadlineDate", "grants.round.secondAfterFirst");
  return { opensAt, deadlineAt, secondDeadlineAt };
}

export async function createRound(ctx: ServiceContext, schemeId: string, input: RoundInput): Promise<Round> {
  const scheme = await schemeToManage(ctx, schemeId);
  if (scheme.status === "archived") throw conflict("closed", "grants.round.schemeArchived");
  const now = isoNow(ctx.clock);
  const round: Round = {
    id: newId(),
    tenantId: ctx.tenant.id,
    schemeId: scheme.id,
    title: input.title,
    ...roundTimes(ctx, scheme, input, true),
    budget: input.budget,
    status: "open",
    decisionBody: input.decisionBody,
    decidedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  return inTransaction(ctx, async (tx) => {
    await repo.insertRound(tx.db, tx.tenant.id, round);
    await audit(tx, "grants.round_created", { type: "grant_round", id: round.id }, { scheme: scheme.id });
    return round;
  });
}

/** A round is changed only while it takes applications; once closed for decision it is the committee's. */
export async function changeRound(ctx: ServiceContext, id: string, input: RoundInput): Promise<Round> {
  const { round: before, scheme } = await roundToManage(ctx, id);
  if (before.status !== "open") throw conflict("closed", "grants.round.notOpen");
  const round: Round = {
    ...before,
    title: input.title,
    ...roundTimes(ctx, scheme, input, false),
    budget: input.budget,
    decisionBody: input.decisionBody,
    updatedAt: isoNow(ctx.clock),
  };
  return inTransaction(ctx, async (tx) => {
    await repo.updateRound(tx.db, tx.tenant.id, round);
    await audit(tx, "grants.round_changed", { type: "grant_round", id: round.id });
    return round;
  });
}

export interface OpenRound {
  round: Round;
  /** Begun and before its deadline: applications are taken now. */
  takes: boolean;
  /** The day it opens, in the tenant's zone. */
  opensOn: string;
}
export interface OpenScheme {
  scheme: Scheme;
  rounds: OpenRound[];
}

/** Whether a round is still to come or open: status open and its last deadline not passed. */
const notPast = (round: Round, now: Date) => {
  const closing = closingAt(round);
  return round.status === "open" && (closing === null || now.getTime() < new Date(closing).getTime() + GRACE_MS);
};

/** The public list: active schemes and their rounds that are open or still to open. */
export async function openSchemes(ctx: ServiceContext): Promise<OpenScheme[]> {
  const now = ctx.clock.now();
  const [schemes, rounds] = await Promise.all([repo.listSchemes(ctx.db, ctx.tenant.id, ["active"]), repo.listRounds(ctx.db, ctx.tenant.id)]);
  return schemes.map((scheme) => ({
    scheme: localized(scheme, ctx.lang),
    rounds: rounds
      .filter((r) => r.schemeId === scheme.id && notPast(r, now))
      .sort((a, b) => (a.opensAt < b.opensAt ? -1 : a.opensAt > b.opensAt ? 1 : 0))
      .map((round) => ({ round, takes: takesApplications(round, now), opensOn: localToday(new Date(round.opensAt), ctx.tenant.timeZone) })),
  }));
}

/** An active scheme as anyone reads it; a draft or archived one only for the administrator. */
export async function schemeAbout(ctx: ServiceContext, id: string): Promise<OpenScheme> {
  const scheme = await openScheme(ctx, id);
  if (scheme.status !== "active" && !can(ctx.actor, canManageSchemes, { tenantId: ctx.tenant.id })) throw notFound();
  const now = ctx.clock.now();
  const rounds = (await repo.listRounds(ctx.db, ctx.tenant.id, scheme.id)).filter((r) => notPast(r, now));
  return {
    scheme: localized(scheme, ctx.lang),
    rounds: rounds.map((round) => ({ round, takes: takesApplications(round, now), opensOn: localToday(new Date(round.opensAt), ctx.tenant.timeZone) })),
  };
}
