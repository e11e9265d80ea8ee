import type { MessageKey } from "../../platform/i18n/i18n.js";
import type { ApplicationStatus } from "./applications.model.js";

export const stepLabels: Record<ApplicationStatus, MessageKey> = {
  unconfirmed: "application.status.unconfirmed",
  new: "application.status.new",
  contacted: "application.status.contacted",
  meeting: "application.status.meeting",
  started: "application.status.started",
  not_now: "application.status.not_now",
};
