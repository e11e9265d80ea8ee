import { logAccess } from "../../platform/audit/access.js";
import { audit } from "../../platform/audit/audit.js";
import { findUserByEmail, findUserById } from "../../platform/auth/auth.service.js";
import { consumeToken, issueToken, peekToken } from "../../platform/auth/email-tokens.js";
import { authorize, can, isPerson } from "../../platform/auth/policy.js";
import { DAY_MS, isoIn, isoNow } from "../../platform/clock.js";
import { dataKeyring } from "../../platform/crypto/data-key.js";
import type { SealedField } from "../../platform/crypto/reseal.js";
import { AppError, invalidField, notFound, unauthenticated } from "../../platform/http/errors.js";
import { formats } from "../../platform/i18n/format.js";
import { newId } from "../../platform/ids.js";
import { sendMail } from "../../platform/mail/send.js";
import type { PersonalDataSource } from "../../platform/privacy/data-subject.js";
import { queryTerm } from "../../platform/search/analyzer.js";
import { findPostcode } from "../../platform/search/postcodes.js";
import { keyOf, liveDocuments, loadDocuments, tenantIndex, viewOf } from "../../platform/search/search-index.js";
import { textSearch } from "../../platform/search/text-query.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { terms } from "../taxonomy/index.js";
import { latitudeBand, rank } from "./matching.js";
import { type CitizenMatches, type Consent, isLive, type Match, type Profile, type VolunteerProfile } from "./matching.model.js";
import { canMatchForOthers, canWithdrawConsent } from "./matching.policy.js";
import * as repo from "./matching.repository.js";
import type { ProfileInput } from "./matching.schema.js";

const FOR_YOU = 20;
/** What a text says of a person's skills when it says nothing: one list for every such document. */
const NO_SKILLS: string[] = [];
/** A consent the citizen confirmed lasts a year. */
const CONSENT_DAYS = 365;
/** A consent only staff have recorded lasts this long unless the citizen confirms it. */
const UNCONFIRMED_DAYS = 30;

const ring = (ctx: ServiceContext) => dataKeyring(ctx.config);

export async function profileOf(ctx: ServiceContext, userId: string) {
  return repo.findProfile(ctx.db, ring(ctx), ctx.tenant.id, userId);
}

export async function myProfile(ctx: ServiceContext) {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  return profileOf(ctx, ctx.actor.userId);
}

/** Saves the signed-in person's profile; an interest the tenant does not have or an unknown postcode changes nothing. */
export async function saveMyProfile(ctx: ServiceContext, input: ProfileInput) {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  const categories = new Set((await terms(ctx.db, ctx.tenant, "category", ctx.lang)).map((c) => c.code));
  if (input.interests.some((i) => !categories.has(i))) throw invalidField("interests", "validation.invalid");
  if (input.postcode && !(await findPostcode(ctx.db, ctx.tenant.country, input.postcode))) throw invalidField("postcode", "search.near.unknown");
  await repo.saveProfile(ctx.db, ring(ctx), ctx.tenant.id, {
    userId: ctx.actor.userId,
    interests: input.interests,
    skills: input.skills,
    slots: input.slots,
    postcode: input.postcode,
    maxKm: input.maxKm ?? null,
    languages: input.languages,
    needs: input.needs,
    setting: input.setting,
    rhythm: input.rhythm,
    updatedAt: isoNow(ctx.clock),
  });
}

async function toMatchable(ctx: ServiceContext, p: VolunteerProfile): Promise<Profile> {
  const place = p.postcode ? await findPostcode(ctx.db, ctx.tenant.country, p.postcode) : null;
  return { ...p, origin: place };
}

