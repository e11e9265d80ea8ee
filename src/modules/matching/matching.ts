import { distanceKmTo, latitudeDegrees, latitudeGapKm } from "../../platform/search/postcodes.js";
import { type DocMeta, dayMs, type LatitudeBand, MetaCursor } from "../../platform/search/segment.js";
import { Top } from "../../platform/search/top.js";
import type { Match, Profile, Reason } from "./matching.model.js";

const DEFAULT_MAX_KM = 10;
const NONE: string[] = [];

/** Where a part of the assessment writes its reasons; none when only the score is wanted. */
type Reasons = { fits: Reason[]; misfits: Reason[] } | null;

// Each part scores one aspect of a document and says why. Ranking many adds up the parts' scores,
// reusing those of the facets and times that many documents share; the few shown get their reasons.

function interest(profile: Profile, facets: DocMeta["facets"], categoryLabel: (code: string) => string, out: Reasons): number {
  const categories = facets.category ?? NONE;
  if (!categories.some((c) => profile.interests.includes(c))) return 0;
  out?.fits.push({
    code: "interest",
    detail: categories
      .filter((c) => profile.interests.includes(c))
      .map(categoryLabel)
      .join(", "),
  });
  return 40;
}

function time(profile: Profile, slots: string[] | undefined, out: Reasons): number {
  if (!slots || slots.length === 0) {
    out?.fits.push({ code: "anytime" });
    return 10;
  }
  if (profile.slots.length === 0) return 0;
  if (slots.some((s) => profile.slots.includes(s))) {
    out?.fits.push({ code: "time", items: slots.filter((s) => profile.slots.includes(s)) });
    return 20;
  }
  out?.misfits.push({ code: "time", items: slots });
  return -15;
}

function rhythm(profile: Profile, facets: DocMeta["facets"], out: Reasons): number {
  const commitment = (facets.commitment ?? NONE)[0];
  if (profile.rhythm === "any" || !commitment) return 0;
  if (commitment === (profile.rhythm === "regular" ? "weekly" : "one_off")) {
    out?.fits.push({ code: "rhythm", detail: commitment });
    return 10;
  }
  if (commitment === "flexible") return 5;
  out?.misfits.push({ code: "rhythm", detail: commitment });
  return -10;
}

function setting(profile: Profile, value: DocMeta["setting"], out: Reasons): number {
  if (profile.setting === "any" || !value || value === "any") return 0;
  if (value === profile.setting) {
    out?.fits.push({ code: "setting", detail: value });
    return 5;
  }
  out?.misfits.push({ code: "setting", detail: value });
  return -5;
}

function needs(profile: Profile, facets: DocMeta["facets"], remote: boolean, out: Reasons): number {
  let score = 0;
  if (profile.needs.includes("no_local_language")) {
    const spoken = (facets.language ?? NONE).filter((l) => profile.languages.includes(l));
    if ((facets.suits ?? NONE).includes("no_local_language") || spoken.length > 0) {
      score += 10;
      out?.fits.push({ code: "language", items: spoken });
    } else {
      score -= 20;
      out?.misfits.push({ code: "language" });
    }
  }
  if (profile.needs.includes("step_free")) {
    if (remote || (facets.accessibility ?? NONE).includes("step_free")) {
      score += 10;
      out?.fits.push({ code: "step_free" });
    } else {
      score -= 25;
      out?.misfits.push({ code: "step_free" });
    }
  }
  if (profile.needs.includes("companion")) {
    // A place that gives a supported welcome, or suits people with disabilities, has room for someone who comes along.
    if ((facets.suits ?? NONE).includes("disabilities") || (facets.accessibility ?? NONE).includes("supported_welcome")) {
      score += 5;
      out?.fits.push({ code: "companion" });
    } else out?.misfits.push({ code: "companion" });
  }
  return score;
}

function skills(words: string[], out: Reasons): number {
  if (words.length === 0) return 0;
  out?.fits.push({ code: "skills", detail: words.join(", ") });
  return Math.min(15, 5 * words.length);
}

/** The most points being near gives (at the person's own door); being remote gives less. */
const NEAR_POINTS = 20;

/** Where place() puts the points for being near or remote, and how far away it is. */
interface Near {
  score: number;
  distance: number | null;
}

/** How far away, and the points for being near or remote, into `near`; false when it is farther than the person will travel. */
function place(profile: Profile, doc: DocMeta, out: Reasons, near: Near): boolean {
  const maxKm = profile.maxKm ?? DEFAULT_MAX_KM;
  const remote = doc.remote;
  const lat = doc.lat;
  const lon = doc.lon;
  const origin = profile.origin;
  // Most of a national list is ruled out by latitude alone; the margin keeps a place exactly at the limit in.
  if (!remote && origin && lat !== null && lon !== null && latitudeGapKm(origin.lat, lat) > maxKm + 1e-6) return false;
  const distance = origin && lat !== null && lon !== null ? distanceKmTo(origin, lat, lon) : null;
  if (!remote && distance !== null && distance > maxKm) return false;
  near.distance = distance;
  if (remote) {
    out?.fits.push({ code: "remote" });
    near.score = 15;
  } else if (distance === null) near.score = 0;
  else {
    out?.fits.push({ code: "near", detail: distance.toFixed(1) });
    near.score = NEAR_POINTS * (1 - distance / maxKm);
  }
  return true;
}

