import { logAccess } from "../../platform/audit/access.js";
import { audit } from "../../platform/audit/audit.js";
import { can, isPerson } from "../../platform/auth/policy.js";
import { findUserByEmail, findUserById } from "../../platform/auth/users.repository.js";
import { isoNow } from "../../platform/clock.js";
import { conflict, invalidField, notFound, unauthenticated } from "../../platform/http/errors.js";
import { sendTemplateMail } from "../../platform/mail/template-mail.js";
import { distanceKm, findPostcodes, type Place } from "../../platform/search/postcodes.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import type { BridgeCase } from "./bridge.model.js";
import { canAccompany, canManageCompanions } from "./bridge.policy.js";
import { bridgeRing, noteCaseMail, openCase } from "./cases.js";
import type { PoolMember } from "./companions.repository.js";
import * as repo from "./companions.repository.js";
import type { AddCompanionInput, CompanionInput } from "./companions.schema.js";

export type { PoolMember } from "./companions.repository.js";

/** Why a companion suits the person: near, speaks their language, free when they are. */
export type CandidateReason =
  | { code: "near"; km: number }
  | { code: "samePostcode" }
  | { code: "sameArea" }
  | { code: "languages"; items: string[] }
  | { code: "slots"; items: string[] };

export interface Candidate {
  companion: PoolMember;
  score: number;
  reasons: CandidateReason[];
}

/** The pool and who is matched with whom: bridge-builders; anyone else finds no such page. */
function mustManage(ctx: ServiceContext): void {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  if (!can(ctx.actor, canManageCompanions, { tenantId: ctx.tenant.id })) throw notFound();
}

export async function companionPool(ctx: ServiceContext): Promise<PoolMember[]> {
  mustManage(ctx);
  return repo.listPool(ctx.db, ctx.tenant.id);
}

export async function poolMember(ctx: ServiceContext, userId: string): Promise<PoolMember> {
  mustManage(ctx);
  const found = await repo.findPoolMember(ctx.db, ctx.tenant.id, userId);
  if (!found) throw notFound();
  return found;
}

/** Adds a person who has an account here to the pool, by their e-mail address. */
export async function addCompanion(ctx: ServiceContext, input: AddCompanionInput): Promise<void> {
  mustManage(ctx);
  await inTransaction(ctx, async (tx) => {
    const user = await findUserByEmail(tx.db, tx.tenant.id, input.email);
    if (!user) throw invalidField("email", "bridge.companions.noAccount");
    if (await repo.findPoolMember(tx.db, tx.tenant.id, user.id)) throw invalidField("email", "bridge.companions.already");
    await repo.insertCompanion(tx.db, tx.tenant.id, {
      userId: user.id,
      postcode: input.postcode,
      languages: input.languages,
      slots: input.slots,
      trainedOn: input.trainedOn,
      active: true,
      createdAt: isoNow(tx.clock),
    });
    await audit(tx, "bridge.companion_added", { type: "user", id: user.id });
  });
}

export async function editCompanion(ctx: ServiceContext, userId: string, input: CompanionInput): Promise<void> {
  const found = await poolMember(ctx, userId);
  await inTransaction(ctx, async (tx) => {
    await repo.updateCompanion(tx.db, tx.tenant.id, { ...found, ...input });
    await audit(tx, "bridge.companion_changed", { type: "user", id: userId });
  });
}

/** Takes a companion out of the pool (no new matches) or back in; the people they already accompany keep them. */
export async function setCompanionActive(ctx: ServiceContext, userId: string, active: boolean): Promise<void> {
  const found = await poolMember(ctx, userId);
  await inTransaction(ctx, async (tx) => {
    await repo.updateCompanion(tx.db, tx.tenant.id, { ...found, active });
    await audit(tx, "bridge.companion_changed", { type: "user", id: userId }, { active });
  });
}

/** Areas by the postcode's first digits, where no map of the country's postcodes is at hand. */
const AREA_DIGITS = 2;
const NEAR_KM = 5;
const AREA_KM = 15;

/**
 * The active companions ranked for the person: near them (by distance where the postcodes are known, else by
 * the same postcode or the same first digits), a language they share, and week slots both are free in.
 */
export function rankCandidates(bridgeCase: BridgeCase, pool: PoolMember[], places: Map<string, Place>): Candidate[] {
  const home = bridgeCase.postcode ? places.get(bridgeCase.postcode) : undefined;
  return pool
    .filter((c) => c.active && c.userId !== bridgeCase.companionId)
    .map((companion) => {
      const reasons: CandidateReason[] = [];
      let score = 0;
      const theirs = companion.postcode ? places.get(companion.postcode) : undefined;
      if (home && theirs) {
        const km = distanceKm(home, theirs);
        if (km <= AREA_KM) {
          reasons.push({ code: "near", km });
          score += km <= NEAR_KM ? 30 : 15;
        }
      } else if (bridgeCase.postcode && companion.postcode) {
        if (bridgeCase.postcode === companion.postcode) {
          reasons.push({ code: "samePostcode" });
          score += 30;
        } else if (bridgeCase.postcode.slice(0, AREA_DIGITS) === companion.postcode.slice(0, AREA_DIGITS)) {
          reasons.push({ code: "sameArea" });
          score += 15;
        }
      }
      const languages = companion.languages.filter((l) => bridgeCase.languages.includes(l));
      if (languages.length > 0) {
        reasons.push({ code: "languages", items: languages });
        score += 20;
      }
      const slots = companion.slots.filter((s) => bridgeCase.slots.includes(s));
      if (slots.length > 0) {
        reasons.push({ code: "slots", items: slots });
        score += Math.min(25, 5 * slots.length);
      }
      return { companion, score, reasons };
    })
    .sort((a, b) => b.score - a.score || a.companion.name.localeCompare(b.companion.name));
}