/** Everything findable, ranked for one profile, each with why it fits and what does not. */
export async function matchesFor(ctx: ServiceContext, stored: VolunteerProfile, limit = FOR_YOU): Promise<Match[]> {
  const profile = await toMatchable(ctx, stored);
  const index = await tenantIndex(ctx.db, ctx.tenant.id, ctx.tenant.defaultLanguage, ctx.tenant.searchChanges);
  const labels = new Map((await terms(ctx.db, ctx.tenant, "category", ctx.lang)).map((c) => [c.code, c.label]));
  // The skills a person names, found in each text the way search finds them (stems, small typos).
  const words = profile.skills.split(/[\s,;.]+/).filter((w) => w.length >= 4);
  const byTerm = new Map(words.map((w) => [queryTerm(w, ctx.tenant.defaultLanguage), w]));
  // By document number: ranking reads each document in place, without building its key.
  const skillHits = new Map<number, string[]>();
  const view = viewOf(index);
  if (words.length > 0) {
    const found = textSearch(view, words.join(" "), {
      combineWith: "OR",
      processTerm: (word) => queryTerm(word, ctx.tenant.defaultLanguage),
      prefix: () => true,
      fuzzy: (t) => (t.length >= 6 ? 1 : false),
    });
    for (const handle of found.results.handles) {
      skillHits.set(handle, [...new Set(found.termsOf(handle).map((q) => byTerm.get(q) ?? q))]);
    }
  }
  // Ranking reads only what every document carries in memory, and only of those near enough to count; the texts are read for the few shown.
  const ranked = rank(profile, liveDocuments(view, latitudeBand(profile)), {
    today: isoNow(ctx.clock).slice(0, 10),
    limit,
    skillsFor: skillHits.size > 0 ? (doc) => skillHits.get(doc.handle) ?? NO_SKILLS : () => NO_SKILLS,
    categoryLabel: (code) => labels.get(code) ?? code,
    keep: (doc) => doc.copy(),
  });
  const docs = await loadDocuments(
    index,
    ranked.map((m) => keyOf(m.doc)),
  );
  return ranked.flatMap((m) => {
    const doc = docs.get(keyOf(m.doc));
    return doc ? [{ ...m, doc }] : [];
  });
}

export async function myMatches(ctx: ServiceContext) {
  const profile = await myProfile(ctx);
  return profile ? matchesFor(ctx, profile) : null;
}

export function assertMayMatchForOthers(ctx: ServiceContext) {
  authorize(ctx.actor, canMatchForOthers, { tenantId: ctx.tenant.id });
}

/**
 * Staff record that the citizen agreed, and may see the citizen's matches for a short while; the
 * citizen is mailed a link to confirm it (then it lasts a year) or to say no.
 */
export async function recordConsent(ctx: ServiceContext, input: { email: string; note: string }) {
  authorize(ctx.actor, canMatchForOthers, { tenantId: ctx.tenant.id });
  const staff = ctx.actor;
  const citizen = await findUserByEmail(ctx.db, ctx.tenant.id, input.email);
  if (!citizen) throw invalidField("email", "matching.citizen.unknown");
  const id = newId();
  const expiresAt = isoIn(ctx.clock, UNCONFIRMED_DAYS * DAY_MS);
  await inTransaction(ctx, async (tx) => {
    await repo.insertConsent(tx.db, ring(ctx), ctx.tenant.id, {
      id,
      citizenId: citizen.id,
      staffId: staff.userId,
      note: input.note,
      givenAt: isoNow(ctx.clock),
      expiresAt,
    });
    const token = await issueToken(tx.db, ctx.clock, {
      tenantId: ctx.tenant.id,
      purpose: "consent",
      email: citizen.email,
      userId: citizen.id,
      data: { consentId: id },
    });
    await sendMail(tx.db, ctx.clock, {
      tenant: ctx.tenant,
      to: citizen.email,
      compose: (t, lang) => ({
        subject: t("mail.consent.subject", { tenant: ctx.tenant.name }),
        paragraphs: [t("mail.consent.body", { tenant: ctx.tenant.name, date: formats(lang, ctx.tenant.timeZone).date(expiresAt) }), t("mail.notYou")],
        action: { label: t("mail.consent.action"), url: `${ctx.baseUrl}/matching/consent?token=${encodeURIComponent(token)}` },
      }),
    });
    await audit(tx, "matching.consent_recorded", { type: "user", id: citizen.id });
  });
  return citizen.id;
}

/** The consent a citizen's mailed link is about, while the link and the consent last. */
export async function consentByLink(ctx: ServiceContext, token: string) {
  const found = await peekToken(ctx.db, ctx.clock, ctx.tenant.id, "consent", token);
  const consent = found?.data.consentId ? await repo.findConsent(ctx.db, ring(ctx), ctx.tenant.id, found.data.consentId) : undefined;
  if (!consent || !isLive(consent, isoNow(ctx.clock))) return null;
  return consent;
}