/**
 * The latitudes outside which place() rules out every placed document that is not remote, a metre wider
 * so that rounding never leaves out one it lets in; null when it rules out none by distance.
 */
export function latitudeBand(profile: Profile): LatitudeBand | null {
  if (!profile.origin) return null;
  const degrees = latitudeDegrees((profile.maxKm ?? DEFAULT_MAX_KM) + 0.001);
  const band = { min: profile.origin.lat - degrees, max: profile.origin.lat + degrees };
  return Number.isFinite(band.min) && Number.isFinite(band.max) ? band : null;
}

const matchOf = <D>(doc: D, score: number, distance: number | null, out: Reasons): Match<D> => ({
  doc,
  score: Math.round(score * 100) / 100,
  distanceKm: distance === null ? null : Math.round(distance * 10) / 10,
  fits: out?.fits ?? [],
  misfits: out?.misfits ?? [],
});

/**
 * How well one thing fits one person, as points with the reasons behind them. Anything farther than
 * the person will travel is left out; everything else is ranked, with what does not fit said plainly.
 */
export function assess<D extends DocMeta>(profile: Profile, doc: D, skillWords: string[], categoryLabel: (code: string) => string): Match<D> | null {
  const out = { fits: [], misfits: [] };
  const near: Near = { score: 0, distance: null };
  if (!place(profile, doc, out, near)) return null;
  const score =
    near.score +
    interest(profile, doc.facets, categoryLabel, out) +
    time(profile, doc.slots, out) +
    rhythm(profile, doc.facets, out) +
    setting(profile, doc.setting, out) +
    needs(profile, doc.facets, doc.remote, out) +
    skills(skillWords, out);
  return matchOf(doc, score, near.distance, out);
}

/** A part's score for each value many documents share, worked out once per ranking. */
function memo<K, V>(compute: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    const held = known.get(key);
    if (held !== undefined) return held;
    const value = compute(key);
    known.set(key, value);
    return value;
  };
}

/** The probe a ranking offers for each document, with the skill words found in it, kept for the reasons of those shown. */
type Scored<D> = Match<D> & { words: string[] };

/**
 * Ranks everything for one person: best fit first, then nearest, then by key, so the order the documents
 * come in changes nothing, and those outside latitudeBand(profile) may be left out. They may be one cursor
 * moved from document to document (see liveDocuments); `keep` copies one that makes the top.
 */
export function rank<D extends DocMeta, K extends DocMeta = D>(
  profile: Profile,
  docs: Iterable<D>,
  options: { today: string; limit: number; skillsFor: (doc: D) => string[]; categoryLabel: (code: string) => string; keep?: (doc: D) => K },
): Match<K>[] {
  const byFacets = memo((facets: DocMeta["facets"]) => ({
    fit: interest(profile, facets, options.categoryLabel, null) + rhythm(profile, facets, null),
    needs: needs(profile, facets, false, null),
    needsRemote: needs(profile, facets, true, null),
  }));
  const bySlots = memo((slots: string[] | undefined) => time(profile, slots, null));
  const todayMs = dayMs(options.today);
  const expired = (doc: D) => (doc instanceof MetaCursor ? doc.expiredBy(options.today, todayMs) : doc.until !== null && doc.until < options.today);
  const keep = options.keep ?? ((doc: D) => doc as unknown as K);
  const order = (a: Match<DocMeta>, b: Match<DocMeta>) =>
    b.score - a.score ||
    (a.distanceKm ?? Number.MAX_VALUE) - (b.distanceKm ?? Number.MAX_VALUE) ||
    (`${a.doc.kind}:${a.doc.id}` < `${b.doc.kind}:${b.doc.id}` ? -1 : 1);
  // One object is offered for every document; only those that make the top are copied.
  const top = new Top<Scored<D | K>>(options.limit, order, (m) => ({ ...m, doc: keep(m.doc as D) }));
  const probe: Scored<D> = { doc: undefined as unknown as D, score: 0, distanceKm: null, fits: [], misfits: [], words: NONE };
  const near: Near = { score: 0, distance: null };
  const best = top.best;
  for (const doc of docs) {
    if (doc.kind === "association" || expired(doc)) continue;
    const words = options.skillsFor(doc);
    const facets = byFacets(doc.facets);
    const a = facets.fit;
    const b = bySlots(doc.slots);
    const c = setting(profile, doc.setting, null);
    const d = doc.remote ? facets.needsRemote : facets.needs;
    const e = skills(words, null);
    // Being near adds at most NEAR_POINTS, and the parts are added in the same order: a document that cannot make the top
    // even so is passed over before its distance is worked out.
    const last = best.length >= options.limit ? best[best.length - 1] : undefined;
    if (last && Math.round((NEAR_POINTS + a + b + c + d + e) * 100) / 100 < last.score) continue;
    if (!place(profile, doc, null, near)) continue;
    probe.doc = doc;
    probe.words = words;
    probe.score = Math.round((near.score + a + b + c + d + e) * 100) / 100;
    probe.distanceKm = near.distance === null ? null : Math.round(near.distance * 10) / 10;
    top.offer(probe);
  }
  const kept = top.best;
  return kept.map((m) => {
    const doc = m.doc as K;
    const { words: _, ...match } = m;
    return assess(profile, doc, m.words, options.categoryLabel) ?? { ...match, doc };
  });
}
