import type { FieldErrors } from "../../../platform/http/errors.js";
import type { PendingChange } from "../../../platform/moderation/pending-change.js";
import { countryProfile } from "../../../platform/tenants/countries.js";
import { CategorySelect, LanguageChoices } from "../../../platform/ui/audience-fields.js";
import { PendingChangeNotice } from "../../../platform/ui/changes.js";
import { Button, Checkbox, Checkboxes, ErrorSummary, Field, Form, Heading, P, Select, WeekGrid } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { Term } from "../../taxonomy/index.js";
import type { ChecklistItem } from "../checklist.js";
import { commitmentLabels, settingLabels, suitsLabels } from "../opportunities.labels.js";
import type { Posting } from "../opportunities.model.js";
import { COMMITMENTS, type Opportunity, SETTINGS, SUITS } from "../opportunities.model.js";
import { PostingBody, PostingOrganiser } from "./posting-body.js";
import { usePostingChangeRows } from "./posting-changes.js";

export function OpportunityFormPage(props: {
  action: string;
  associationId: string;
  categories: Term[];
  values: Record<string, string>;
  errors?: FieldErrors;
  checklist?: { items: ChecklistItem[]; score: number; ready?: boolean };
  preview?: { o: Opportunity; category: string | null };
  /** The lists the form has chosen so far. */
  chosen: { languages: string[]; suits: string[]; slots: string[] };
  /** The published job and the change to it that waits for staff, shown above the form. */
  pending?: { o: Opportunity; change: PendingChange<Posting> } | null;
}) {
  const { t, tenant } = usePage();
  const changeRows = usePostingChangeRows();
  const v = props.values;
  const errors = props.errors ?? {};
  return (
    <div class="stack form">
      <Heading>{t(props.action === "/opportunities/new" ? "opportunity.new.title" : "opportunity.edit")}</Heading>
      <P>{t("opportunity.new.intro")}</P>
      {props.pending && (
        <PendingChangeNotice
          since={props.pending.change.since}
          rows={changeRows(props.pending.o, props.pending.change.content, props.categories)}
          withdraw={`/opportunities/${props.pending.o.id}/withdraw-change`}
        />
      )}
      {props.preview && (
        <section class="stack preview" tabindex={-1} autofocus aria-labelledby="preview-heading">
          <h2 class="ds-heading" data-size="sm" id="preview-heading">
            {t("opportunity.preview.title")}
          </h2>
          <P>{t("opportunity.preview.intro")}</P>
          <div class="preview-card stack">
            <Heading level={3} size="md">
              {props.preview.o.title}
            </Heading>
            <PostingOrganiser o={props.preview.o} />
            <PostingBody o={props.preview.o} category={props.preview.category} />
          </div>
        </section>
      )}
      {props.checklist && (
        <section
          class="ds-alert stack"
          data-color={props.checklist.ready ? "success" : "warning"}
          role={props.preview ? undefined : "alert"}
          tabindex={-1}
          autofocus={!props.preview}
          aria-labelledby="checklist-heading"
        >
          <h2 class="ds-heading" data-size="xs" id="checklist-heading">
            {t("checklist.title", { score: props.checklist.score })}
          </h2>
          <ul class="ds-list">
            {props.checklist.items.map((item) => (
              <li>
                {item.ok ? "✓ " : "✗ "}
                {t(item.key)}
                {!item.ok && item.required && <strong> {t("checklist.required")}</strong>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ErrorSummary errors={errors} />
      <Form action={props.action}>
        <input type="hidden" name="associationId" value={props.associationId} />
        <Field name="title" label="opportunity.title" hint="opportunity.title.hint" required value={v.title} error={errors.title} />
        <CategorySelect categories={props.categories} value={v.categoryId} error={errors.categoryId} />
        <Field name="tasks" label="opportunity.tasks" hint="opportunity.tasks.hint" multiline required value={v.tasks} error={errors.tasks} />
        <Field name="benefits" label="opportunity.benefits" hint="opportunity.benefits.hint" multiline value={v.benefits} error={errors.benefits} />
        <Select
          name="commitment"
          label="opportunity.commitment"
          value={v.commitment ?? "weekly"}
          error={errors.commitment}
          options={COMMITMENTS.map((c) => ({ value: c, label: t(commitmentLabels[c]) }))}
        />
        <Field name="hoursPerWeek" label="opportunity.hoursPerWeek" value={v.hoursPerWeek} error={errors.hoursPerWeek} />
        <Field name="oneOffDate" label="opportunity.oneOffDate" type="date" value={v.oneOffDate} error={errors.oneOffDate} />
        <Field name="place" label="opportunity.place" value={v.place} error={errors.place} />
        <Field name="postcode" label="opportunity.postcode" value={v.postcode} error={errors.postcode} autocomplete="postal-code" />
        <Checkbox name="remote" label="opportunity.remote" checked={v.remote === "on"} />
        <Checkbox name="stepFree" label="opportunity.stepFree" checked={v.stepFree === "on"} />
        <WeekGrid name="slots" legend="opportunity.slots" hint="opportunity.slots.hint" chosen={props.chosen.slots} />
        <Select
          name="setting"
          label="opportunity.setting"
          value={v.setting ?? "any"}
          options={SETTINGS.map((s) => ({ value: s, label: t(settingLabels[s]) }))}
        />
        <Field name="startDate" label="opportunity.startDate" type="date" value={v.startDate} error={errors.startDate} />
        <Checkbox name="needsCertificate" label={countryProfile(tenant.country).certificate} checked={v.needsCertificate === "on"} />
        <Field name="minAge" label="opportunity.minAge" value={v.minAge} error={errors.minAge} />
        <LanguageChoices chosen={props.chosen.languages} />
        <Checkboxes name="suits" legend="opportunity.suits" chosen={props.chosen.suits} options={SUITS.map((s) => ({ value: s, label: t(suitsLabels[s]) }))} />
        <Field name="contactName" label="opportunity.contactName" required value={v.contactName} error={errors.contactName} autocomplete="name" />
        <Field
          name="contactEmail"
          label="opportunity.contactEmail"
          type="email"
          required
          value={v.contactEmail}
          error={errors.contactEmail}
          autocomplete="email"
        />
        <Field
          name="expiresOn"
          label="opportunity.expiresOn"
          hint="opportunity.expiresOn.hint"
          type="date"
          required
          value={v.expiresOn}
          error={errors.expiresOn}
        />
        <div class="actions">
          <Button name="intent" value="submit">
            {t("opportunity.submit")}
          </Button>
          <Button variant="secondary" name="intent" value="draft">
            {t("opportunity.saveDraft")}
          </Button>
          <Button variant="secondary" name="intent" value="preview">
            {t("opportunity.preview")}
          </Button>
        </div>
      </Form>
    </div>
  );
}
