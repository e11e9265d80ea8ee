import type { MessageKey } from "../../../platform/i18n/i18n.js";
import { diffFields } from "../../../platform/moderation/pending-change.js";
import { countryProfile } from "../../../platform/tenants/countries.js";
import { plainValue, type ShownChange, showDiff } from "../../../platform/ui/changes.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { describeSlots } from "../../../platform/week-slots.js";
import type { Term } from "../../taxonomy/index.js";
import { commitmentLabels, settingLabels, suitsLabels } from "../opportunities.labels.js";
import { POSTING_FIELDS, type Posting } from "../opportunities.model.js";

type PostingField = (typeof POSTING_FIELDS)[number];

const LABELS: Record<Exclude<PostingField, "needsCertificate">, MessageKey> = {
  title: "opportunity.title",
  categoryId: "opportunity.category",
  tasks: "opportunity.tasks",
  benefits: "opportunity.benefits",
  commitment: "opportunity.commitment",
  hoursPerWeek: "opportunity.hoursPerWeek",
  oneOffDate: "opportunity.oneOffDate",
  startDate: "opportunity.startDate",
  slots: "opportunity.slots",
  place: "opportunity.place",
  postcode: "opportunity.postcode",
  remote: "opportunity.remote",
  setting: "opportunity.setting",
  stepFree: "opportunity.stepFree",
  minAge: "opportunity.minAge",
  languages: "opportunity.languages",
  suits: "opportunity.suits",
  contactName: "opportunity.contactName",
  contactEmail: "opportunity.contactEmail",
  expiresOn: "opportunity.expiresOn",
};

/** The difference between a published job and a change to it, field by field in words: names, not codes; dates in the reader's format. */
export function usePostingChangeRows() {
  const { t, fmt, tenant, lang } = usePage();
  const yesNo = { yes: t("common.yes"), no: t("common.no") };
  const label = (f: PostingField) => (f === "needsCertificate" ? t(countryProfile(tenant.country).certificate) : t(LABELS[f]));
  return (before: Posting, after: Posting, categories: Term[]): ShownChange[] => {
    const show = (f: PostingField, v: unknown): string => {
      if (v === null || v === undefined || v === "") return "";
      if (f === "categoryId") return categories.find((c) => c.id === v)?.label ?? String(v);
      if (f === "commitment") return t(commitmentLabels[v as Posting["commitment"]]);
      if (f === "setting") return t(settingLabels[v as Posting["setting"]]);
      if (f === "oneOffDate" || f === "startDate" || f === "expiresOn") return fmt.date(String(v));
      if (f === "hoursPerWeek" || f === "minAge") return fmt.number(Number(v));
      if (f === "slots") return describeSlots(t, v as string[], lang);
      if (f === "languages") return fmt.languages(v as string[]);
      if (f === "suits") return (v as string[]).map((s) => (s in suitsLabels ? t(suitsLabels[s as keyof typeof suitsLabels]) : s)).join(", ");
      return plainValue(v, yesNo);
    };
    return showDiff(diffFields(before, after, POSTING_FIELDS), label, show);
  };
}
