import { audit } from "../../platform/audit/audit.js";
import { authorize, can, isPerson, type Person } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { conflict, invalidField, notFound, unauthenticated } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext, tenantToday } from "../../platform/service-context.js";
import { actFor, adminAddresses, associationNames } from "../associations/index.js";
import { mailAccepted, mailProposed, mailRequested } from "./experts.mails.js";
import {
  type Expert,
  type ExpertMatch,
  type ExpertProfile,
  type ExpertRequest,
  type ExpertSuggestion,
  type HoursEntry,
  type HoursFigures,
  type MatchAccess,
  type MatchItem,
  type MatchPage,
  type RequestItem,
  type RequestPage,
  SKILLS,
  type Skill,
} from "./experts.model.js";
import {
  canAnswerMatch,
  canAskFor,
  canAskForSome,
  canBeExpert,
  canLogHours,
  canMatchExperts,
  canRateMatch,
  canSeeExpertContact,
  canSeeMatch,
  canSeeRequest,
} from "./experts.policy.js";
import * as repo from "./experts.repository.js";
import type { ExpertInput, HoursInput, RateInput, RequestInput } from "./experts.schema.js";
import { suggestExperts } from "./suggest.js";

const here = (ctx: ServiceContext) => ({ tenantId: ctx.tenant.id });

function person(ctx: ServiceContext): Person {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  return ctx.actor;
}

// ——— The expert's own profile

export async function myProfile(ctx: ServiceContext): Promise<ExpertProfile | undefined> {
  const me = person(ctx);
  authorize(me, canBeExpert, here(ctx));
  return repo.profileOfUser(ctx.db, ctx.tenant.id, me.userId);
}

/** Signs the person up as an expert, or saves what they offer now; one who had left or paused is active again. */
export async function saveProfile(ctx: ServiceContext, input: ExpertInput): Promise<ExpertProfile> {
  const me = person(ctx);
  authorize(me, canBeExpert, here(ctx));
  return inTransaction(ctx, async (tx) => {
    const now = isoNow(tx.clock);
    const found = await repo.profileOfUser(tx.db, tx.tenant.id, me.userId);
    const profile: ExpertProfile = {
      id: found?.id ?? newId(),
      tenantId: tx.tenant.id,
      userId: me.userId,
      skills: SKILLS.filter((s) => input.skills.includes(s)),
      experience: input.experience,
      hoursPerMonth: input.hoursPerMonth,
      phone: input.phone,
      status: "active",
      createdAt: found?.createdAt ?? now,
      updatedAt: now,
    };
    if (found) await repo.updateProfile(tx.db, profile);
    else await repo.insertProfile(tx.db, profile);
    if (found) await audit(tx, "expert.updated", { type: "expert", id: profile.id });
    else await audit(tx, "expert.joined", { type: "expert", id: profile.id });
    return profile;
  });
}

/** Pauses (no new requests are put to them) or resumes; leaving takes them out of the pool until they sign up again. */
export async function setMyStatus(ctx: ServiceContext, status: "active" | "paused" | "left"): Promise<void> {
  const me = person(ctx);
  const profile = await myProfile(ctx);
  if (!profile) throw notFound();
  await inTransaction(ctx, async (tx) => {
    await repo.updateProfile(tx.db, { ...profile, status, updatedAt: isoNow(tx.clock) });
    if (status === "left") await audit(tx, "expert.left", { type: "expert", id: profile.id }, { by: me.userId });
    else if (status === "paused") await audit(tx, "expert.paused", { type: "expert", id: profile.id }, { by: me.userId });
    else await audit(tx, "expert.resumed", { type: "expert", id: profile.id }, { by: me.userId });
  });
}

