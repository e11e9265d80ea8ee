import type { MessageKey } from "../../platform/i18n/i18n.js";
import type { AgreementStatus, Level, LinkKind } from "./agreements.model.js";

export const levelLabels: Record<Level, MessageKey> = {
  information: "agreements.level.information",
  dialogue: "agreements.level.dialogue",
  cooperation: "agreements.level.cooperation",
  partnership: "agreements.level.partnership",
};

export const statusLabels: Record<AgreementStatus, MessageKey> = {
  draft: "agreements.status.draft",
  agreed: "agreements.status.agreed",
  ended: "agreements.status.ended",
};

export const linkLabels: Record<LinkKind, MessageKey> = {
  grant_scheme: "agreements.link.grantScheme",
  premise: "agreements.link.premise",
};
