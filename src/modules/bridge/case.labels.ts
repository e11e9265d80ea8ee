import type { MessageKey } from "../../platform/i18n/i18n.js";
import type { CaseStatus, ConsentHow, Need, Purpose, Source, SourceUnit } from "./bridge.model.js";

// The case's codes in words, for the referral form, the case page and the consent's copy.

export const sourceLabels: Record<Source, MessageKey> = {
  self: "bridge.source.self",
  municipality: "bridge.source.municipality",
  association: "bridge.source.association",
  centre: "bridge.source.centre",
};

export const sourceUnitLabels: Record<SourceUnit, MessageKey> = {
  jobcentre: "bridge.unit.jobcentre",
  social_psychiatry: "bridge.unit.social_psychiatry",
  health: "bridge.unit.health",
  housing: "bridge.unit.housing",
  other: "bridge.unit.other",
};

export const purposeLabels: Record<Purpose, MessageKey> = {
  bridge_building: "bridge.purpose.bridge_building",
  share_with_association: "bridge.purpose.share_with_association",
  companion: "bridge.purpose.companion",
  follow_up: "bridge.purpose.follow_up",
  figures: "bridge.purpose.figures",
};

export const howLabels: Record<ConsentHow, MessageKey> = {
  in_person: "bridge.how.in_person",
  phone: "bridge.how.phone",
  written: "bridge.how.written",
  digital: "bridge.how.digital",
};

export const copyLabels: Record<"email" | "print", MessageKey> = { email: "bridge.copy.email", print: "bridge.copy.print" };

export const caseNeedLabels: Record<Need, MessageKey> = {
  company_first_times: "bridge.need.company_first_times",
  step_free: "bridge.need.step_free",
  quiet_place: "bridge.need.quiet_place",
  language: "bridge.need.language",
  small_group: "bridge.need.small_group",
  fixed_contact: "bridge.need.fixed_contact",
};

export const statusLabels: Record<CaseStatus, MessageKey> = {
  awaiting_consent: "bridge.status.awaiting_consent",
  intake: "bridge.status.intake",
  choosing: "bridge.status.choosing",
  handed_over: "bridge.status.handed_over",
  taking_part: "bridge.status.taking_part",
  closed: "bridge.status.closed",
};