/** The expert's page: what they offer, what has been put to them, and what they help with. */
export async function expertHome(ctx: ServiceContext): Promise<{ profile: ExpertProfile | undefined; matches: MatchItem[] }> {
  const profile = await myProfile(ctx);
  if (!profile) return { profile, matches: [] };
  const matches = await repo.matchesOfExpert(ctx.db, ctx.tenant.id, profile.id);
  const requests = new Map(
    (
      await repo.requestsByIds(
        ctx.db,
        ctx.tenant.id,
        matches.map((m) => m.requestId),
      )
    ).map((r) => [r.id, r]),
  );
  const names = await associationNames(
    ctx,
    [...requests.values()].map((r) => r.associationId),
  );
  return {
    profile,
    matches: matches.flatMap((match) => {
      const request = requests.get(match.requestId);
      return request ? [{ match, request, association: names.get(request.associationId) ?? "" }] : [];
    }),
  };
}

// ——— A board's requests

/** The associations the person is on the board of, for the "ask for help" form. */
export async function boardAssociations(ctx: ServiceContext): Promise<{ id: string; name: string }[]> {
  const me = person(ctx);
  authorize(me, canAskForSome, here(ctx));
  const ids = [...me.memberships].filter(([, role]) => role === "admin").map(([id]) => id);
  const names = await associationNames(ctx, ids);
  return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, "da"));
}

/** A board asks for help; the association is looked up in the tenant and must be one the person is on the board of. */
export async function askForHelp(ctx: ServiceContext, input: RequestInput): Promise<ExpertRequest> {
  const { association } = await actFor(ctx, canAskFor, input.association, "association");
  const me = person(ctx);
  // "Gerne inden" is a wish for the future: a day already gone cannot be met.
  if (input.neededBy && input.neededBy < tenantToday(ctx)) throw invalidField("neededBy", "experts.neededBy.past");
  return inTransaction(ctx, async (tx) => {
    const now = isoNow(tx.clock);
    const request: ExpertRequest = {
      id: newId(),
      tenantId: tx.tenant.id,
      associationId: association.id,
      skill: input.skill,
      description: input.description,
      neededBy: input.neededBy,
      status: "open",
      askedBy: me.userId,
      createdAt: now,
      updatedAt: now,
    };
    await repo.insertRequest(tx.db, request);
    await audit(tx, "expert_request.created", { type: "expert_request", id: request.id }, { association: association.id, skill: input.skill });
    await mailRequested(tx, request, association.name);
    return request;
  });
}

async function describe(ctx: ServiceContext, requests: ExpertRequest[], showProposed: boolean): Promise<RequestItem[]> {
  const [names, matches] = await Promise.all([
    associationNames(
      ctx,
      requests.map((r) => r.associationId),
    ),
    repo.matchesOfRequests(
      ctx.db,
      ctx.tenant.id,
      requests.map((r) => r.id),
    ),
  ]);
  const shown = matches.filter((m) => m.status === "accepted" || m.status === "closed" || (showProposed && m.status === "proposed"));
  const experts = new Map(
    (
      await repo.expertsByIds(
        ctx.db,
        ctx.tenant.id,
        shown.map((m) => m.expertId),
      )
    ).map((e) => [e.id, e]),
  );
  return requests.map((request) => {
    const m = shown.filter((x) => x.requestId === request.id).at(-1);
    const e = m && experts.get(m.expertId);
    return { request, association: names.get(request.associationId) ?? "", expert: m && e ? { name: e.name, matchId: m.id } : null };
  });
}

/** The requests of the associations the person is on the board of. */
export async function myRequests(ctx: ServiceContext): Promise<RequestItem[]> {
  const me = person(ctx);
  authorize(me, canAskForSome, here(ctx));
  const ids = [...me.memberships].filter(([, role]) => role === "admin").map(([id]) => id);
  return describe(ctx, await repo.requestsOfAssociations(ctx.db, ctx.tenant.id, ids), false);
}

/** Every request, for staff. */
export async function allRequests(ctx: ServiceContext): Promise<RequestItem[]> {
  authorize(ctx.actor, canMatchExperts, here(ctx));
  return describe(ctx, await repo.allRequests(ctx.db, ctx.tenant.id), true);
}

