import { type Criterion, MAX_SCORE } from "./grants.model.js";
import type { Score } from "./scores.repository.js";

/**
 * An application's weighted score as a share of the best possible, 0–100, averaged over the reviewers
 * who scored every criterion; null until one has.
 */
export function weightedScore(criteria: readonly Criterion[], scores: readonly Score[]): number | null {
  const best = criteria.reduce((s, c) => s + c.weight * MAX_SCORE, 0);
  if (best === 0) return null;
  const byReviewer = new Map<string, Map<string, number>>();
  for (const s of scores) byReviewer.set(s.reviewerId, (byReviewer.get(s.reviewerId) ?? new Map()).set(s.criterionKey, s.score));
  const totals: number[] = [];
  for (const of of byReviewer.values()) {
    if (!criteria.every((c) => of.has(c.key))) continue;
    totals.push(criteria.reduce((s, c) => s + c.weight * (of.get(c.key) ?? 0), 0) / best);
  }
  if (totals.length === 0) return null;
  return Math.round((100 * totals.reduce((a, b) => a + b, 0)) / totals.length);
}