async function answer(ctx: ServiceContext, consent: Consent, confirmed: boolean) {
  const now = isoNow(ctx.clock);
  await inTransaction(ctx, async (tx) => {
    const changed = await repo.answerConsent(
      tx.db,
      ctx.tenant.id,
      consent.id,
      now,
      confirmed ? { confirmed: true, expiresAt: isoIn(ctx.clock, CONSENT_DAYS * DAY_MS) } : { confirmed: false },
    );
    if (!changed) throw new AppError(400, "invalid_link", "error.linkInvalid");
    // The citizen answers, signed in or through the link mailed to them.
    await audit(tx, confirmed ? "matching.consent_confirmed" : "matching.consent_withdrawn", { type: "user", id: consent.citizenId }, undefined, {
      actorId: consent.citizenId,
    });
  });
}

/** The citizen confirms, or says no, through the link mailed to them; the link works once. */
export async function answerByLink(ctx: ServiceContext, token: string, confirmed: boolean) {
  const consent = await consentByLink(ctx, token);
  if (!consent || !(await consumeToken(ctx.db, ctx.clock, ctx.tenant.id, "consent", token))) throw new AppError(400, "invalid_link", "error.linkInvalid");
  await answer(ctx, consent, confirmed);
}

/** Consents that let staff see the signed-in citizen's matches now. */
export async function myConsents(ctx: ServiceContext) {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  return repo.liveConsents(ctx.db, ring(ctx), ctx.tenant.id, ctx.actor.userId, isoNow(ctx.clock));
}

/** The signed-in citizen withdraws a consent, as easily as it was given. */
export async function withdrawMine(ctx: ServiceContext, consentId: string) {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  const consent = await repo.findConsent(ctx.db, ring(ctx), ctx.tenant.id, consentId);
  if (!consent || !isLive(consent, isoNow(ctx.clock)) || !can(ctx.actor, canWithdrawConsent, { tenantId: ctx.tenant.id, citizenId: consent.citizenId }))
    throw notFound();
  await answer(ctx, consent, false);
}

/** A citizen's matches as staff see them; only while a consent lasts. Every look is in the access log. */
export async function matchesForCitizen(ctx: ServiceContext, citizenId: string): Promise<CitizenMatches> {
  authorize(ctx.actor, canMatchForOthers, { tenantId: ctx.tenant.id });
  const [consent] = await repo.liveConsents(ctx.db, ring(ctx), ctx.tenant.id, citizenId, isoNow(ctx.clock));
  if (!consent) throw new AppError(403, "consent_required", "matching.consent.missing");
  const profile = await profileOf(ctx, citizenId);
  const citizen = await findUserById(ctx.db, ctx.tenant.id, citizenId);
  if (!citizen) throw notFound();
  await logAccess(ctx, "matching.viewed", "user", [citizenId]);
  return { citizen: { name: citizen.name, email: citizen.email }, consent, matches: profile ? await matchesFor(ctx, profile) : null };
}

export const sealedFields: SealedField[] = [
  { table: "volunteer_profiles", column: "needs", key: ["tenant_id", "user_id"] },
  { table: "matching_consents", column: "note", key: ["id"] },
];

export const personalData: PersonalDataSource = {
  columns: ["volunteer_profiles.user_id", "matching_consents.citizen_id", "matching_consents.staff_id"],
  async read(db, keys, subject) {
    if (!subject.userId) return {};
    const [profile, consents] = await Promise.all([
      repo.findProfile(db, keys, subject.tenantId, subject.userId),
      repo.consentsOf(db, keys, subject.tenantId, subject.userId),
    ]);
    const { userId: _, ...volunteerProfile } = profile ?? { userId: null };
    return {
      volunteer_profile: profile ? volunteerProfile : null,
      matching_consents: consents.map(({ note, givenAt, confirmedAt, withdrawnAt, expiresAt }) => ({
        note,
        recorded_at: givenAt,
        confirmed_at: confirmedAt,
        withdrawn_at: withdrawnAt,
        ends_at: expiresAt,
      })),
    };
  },
  async erase(trx, subject) {
    if (subject.userId) await repo.forgetPerson(trx, subject.tenantId, subject.userId);
  },
};
