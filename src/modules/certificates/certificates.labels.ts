import type { MessageKey } from "../../platform/i18n/i18n.js";
import type { Outcome, Stage } from "./certificates.model.js";

export const stageLabels: Record<Stage, MessageKey> = {
  requested: "certificates.stage.requested",
  consented: "certificates.stage.consented",
  consentLapsed: "certificates.stage.consentLapsed",
  noRemarks: "certificates.stage.noRemarks",
  followUp: "certificates.stage.followUp",
  renewalDue: "certificates.stage.renewalDue",
  left: "certificates.stage.left",
};

export const stageColors: Record<Stage, "info" | "success" | "warning" | "danger" | "neutral"> = {
  requested: "info",
  consented: "info",
  consentLapsed: "warning",
  noRemarks: "success",
  followUp: "danger",
  renewalDue: "warning",
  left: "neutral",
};

export const outcomeLabels: Record<Outcome, MessageKey> = {
  no_remarks: "certificates.outcome.no_remarks",
  follow_up: "certificates.outcome.follow_up",
};
