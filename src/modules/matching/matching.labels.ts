import type { MessageKey } from "../../platform/i18n/i18n.js";
import type { Need, Rhythm } from "./matching.model.js";

export const needLabels: Record<Need, MessageKey> = {
  step_free: "matching.need.step_free",
  companion: "matching.need.companion",
  no_local_language: "matching.need.no_local_language",
};
export const rhythmLabels: Record<Rhythm, MessageKey> = {
  any: "matching.rhythm.any",
  regular: "matching.rhythm.regular",
  one_off: "matching.rhythm.one_off",
};
