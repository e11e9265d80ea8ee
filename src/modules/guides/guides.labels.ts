import type { MessageKey } from "../../platform/i18n/i18n.js";
import type { GuideCategory, GuideStatus } from "./guides.model.js";

export const categoryLabels: Record<GuideCategory, MessageKey> = {
  volunteers: "guides.category.volunteers",
  board: "guides.category.board",
  money: "guides.category.money",
  safety: "guides.category.safety",
  outreach: "guides.category.outreach",
};

export const statusLabels: Record<GuideStatus, MessageKey> = {
  draft: "guides.status.draft",
  published: "guides.status.published",
};