async function loadRequest(ctx: ServiceContext, id: string): Promise<ExpertRequest> {
  const request = await repo.findRequest(ctx.db, ctx.tenant.id, id);
  // Another association's request, or one of another tenant, does not exist for the one asking.
  if (!request || !can(ctx.actor, canSeeRequest, request)) {
    if (!isPerson(ctx.actor)) throw unauthenticated();
    throw notFound();
  }
  return request;
}

export async function requestPage(ctx: ServiceContext, id: string): Promise<RequestPage> {
  const request = await loadRequest(ctx, id);
  const staff = can(ctx.actor, canMatchExperts, here(ctx));
  const [names, matches] = await Promise.all([associationNames(ctx, [request.associationId]), repo.matchesOfRequests(ctx.db, ctx.tenant.id, [request.id])]);
  const visible = staff ? matches : matches.filter((m) => m.status === "accepted" || m.status === "closed");
  const experts = new Map(
    (
      await repo.expertsByIds(
        ctx.db,
        ctx.tenant.id,
        visible.map((m) => m.expertId),
      )
    ).map((e) => [e.id, e]),
  );
  const mayPropose = staff && (request.status === "open" || request.status === "proposed");
  let suggestions: ExpertSuggestion[] = [];
  if (mayPropose) {
    const [pool, loads] = await Promise.all([repo.activeExperts(ctx.db, ctx.tenant.id), repo.liveLoads(ctx.db, ctx.tenant.id)]);
    suggestions = suggestExperts(request.skill, pool, loads, new Set(matches.map((m) => m.expertId)));
  }
  return {
    request,
    association: names.get(request.associationId) ?? "",
    matches: visible.flatMap((match) => {
      const expert = experts.get(match.expertId);
      return expert ? [{ match, expert }] : [];
    }),
    suggestions,
    mayPropose,
  };
}

/** Staff put the request to an expert, who gets a mail and answers on their page. */
export async function propose(ctx: ServiceContext, requestId: string, expertId: string): Promise<ExpertMatch> {
  authorize(ctx.actor, canMatchExperts, here(ctx));
  const me = ctx.actor;
  const request = await loadRequest(ctx, requestId);
  if (request.status === "matched" || request.status === "closed") throw conflict("answered", "experts.propose.taken", { expert: "experts.propose.taken" });
  const expert = await repo.findExpert(ctx.db, ctx.tenant.id, expertId);
  if (!expert) throw invalidField("expert", "experts.propose.unknown");
  if (expert.status !== "active") throw invalidField("expert", "experts.propose.notActive");
  return inTransaction(ctx, async (tx) => {
    const existing = await repo.matchesOfRequests(tx.db, tx.tenant.id, [request.id]);
    if (existing.some((m) => m.expertId === expert.id)) throw conflict("conflict", "experts.propose.already", { expert: "experts.propose.already" });
    const match: ExpertMatch = {
      id: newId(),
      tenantId: tx.tenant.id,
      requestId: request.id,
      expertId: expert.id,
      status: "proposed",
      proposedBy: me.userId,
      proposedAt: isoNow(tx.clock),
      answeredAt: null,
      closedAt: null,
      closedBy: null,
      expertRating: null,
      expertComment: null,
      boardRating: null,
      boardComment: null,
      boardRatedBy: null,
    };
    await repo.insertMatch(tx.db, match);
    await repo.setRequestStatus(tx.db, tx.tenant.id, request.id, "proposed", match.proposedAt);
    const names = await associationNames(tx, [request.associationId]);
    await mailProposed(tx, expert, request, names.get(request.associationId) ?? "");
    await audit(tx, "expert_match.proposed", { type: "expert_request", id: request.id }, { match: match.id, expert: expert.id });
    return match;
  });
}

// ——— A match

