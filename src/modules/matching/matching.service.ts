import { listOf } from "../../db/lists.js";
import { audit } from "../../platform/audit/audit.js";
import { findUserByEmail } from "../../platform/auth/auth.service.js";
import { authorize, isPerson } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { AppError, unauthenticated } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { queryTerm } from "../../platform/search/analyzer.js";
import { findPostcode } from "../../platform/search/postcodes.js";
import { keyOf, tenantIndex } from "../../platform/search/search-index.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { terms } from "../taxonomy/index.js";
import { type Match, type Profile, rank } from "./matching.js";
import { canMatchForOthers } from "./matching.policy.js";
import * as repo from "./matching.repository.js";
import type { ProfileInput } from "./matching.schema.js";

const FOR_YOU = 20;
/** A citizen's consent to being matched by staff lasts a year. */
const CONSENT_DAYS = 365;

export async function profileOf(ctx: ServiceContext, userId: string) {
  return repo.findProfile(ctx.db, ctx.tenant.id, userId);
}

export async function myProfile(ctx: ServiceContext) {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  return profileOf(ctx, ctx.actor.userId);
}

/** Saves the signed-in person's profile; an interest the tenant does not have or an unknown postcode changes nothing. */
export async function saveMyProfile(ctx: ServiceContext, input: ProfileInput) {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  const categories = new Set((await terms(ctx.db, ctx.tenant.id, "category", ctx.lang)).map((c) => c.code));
  if (input.interests.some((i) => !categories.has(i))) throw new AppError(422, "invalid", "validation.invalid", { interests: "validation.invalid" });
  if (input.postcode && !(await findPostcode(ctx.db, ctx.tenant.country, input.postcode)))
    throw new AppError(422, "invalid", "search.near.unknown", { postcode: "search.near.unknown" });
  await repo.saveProfile(ctx.db, {
    tenant_id: ctx.tenant.id,
    user_id: ctx.actor.userId,
    interests: input.interests.join(","),
    skills: input.skills,
    time_slots: input.slots.join(","),
    postcode: input.postcode,
    max_km: input.maxKm ?? null,
    languages: input.languages.join(","),
    needs: input.needs.join(","),
    setting: input.setting,
    rhythm: input.rhythm,
    updated_at: isoNow(ctx.clock),
  });
}

async function toProfile(ctx: ServiceContext, row: repo.ProfileRow): Promise<Profile> {
  const place = row.postcode ? await findPostcode(ctx.db, ctx.tenant.country, row.postcode) : null;
  return {
    interests: listOf(row.interests),
    skills: row.skills,
    slots: listOf(row.time_slots),
    origin: place,
    maxKm: row.max_km,
    languages: listOf(row.languages),
    needs: listOf(row.needs) as Profile["needs"],
    setting: row.setting,
    rhythm: row.rhythm,
  };
}

/** Everything findable, ranked for one profile, each with why it fits and what does not. */
export async function matchesFor(ctx: ServiceContext, row: repo.ProfileRow, limit = FOR_YOU): Promise<Match[]> {
  const profile = await toProfile(ctx, row);
  const index = await tenantIndex(ctx.db, ctx.tenant.id, ctx.tenant.defaultLanguage);
  const labels = new Map((await terms(ctx.db, ctx.tenant.id, "category", ctx.lang)).map((c) => [c.code, c.label]));
  // The skills a person names, found in each text the way search finds them (stems, small typos).
  const words = profile.skills.split(/[\s,;.]+/).filter((w) => w.length >= 4);
  const byTerm = new Map(words.map((w) => [queryTerm(w, ctx.tenant.defaultLanguage), w]));
  const skillHits = new Map<string, string[]>();
  if (words.length > 0) {
    for (const hit of index.mini.search(words.join(" "), { combineWith: "OR", prefix: true, fuzzy: (t) => (t.length >= 6 ? 1 : false) })) {
      skillHits.set(String(hit.id), [...new Set(hit.queryTerms.map((q) => byTerm.get(q) ?? q))]);
    }
  }
  return rank(profile, index.docs.values(), {
    today: isoNow(ctx.clock).slice(0, 10),
    limit,
    skillsFor: (doc) => skillHits.get(keyOf(doc)) ?? [],
    categoryLabel: (code) => labels.get(code) ?? code,
  });
}

export async function myMatches(ctx: ServiceContext) {
  const row = await myProfile(ctx);
  return row ? matchesFor(ctx, row) : null;
}

export function assertMayMatchForOthers(ctx: ServiceContext) {
  authorize(ctx.actor, canMatchForOthers, { tenantId: ctx.tenant.id });
}

/** Staff record that the citizen agreed, then see the citizen's matches. */
export async function recordConsent(ctx: ServiceContext, input: { email: string; note: string }) {
  authorize(ctx.actor, canMatchForOthers, { tenantId: ctx.tenant.id });
  const staff = ctx.actor;
  const citizen = await findUserByEmail(ctx.db, ctx.tenant.id, input.email);
  if (!citizen) throw new AppError(422, "invalid", "matching.citizen.unknown", { email: "matching.citizen.unknown" });
  const now = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("matching_consents")
      .values({ id: newId(), tenant_id: ctx.tenant.id, citizen_id: citizen.id, staff_id: staff.userId, note: input.note, given_at: now })
      .execute();
    await audit(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId: staff.userId,
      action: "matching.consent_recorded",
      entityType: "user",
      entityId: citizen.id,
      ip: ctx.ip,
    });
  });
  return citizen.id;
}

/** A citizen's matches as staff see them; without a consent from the last year, nothing. */
export async function matchesForCitizen(ctx: ServiceContext, citizenId: string) {
  authorize(ctx.actor, canMatchForOthers, { tenantId: ctx.tenant.id });
  const consent = await repo.latestConsent(ctx.db, ctx.tenant.id, citizenId);
  const oldest = new Date(ctx.clock.now().getTime() - CONSENT_DAYS * 24 * 3600_000).toISOString();
  if (!consent || consent.given_at < oldest) throw new AppError(403, "consent_required", "matching.consent.missing");
  const row = await profileOf(ctx, citizenId);
  const citizen = await ctx.db
    .selectFrom("users")
    .select(["name", "email"])
    .where("tenant_id", "=", ctx.tenant.id)
    .where("id", "=", citizenId)
    .executeTakeFirst();
  if (!citizen) throw new AppError(404, "not_found", "error.notFound.text");
  await audit(ctx.db, ctx.clock, {
    tenantId: ctx.tenant.id,
    actorId: isPerson(ctx.actor) ? ctx.actor.userId : null,
    action: "matching.viewed_for_citizen",
    entityType: "user",
    entityId: citizenId,
    ip: ctx.ip,
  });
  return { citizen, consent, matches: row ? await matchesFor(ctx, row) : null };
}

export async function personalData(db: ServiceContext["db"], tenantId: string, userId: string) {
  const profile = await repo.findProfile(db, tenantId, userId);
  const consents = await db
    .selectFrom("matching_consents")
    .select(["note", "given_at"])
    .where("tenant_id", "=", tenantId)
    .where("citizen_id", "=", userId)
    .execute();
  return { volunteer_profile: profile ?? null, matching_consents: consents };
}
