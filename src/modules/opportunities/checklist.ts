import type { MessageKey } from "../../platform/i18n/i18n.js";
import type { OpportunityInput } from "./opportunities.schema.js";

export interface ChecklistItem {
  key: MessageKey;
  ok: boolean;
  /** A posting cannot be sent for approval while a required item fails. */
  required: boolean;
}

// Titles that say someone is wanted but not for what.
const VAGUE_TITLES = [
  /^(vi\s+)?(søger|mangler)\s+frivillige?\b/i,
  /^frivillige?\s+(søges|søkes|ønskes)\b/i,
  /^(hjælp|hjelp)\s+(søges|søkes|ønskes)/i,
  /^vrijwilligers?\s+(gezocht|gevraagd)/i,
  /^(we\s+need\s+)?volunteers?(\s+(wanted|needed))?!?$/i,
  /^(frivillig|vrijwilliger|volunteer|hjælper|hjelper)!?$/i,
];

/** The centre's quality checklist for a posting: what makes people apply and stay. */
export function reviewPosting(
  p: Pick<
    OpportunityInput,
    "title" | "tasks" | "benefits" | "commitment" | "hoursPerWeek" | "oneOffDate" | "place" | "remote" | "startDate" | "suits" | "languages"
  >,
) {
  const words = p.title.trim().split(/\s+/).filter(Boolean);
  const items: ChecklistItem[] = [
    { key: "checklist.titleNamesTask", ok: words.length >= 3 && !VAGUE_TITLES.some((r) => r.test(p.title.trim())), required: true },
    { key: "checklist.tasksConcrete", ok: p.tasks.trim().length >= 120, required: true },
    {
      key: "checklist.timeClear",
      ok: p.commitment === "flexible" || (p.commitment === "weekly" ? p.hoursPerWeek !== null : p.oneOffDate !== null),
      required: true,
    },
    { key: "checklist.placeClear", ok: p.remote || p.place.trim().length > 0, required: true },
    { key: "checklist.benefitsStated", ok: p.benefits.trim().length >= 40, required: false },
    { key: "checklist.startDate", ok: p.startDate !== null || p.commitment === "one_off", required: false },
    { key: "checklist.whoItSuits", ok: p.suits.length > 0 || p.languages.length > 1, required: false },
  ];
  const score = Math.round((100 * items.filter((i) => i.ok).length) / items.length);
  return { items, score, ready: items.every((i) => i.ok || !i.required) };
}
