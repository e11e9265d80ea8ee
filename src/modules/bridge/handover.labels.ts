import type { MessageKey } from "../../platform/i18n/i18n.js";
import type { BridgePick, BridgeReferral, Need, ShareField } from "./bridge.model.js";

export const needLabels: Record<Need, MessageKey> = {
  company_first_times: "bridge.shared.need.company_first_times",
  step_free: "bridge.shared.need.step_free",
  quiet_place: "bridge.shared.need.quiet_place",
  language: "bridge.shared.need.language",
  small_group: "bridge.shared.need.small_group",
  fixed_contact: "bridge.shared.need.fixed_contact",
};

export const shareFieldLabels: Record<ShareField, MessageKey> = {
  first_name: "bridge.shared.field.first_name",
  contact: "bridge.shared.field.contact",
  languages: "bridge.shared.field.languages",
  needs: "bridge.shared.field.needs",
  wishes: "bridge.shared.field.wishes",
  times: "bridge.shared.field.times",
};

export const pickKindLabels: Record<BridgePick["kind"], MessageKey> = {
  offer: "search.kind.offer",
  opportunity: "search.kind.opportunity",
  event: "search.kind.event",
  association: "search.kind.association",
};

export const referralStatusLabels: Record<BridgeReferral["status"], MessageKey> = {
  sent: "bridge.referral.status.sent",
  accepted: "bridge.referral.status.accepted",
  declined: "bridge.referral.status.declined",
  withdrawn: "bridge.referral.status.withdrawn",
};
