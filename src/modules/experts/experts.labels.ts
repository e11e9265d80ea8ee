import type { MessageKey } from "../../platform/i18n/i18n.js";
import type { MatchStatus, RequestStatus, Skill } from "./experts.model.js";

export const skillLabels: Record<Skill, MessageKey> = {
  finance: "experts.skill.finance",
  law: "experts.skill.law",
  communication: "experts.skill.communication",
  it: "experts.skill.it",
  fundraising: "experts.skill.fundraising",
  chairing: "experts.skill.chairing",
};

/** "Kan økonomi": what a suggestion's skill reason says. */
export const canSkillLabels: Record<Skill, MessageKey> = {
  finance: "experts.can.finance",
  law: "experts.can.law",
  communication: "experts.can.communication",
  it: "experts.can.it",
  fundraising: "experts.can.fundraising",
  chairing: "experts.can.chairing",
};

export const requestStatusLabels: Record<RequestStatus, MessageKey> = {
  open: "experts.requestStatus.open",
  proposed: "experts.requestStatus.proposed",
  matched: "experts.requestStatus.matched",
  closed: "experts.requestStatus.closed",
};

export const matchStatusLabels: Record<MatchStatus, MessageKey> = {
  proposed: "experts.matchStatus.proposed",
  accepted: "experts.matchStatus.accepted",
  declined: "experts.matchStatus.declined",
  closed: "experts.matchStatus.closed",
};
