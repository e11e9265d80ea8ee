import { distanceKm } from "../../platform/search/postcodes.js";
import type { DocMeta } from "../../platform/search/segment.js";
import { firstInOrder } from "../../platform/search/top.js";
import type { Match, Profile, Reason } from "./matching.model.js";

const DEFAULT_MAX_KM = 10;
const NONE: string[] = [];

/**
 * How well one thing fits one person, as points with the reasons behind them. Anything farther than
 * the person will travel is left out; everything else is ranked, with what does not fit said plainly.
 */
export function assess<D extends DocMeta>(
  profile: Profile,
  doc: D,
  skillWords: string[],
  categoryLabel: (code: string) => string,
  explain = true,
): Match<D> | null {
  // Ranking many needs only the score; the reasons are written out for the few that are shown.
  const fits: Reason[] | null = explain ? [] : null;
  const misfits: Reason[] | null = explain ? [] : null;
  let score = 0;
  const facets = doc.facets;

  const distance = profile.origin && doc.lat !== null && doc.lon !== null ? distanceKm(profile.origin, { lat: doc.lat, lon: doc.lon }) : null;
  const maxKm = profile.maxKm ?? DEFAULT_MAX_KM;
  if (!doc.remote && distance !== null && distance > maxKm) return null;
  if (doc.remote) {
    score += 15;
    fits?.push({ code: "remote" });
  } else if (distance !== null) {
    score += 20 * (1 - distance / maxKm);
    fits?.push({ code: "near", detail: distance.toFixed(1) });
  }

  const shared = (facets.category ?? NONE).filter((c) => profile.interests.includes(c));
  if (shared.length > 0) {
    score += 40;
    fits?.push({ code: "interest", detail: shared.map(categoryLabel).join(", ") });
  }

  const slots = doc.slots ?? [];
  if (slots.length === 0) {
    score += 10;
    fits?.push({ code: "anytime" });
  } else if (profile.slots.length > 0) {
    const common = slots.filter((s) => profile.slots.includes(s));
    if (common.length > 0) {
      score += 20;
      fits?.push({ code: "time", items: common });
    } else {
      score -= 15;
      misfits?.push({ code: "time", items: slots });
    }
  }

  const commitment = (facets.commitment ?? NONE)[0];
  if (profile.rhythm !== "any" && commitment) {
    const wanted = profile.rhythm === "regular" ? "weekly" : "one_off";
    if (commitment === wanted) {
      score += 10;
      fits?.push({ code: "rhythm", detail: commitment });
    } else if (commitment === "flexible") score += 5;
    else {
      score -= 10;
      misfits?.push({ code: "rhythm", detail: commitment });
    }
  }

  if (profile.setting !== "any" && doc.setting && doc.setting !== "any") {
    if (doc.setting === profile.setting) {
      score += 5;
      fits?.push({ code: "setting", detail: doc.setting });
    } else {
      score -= 5;
      misfits?.push({ code: "setting", detail: doc.setting });
    }
  }

  if (profile.needs.includes("no_local_language")) {
    const spoken = (facets.language ?? NONE).filter((l) => profile.languages.includes(l));
    if ((facets.suits ?? NONE).includes("no_local_language") || spoken.length > 0) {
      score += 10;
      fits?.push({ code: "language", items: spoken });
    } else {
      score -= 20;
      misfits?.push({ code: "language" });
    }
  }
  if (profile.needs.includes("step_free")) {
    if (doc.remote || (facets.accessibility ?? NONE).includes("step_free")) {
      score += 10;
      fits?.push({ code: "step_free" });
    } else {
      score -= 25;
      misfits?.push({ code: "step_free" });
    }
  }
  if (profile.needs.includes("companion")) {
    if ((facets.suits ?? NONE).includes("disabilities")) {
      score += 5;
      fits?.push({ code: "companion" });
    } else misfits?.push({ code: "companion" });
  }

  if (skillWords.length > 0) {
    score += Math.min(15, 5 * skillWords.length);
    fits?.push({ code: "skills", detail: skillWords.join(", ") });
  }
  return {
    doc,
    score: Math.round(score * 100) / 100,
    distanceKm: distance === null ? null : Math.round(distance * 10) / 10,
    fits: fits ?? [],
    misfits: misfits ?? [],
  };
}

/** Ranks everything for one person: best fit first, then nearest, then a stable order. */
export function rank<D extends DocMeta>(
  profile: Profile,
  docs: Iterable<D>,
  options: { today: string; limit: number; skillsFor: (doc: D) => string[]; categoryLabel: (code: string) => string },
): Match<D>[] {
  const scored: Match<D>[] = [];
  for (const doc of docs) {
    if (doc.kind === "association" || (doc.until !== null && doc.until < options.today)) continue;
    const match = assess(profile, doc, options.skillsFor(doc), options.categoryLabel, false);
    if (match) scored.push(match);
  }
  const order = (a: Match<D>, b: Match<D>) =>
    b.score - a.score ||
    (a.distanceKm ?? Number.MAX_VALUE) - (b.distanceKm ?? Number.MAX_VALUE) ||
    (`${a.doc.kind}:${a.doc.id}` < `${b.doc.kind}:${b.doc.id}` ? -1 : 1);
  return firstInOrder(scored, options.limit, order).map((m) => assess(profile, m.doc, options.skillsFor(m.doc), options.categoryLabel) ?? m);
}
