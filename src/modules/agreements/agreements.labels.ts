import type { MessageKey } from "../../platform/i18n/i18n.js";
import type { AgreementStatus, DefaultLevel, LinkKind } from "./agreements.model.js";

/** The default levels' names and descriptions, written into a tenant's scale in every language when it starts. */
export const levelNameKeys: Record<DefaultLevel, MessageKey> = {
  information: "agreements.levelName.information",
  dialogue: "agreements.levelName.dialogue",
  cooperation: "agreements.levelName.cooperation",
  partnership: "agreements.levelName.partnership",
};

export const levelTextKeys: Record<DefaultLevel, MessageKey> = {
  information: "agreements.levelText.information",
  dialogue: "agreements.levelText.dialogue",
  cooperation: "agreements.levelText.cooperation",
  partnership: "agreements.levelText.partnership",
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

/** Where a linked record's own page is: a grant scheme's page about it, a premise's page. */
export const linkPaths: Record<LinkKind, (id: string) => string> = {
  grant_scheme: (id) => `/grants/schemes/${encodeURIComponent(id)}/about`,
  premise: (id) => `/premises/${encodeURIComponent(id)}`,
};