async function loadMatch(ctx: ServiceContext, id: string) {
  const match = await repo.findMatch(ctx.db, ctx.tenant.id, id);
  const request = match && (await repo.findRequest(ctx.db, ctx.tenant.id, match.requestId));
  const expert = match && (await repo.findExpert(ctx.db, ctx.tenant.id, match.expertId));
  if (!match || !request || !expert) throw notFound();
  const access: MatchAccess = { tenantId: match.tenantId, associationId: request.associationId, expertUserId: expert.userId, status: match.status };
  if (!can(ctx.actor, canSeeMatch, access)) {
    if (!isPerson(ctx.actor)) throw unauthenticated();
    throw notFound();
  }
  return { match, request, expert, access };
}

const sideOf = (ctx: ServiceContext, access: MatchAccess): "expert" | "board" | null => {
  if (!isPerson(ctx.actor)) return null;
  if (ctx.actor.userId === access.expertUserId) return "expert";
  return ctx.actor.memberships.get(access.associationId) === "admin" ? "board" : null;
};

export async function matchPage(ctx: ServiceContext, id: string): Promise<MatchPage> {
  const { match, request, expert, access } = await loadMatch(ctx, id);
  const [names, hours] = await Promise.all([associationNames(ctx, [request.associationId]), repo.hoursOfMatches(ctx.db, ctx.tenant.id, [match.id])]);
  const side = sideOf(ctx, access);
  const rated = side === "expert" ? match.expertRating !== null : side === "board" ? match.boardRating !== null : true;
  return {
    match,
    request,
    association: names.get(request.associationId) ?? "",
    expert,
    hours,
    totalMinutes: hours.reduce((sum, h) => sum + h.minutes, 0),
    side,
    mayAnswer: can(ctx.actor, canAnswerMatch, access),
    mayLogHours: can(ctx.actor, canLogHours, access),
    mayRate: can(ctx.actor, canRateMatch, access) && !rated,
    showContact: can(ctx.actor, canSeeExpertContact, access),
  };
}

/** The expert accepts (the board then gets their contact details) or declines (the request is open to others again). */
export async function answer(ctx: ServiceContext, id: string, choice: "accept" | "decline"): Promise<ExpertMatch> {
  const { match, request, expert, access } = await loadMatch(ctx, id);
  authorize(ctx.actor, canAnswerMatch, access);
  return inTransaction(ctx, async (tx) => {
    const now = isoNow(tx.clock);
    const answered: ExpertMatch = { ...match, status: choice === "accept" ? "accepted" : "declined", answeredAt: now };
    await repo.saveMatch(tx.db, answered);
    if (choice === "accept") {
      await repo.setRequestStatus(tx.db, tx.tenant.id, request.id, "matched", now);
      const names = await associationNames(tx, [request.associationId]);
      await mailAccepted(tx, await adminAddresses(tx, request.associationId), expert, answered, names.get(request.associationId) ?? "");
    } else {
      const others = await repo.matchesOfRequests(tx.db, tx.tenant.id, [request.id]);
      const stillAsked = others.some((m) => m.id !== match.id && m.status === "proposed");
      await repo.setRequestStatus(tx.db, tx.tenant.id, request.id, stillAsked ? "proposed" : "open", now);
    }
    if (choice === "accept") await audit(tx, "expert_match.accepted", { type: "expert_match", id: match.id });
    else await audit(tx, "expert_match.declined", { type: "expert_match", id: match.id });
    return answered;
  });
}

/** Either side logs hours given on a day: more than nothing, and not more than 24 hours on one day in all. */
export async function logHours(ctx: ServiceContext, id: string, input: HoursInput): Promise<HoursEntry> {
  const { match, access } = await loadMatch(ctx, id);
  authorize(ctx.actor, canLogHours, access);
  const me = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    const before = await repo.minutesOnDay(tx.db, tx.tenant.id, match.id, input.onDate);
    if (before + input.minutes > 24 * 60) throw invalidField("hours", "experts.hours.dayFull");
    const entry: HoursEntry = {
      id: newId(),
      tenantId: tx.tenant.id,
      matchId: match.id,
      onDate: input.onDate,
      minutes: input.minutes,
      what: input.what,
      loggedBy: me.userId,
      createdAt: isoNow(tx.clock),
    };
    await repo.insertHours(tx.db, entry);
    await audit(tx, "expert_match.hours_logged", { type: "expert_match", id: match.id }, { minutes: input.minutes });
    return entry;
  });
}

