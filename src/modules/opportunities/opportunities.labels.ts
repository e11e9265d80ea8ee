import type { MessageKey } from "../../platform/i18n/i18n.js";
import type { Commitment, OpportunityStatus, Setting, SUITS } from "./opportunities.model.js";

export const commitmentLabels: Record<Commitment, MessageKey> = {
  weekly: "opportunity.commitment.weekly",
  one_off: "opportunity.commitment.one_off",
  flexible: "opportunity.commitment.flexible",
};
export const settingLabels: Record<Setting, MessageKey> = {
  any: "opportunity.setting.any",
  one_to_one: "opportunity.setting.one_to_one",
  group: "opportunity.setting.group",
};
export const suitsLabels: Record<(typeof SUITS)[number], MessageKey> = {
  young: "opportunity.suits.young",
  seniors: "opportunity.suits.seniors",
  newcomers: "opportunity.suits.newcomers",
  disabilities: "opportunity.suits.disabilities",
  no_local_language: "opportunity.suits.no_local_language",
};
export const statusLabels: Record<OpportunityStatus, MessageKey> = {
  draft: "opportunity.status.draft",
  pending: "opportunity.status.pending",
  published: "opportunity.status.published",
  rejected: "opportunity.status.rejected",
};
