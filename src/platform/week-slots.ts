import { formats } from "./i18n/format.js";
import type { Lang, MessageKey } from "./i18n/i18n.js";

export const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export const DAY_PARTS = ["morning", "afternoon", "evening"] as const;
/** A part of a day in the week, "mon-morning": when a volunteer can, or when a job happens. */
export const WEEK_SLOTS = DAYS.flatMap((d) => DAY_PARTS.map((p) => `${d}-${p}` as const));
export type WeekSlot = (typeof WEEK_SLOTS)[number];

export const dayLabels: Record<(typeof DAYS)[number], MessageKey> = {
  mon: "week.mon",
  tue: "week.tue",
  wed: "week.wed",
  thu: "week.thu",
  fri: "week.fri",
  sat: "week.sat",
  sun: "week.sun",
};
/** The label of an ISO weekday, 1 = Monday. */
export const weekdayLabel = (weekday: number): MessageKey => dayLabels[DAYS[weekday - 1] ?? "mon"];
export const partLabels: Record<(typeof DAY_PARTS)[number], MessageKey> = {
  morning: "week.morning",
  afternoon: "week.afternoon",
  evening: "week.evening",
};

/**
 * "Tirsdag formiddag, torsdag aften" in the reader's language, in week order. The days after the
 * first are named as within a sentence, through Intl: "torsdag" in Danish, "Thursday" in English.
 */
export function describeSlots(t: (key: MessageKey) => string, slots: string[], lang: Lang): string {
  const inSentence = formats(lang, "UTC").weekday;
  return WEEK_SLOTS.filter((s) => slots.includes(s))
    .map((s, i) => {
      const [day, part] = s.split("-") as [(typeof DAYS)[number], (typeof DAY_PARTS)[number]];
      const partText = t(partLabels[part]).toLowerCase();
      if (i === 0) return `${t(dayLabels[day])} ${partText}`;
      return `${inSentence(DAYS.indexOf(day) + 1)} ${partText}`;
    })
    .join(", ");
}