/**
 * One side rates the help (1–5 and a sentence). The first rating closes the match and the request; the other
 * side rates it afterwards. Each side rates once.
 */
export async function rate(ctx: ServiceContext, id: string, input: RateInput): Promise<ExpertMatch> {
  const { match, request, access } = await loadMatch(ctx, id);
  authorize(ctx.actor, canRateMatch, access);
  const me = ctx.actor;
  const side = sideOf(ctx, access);
  if ((side === "expert" && match.expertRating !== null) || (side === "board" && match.boardRating !== null))
    throw conflict("answered", "experts.rate.already", { rating: "experts.rate.already" });
  return inTransaction(ctx, async (tx) => {
    const now = isoNow(tx.clock);
    const closing = match.status === "accepted";
    const rated: ExpertMatch = {
      ...match,
      status: "closed",
      closedAt: match.closedAt ?? now,
      closedBy: closing ? me.userId : match.closedBy,
      ...(side === "expert"
        ? { expertRating: input.rating, expertComment: input.comment }
        : { boardRating: input.rating, boardComment: input.comment, boardRatedBy: me.userId }),
    };
    await repo.saveMatch(tx.db, rated);
    if (closing) await repo.setRequestStatus(tx.db, tx.tenant.id, request.id, "closed", now);
    await audit(tx, "expert_match.rated", { type: "expert_match", id: match.id }, { side: side ?? "", closed: closing });
    return rated;
  });
}

// ——— Figures for staff

export async function hoursFigures(ctx: ServiceContext): Promise<HoursFigures> {
  authorize(ctx.actor, canMatchExperts, here(ctx));
  const rows = await repo.minutesByExpertAndSkill(ctx.db, ctx.tenant.id);
  const experts = new Map(
    (
      await repo.expertsByIds(
        ctx.db,
        ctx.tenant.id,
        rows.map((r) => r.expertId),
      )
    ).map((e) => [e.id, e]),
  );
  const byExpert = new Map<string, { expert: Expert; minutes: number; bySkill: Partial<Record<Skill, number>> }>();
  const bySkill = new Map<Skill, number>();
  for (const r of rows) {
    const expert = experts.get(r.expertId);
    if (!expert) continue;
    const entry = byExpert.get(expert.id) ?? { expert, minutes: 0, bySkill: {} };
    entry.minutes += r.minutes;
    entry.bySkill[r.skill] = (entry.bySkill[r.skill] ?? 0) + r.minutes;
    byExpert.set(expert.id, entry);
    bySkill.set(r.skill, (bySkill.get(r.skill) ?? 0) + r.minutes);
  }
  return {
    byExpert: [...byExpert.values()].sort((a, b) => b.minutes - a.minutes || a.expert.name.localeCompare(b.expert.name, "da")),
    bySkill: SKILLS.filter((s) => bySkill.has(s)).map((skill) => ({ skill, minutes: bySkill.get(skill) ?? 0 })),
    totalMinutes: rows.reduce((sum, r) => sum + r.minutes, 0),
  };
}

/** What waits: requests no expert has been asked about yet (staff); requests put to the expert (the expert). */
export async function waitingCounts(ctx: ServiceContext): Promise<{ open: number | null; proposedToMe: number | null }> {
  if (!isPerson(ctx.actor)) return { open: null, proposedToMe: null };
  const open = can(ctx.actor, canMatchExperts, here(ctx)) ? await repo.countRequests(ctx.db, ctx.tenant.id, "open") : null;
  const profile = await repo.profileOfUser(ctx.db, ctx.tenant.id, ctx.actor.userId);
  const proposedToMe = profile ? await repo.countProposedTo(ctx.db, ctx.tenant.id, profile.id) : null;
  return { open, proposedToMe };
}
