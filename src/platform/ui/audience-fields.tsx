import type { FieldError } from "../http/errors.js";
import { LANGUAGES, languageNames, type MessageKey } from "../i18n/i18n.js";
import { ACCESSIBILITY, accessibilityLabels } from "../search/labels.js";
import { Checkboxes, Select } from "./components.js";
import { usePage } from "./page-context.js";

// The fields that say whom something is for, as every form that describes an offer, a job, an event or a room asks them.

/** The tenant's categories, with "choose one" first. */
export function CategorySelect(props: { categories: { id: string; label: string }[]; value?: string | undefined; error?: FieldError | undefined }) {
  const { t } = usePage();
  return (
    <Select
      name="categoryId"
      label="opportunity.category"
      value={props.value}
      error={props.error}
      options={[{ value: "", label: t("opportunity.category.choose") }, ...props.categories.map((c) => ({ value: c.id, label: c.label }))]}
    />
  );
}

/** The tenant's target groups, by code. */
export function TargetGroupChoices(props: { targetGroups: { code: string; label: string }[]; chosen: string[] }) {
  return (
    <Checkboxes
      name="targetGroups"
      legend="offer.targetGroups"
      chosen={props.chosen}
      options={props.targetGroups.map((g) => ({ value: g.code, label: g.label }))}
    />
  );
}

/** The languages one can use, each named in its own language. */
export function LanguageChoices(props: { chosen: string[]; legend?: MessageKey }) {
  return (
    <Checkboxes
      name="languages"
      legend={props.legend ?? "opportunity.languages"}
      chosen={props.chosen}
      options={LANGUAGES.map((l) => ({ value: l, label: languageNames[l], lang: l }))}
    />
  );
}

/** Step-free access, an accessible toilet, a hearing loop. */
export function AccessibilityChoices(props: { chosen: string[] }) {
  const { t } = usePage();
  return (
    <Checkboxes
      name="accessibility"
      legend="search.facet.accessibility"
      chosen={props.chosen}
      options={ACCESSIBILITY.map((a) => ({ value: a, label: t(accessibilityLabels[a]) }))}
    />
  );
}
