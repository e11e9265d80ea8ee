import type { Expert, ExpertReason, ExpertSuggestion, Skill } from "./experts.model.js";

/**
 * Experts ranked for a request: first whether they can the skill asked for, then how many hours a month they
 * give, then how few boards they help already. Each comes with its reasons in the same shape as the matching
 * module's (what fits, what does not), so staff see why, not only a score.
 */
export function suggestExperts(skill: Skill, experts: Expert[], loads: Map<string, number>, alreadyAsked: ReadonlySet<string>, limit = 10): ExpertSuggestion[] {
  const ranked: ExpertSuggestion[] = [];
  for (const expert of experts) {
    if (expert.status !== "active" || alreadyAsked.has(expert.id)) continue;
    const fits: ExpertReason[] = [];
    const misfits: ExpertReason[] = [];
    const load = loads.get(expert.id) ?? 0;
    let score = 0;
    if (expert.skills.includes(skill)) {
      score += 100;
      fits.push({ code: "skill", skill });
    }
    if (expert.hoursPerMonth > 0) {
      score += Math.min(expert.hoursPerMonth, 20);
      fits.push({ code: "hours", count: expert.hoursPerMonth });
    }
    if (load === 0) {
      score += 15;
      fits.push({ code: "free" });
    } else {
      score -= 10 * load;
      misfits.push({ code: "busy", count: load });
    }
    if (!expert.skills.includes(skill)) continue;
    ranked.push({ expert, score, load, fits, misfits });
  }
  return ranked.sort((a, b) => b.score - a.score || a.expert.name.localeCompare(b.expert.name, "da")).slice(0, limit);
}