export interface CaseCompanion {
  bridgeCase: BridgeCase;
  current: PoolMember | null;
  candidates: Candidate[];
  /** The person agreed to a companion; without it none can be asked. */
  consented: boolean;
}

/** A case's companion and the candidates, for the bridge-builder who holds the case. */
export async function caseCompanion(ctx: ServiceContext, caseId: string): Promise<CaseCompanion> {
  const bridgeCase = await openCase(ctx, caseId);
  mustManage(ctx);
  const pool = await repo.listPool(ctx.db, ctx.tenant.id);
  const codes = [bridgeCase.postcode, ...pool.map((c) => c.postcode)].filter((p): p is string => Boolean(p));
  const places = await findPostcodes(ctx.db, ctx.tenant.country, [...new Set(codes)]);
  return {
    bridgeCase,
    current: pool.find((c) => c.userId === bridgeCase.companionId) ?? null,
    candidates: rankCandidates(bridgeCase, pool, places),
    consented: bridgeCase.consent?.purposes.includes("companion") ?? false,
  };
}

/** Asks a companion to come along: they get a mail that says only that someone waits, with a link to their page. */
export async function assignCompanion(ctx: ServiceContext, caseId: string, companionId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const bridgeCase = await openCase(tx, caseId);
    mustManage(tx);
    if (bridgeCase.status === "closed") throw conflict("closed", "bridge.companion.closed", { companionId: "bridge.companion.closed" });
    if (!bridgeCase.consent?.purposes.includes("companion")) throw invalidField("companionId", "bridge.companion.noConsent");
    const companion = await repo.findPoolMember(tx.db, tx.tenant.id, companionId);
    if (!companion?.active) throw invalidField("companionId", "bridge.companion.choose");
    if (bridgeCase.companionId === companionId) return;
    const now = isoNow(tx.clock);
    await repo.setCaseCompanion(tx.db, tx.tenant.id, caseId, companionId, now, now);
    await audit(tx, "bridge.companion_assigned", { type: "bridge_case", id: caseId }, { companion: companionId });
    const mailId = await sendTemplateMail(tx, {
      to: companion.email,
      template: { subject: "bridge.mail.companion.subject", paragraphs: ["bridge.mail.companion.body"], action: "bridge.mail.companion.action" },
      values: {},
      link: "/bridge/companion",
    });
    await noteCaseMail(tx, caseId, mailId);
  });
}

export async function removeCompanion(ctx: ServiceContext, caseId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const bridgeCase = await openCase(tx, caseId);
    mustManage(tx);
    if (!bridgeCase.companionId) return;
    await repo.setCaseCompanion(tx.db, tx.tenant.id, caseId, null, null, isoNow(tx.clock));
    await audit(tx, "bridge.companion_removed", { type: "bridge_case", id: caseId }, { companion: bridgeCase.companionId });
  });
}

/** What a companion sees of one person: a first name, the first meeting's day, time and place, and whom to call. */
export interface MyPerson {
  firstName: string;
  meetingDate: string | null;
  meetingTime: string | null;
  place: string | null;
  builder: { name: string; email: string } | null;
}

const LOCAL = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/;

/** The companion's own page: for each person they come along with, only what they need to meet them. Each read is logged. */
export async function myPeople(ctx: ServiceContext): Promise<MyPerson[]> {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  const actor = ctx.actor;
  const mine = (await repo.accompaniedBy(ctx.db, bridgeRing(ctx), ctx.tenant.id, actor.userId)).filter((a) =>
    can(actor, canAccompany, { tenantId: ctx.tenant.id, companionId: a.companionId }),
  );
  const meetings = await repo.firstMeetings(
    ctx.db,
    ctx.tenant.id,
    mine.map((a) => a.caseId),
  );
  const people: MyPerson[] = [];
  for (const a of mine) {
    const meeting = meetings.find((m) => m.caseId === a.caseId && m.at) ?? meetings.find((m) => m.caseId === a.caseId);
    const when = meeting?.at ? LOCAL.exec(meeting.at) : null;
    const builder = a.builderId ? await findUserById(ctx.db, ctx.tenant.id, a.builderId) : undefined;
    people.push({
      firstName: a.firstName,
      meetingDate: when?.[1] ?? null,
      meetingTime: when?.[2] ?? null,
      place: meeting?.place ?? null,
      builder: builder ? { name: builder.name, email: builder.email } : null,
    });
  }
  await logAccess(
    ctx,
    "bridge.companion.page_read",
    "bridge_case",
    mine.map((a) => a.caseId),
  );
  return people;
}
