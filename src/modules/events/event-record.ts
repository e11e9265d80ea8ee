import { authorize, can } from "../../platform/auth/policy.js";
import { type FieldErrors, invalid, notFound } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { countryProfile } from "../../platform/tenants/countries.js";
import { actFor } from "../associations/index.js";
import { findMemberGroup } from "../members/index.js";
import { premisePlaces } from "../premises/index.js";
import { terms } from "../taxonomy/index.js";
import type { CommunityEvent, EventSession } from "./events.model.js";
import { canManageEvent, canRunCentreEvents } from "./events.policy.js";
import { type EventInput, toInstants } from "./events.schema.js";

/** What an event's form decides: everything but its id, status and history. */
export type EventContent = Omit<
  CommunityEvent,
  "id" | "tenantId" | "status" | "reviewNote" | "createdAt" | "updatedAt" | "cancelledAt" | "associationName" | "sessions"
> & { sessions: Omit<EventSession, "eventId">[] };

/**
 * Who organises: the centre or the municipality (staff), or an association (its admins, or staff helping).
 * A 403 or 404 when the person may not organise for it.
 */
export async function organiserOf(ctx: ServiceContext, organiser: string): Promise<Pick<CommunityEvent, "organiser" | "associationId">> {
  if (organiser === "centre" || organiser === "municipality") {
    authorize(ctx.actor, canRunCentreEvents, { tenantId: ctx.tenant.id });
    return { organiser, associationId: null };
  }
  const { association } = await actFor(ctx, canManageEvent, organiser, "organiser");
  return { organiser: "association", associationId: association.id };
}

/**
 * The event the form describes, checked against the tenant's lists, its premises and the clock. `before`
 * is the stored event when it is changed: its sessions keep their ids, and a session already held may stay
 * in the past.
 */
export async function eventContent(ctx: ServiceContext, input: EventInput, before: CommunityEvent | null): Promise<EventContent> {
  const errors: FieldErrors = {};
  const [categories, groups, places] = await Promise.all([
    terms(ctx.db, ctx.tenant, "category", ctx.lang),
    terms(ctx.db, ctx.tenant, "target_group", ctx.lang),
    input.place === "premise" ? premisePlaces(ctx) : Promise.resolve([]),
  ]);
  if (input.categoryId && !categories.some((c) => c.id === input.categoryId)) errors.categoryId = "validation.invalid";
  if (input.targetGroups.some((g) => !groups.some((x) => x.code === g))) errors.targetGroups = "validation.invalid";
  const premise = input.place === "premise" ? places.find((p) => p.id === input.premiseId) : undefined;
  if (input.place === "premise" && !premise) errors.premiseId = "eventForm.premise.required";
  const memberGroupId = await memberGroupOf(ctx, input, before, errors);

  const zone = ctx.tenant.timeZone;
  const times = toInstants(input, zone);
  const now = ctx.clock.now().toISOString();
  const kept = new Map((before?.sessions ?? []).map((s) => [s.id, s]));
  const sessions = times.sessions.map((s) => {
    const old = s.id ? kept.get(s.id) : undefined;
    // A session held already may stay as it was (a course half-way through); a new or moved one may not be in the past.
    const unchanged = old && old.startsAt === s.startsAt && old.endsAt === s.endsAt;
    if (!unchanged && s.startsAt < now) errors[`sessionDate-${s.row}`] ??= "eventForm.date.past";
    return { id: old ? old.id : newId(), startsAt: s.startsAt, endsAt: s.endsAt };
  });
  const first = sessions[0];
  if (times.closesAt && first && times.closesAt > first.startsAt) errors.closesDate = "eventForm.closes.afterStart";
  if (times.opensAt && times.closesAt && times.opensAt >= times.closesAt) errors.opensDate = "eventForm.opens.afterCloses";
  if (Object.keys(errors).length > 0) throw invalid(errors);

  const keptQuestions = new Set((before?.questions ?? []).map((q) => q.id));
  return {
    kind: input.kind,
    organiser: before?.organiser ?? "centre",
    associationId: before?.associationId ?? null,
    title: input.title,
    description: input.description,
    categoryId: input.categoryId,
    targetGroups: input.targetGroups,
    languages: input.languages,
    accessibility: input.accessibility,
    place: input.place,
    premiseId: premise?.id ?? null,
    placeName: premise ? premise.name : input.place === "address" ? input.placeName : null,
    address: premise ? premise.address : input.place === "address" ? input.address : null,
    postcode: premise ? premise.postcode : input.place === "address" ? input.postcode : null,
    onlineUrl: input.place === "online" ? input.onlineUrl : null,
    price: input.price,
    priceMinor: input.price === "cost" ? input.amount : null,
    currency: before?.currency ?? countryProfile(ctx.tenant.country).currency,
    capacity: input.capacity,
    maxPerRegistration: input.maxPerRegistration,
    registrationOpensAt: times.opensAt,
    registrationClosesAt: times.closesAt,
    questions: input.questions.map((q) => ({ id: q.id && keptQuestions.has(q.id) ? q.id : newId(), label: q.label, sensitive: q.sensitive })),
    contactEmail: input.contactEmail,
    memberGroupId,
    startsAt: first?.startsAt ?? now,
    endsAt: sessions.reduce((end, s) => (s.endsAt > end ? s.endsAt : end), first?.endsAt ?? now),
    sessions,
  };
}

/**
 * Who the event is for: staff choose everyone ("") or one of the tenant's member groups; a group the tenant
 * does not have is the field's error. Anyone else (and a form without the field) keeps what it was.
 */
async function memberGroupOf(ctx: ServiceContext, input: EventInput, before: CommunityEvent | null, errors: FieldErrors): Promise<string | null> {
  const kept = before?.memberGroupId ?? null;
  if (input.memberGroupId === undefined) return kept;
  if (!can(ctx.actor, canRunCentreEvents, { tenantId: ctx.tenant.id })) {
    if ((input.memberGroupId || null) !== kept) errors.memberGroupId = "eventForm.memberGroup.staffOnly";
    return kept;
  }
  if (!input.memberGroupId) return null;
  if (!(await findMemberGroup(ctx, input.memberGroupId))) errors.memberGroupId = "eventForm.memberGroup.unknown";
  return input.memberGroupId;
}

/** The event for one who may manage it; 404 for another tenant's or a missing one, 403 for another association's. */
export function mayManage(ctx: ServiceContext, e: CommunityEvent | undefined): CommunityEvent {
  if (!e) throw notFound();
  authorize(ctx.actor, canManageEvent, { tenantId: e.tenantId, associationId: e.associationId });
  return e;
}
