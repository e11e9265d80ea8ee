import type { FieldErrors } from "../../../platform/http/errors.js";
import { formatDateTime, LANGUAGES, languageNames, type MessageKey } from "../../../platform/i18n/i18n.js";
import { countryProfile } from "../../../platform/tenants/countries.js";
import {
  Alert,
  Button,
  ButtonLink,
  Checkbox,
  Checkboxes,
  DataTable,
  DecisionCard,
  EmptyState,
  ErrorSummary,
  Field,
  Form,
  Heading,
  JsonLd,
  Link,
  P,
  Pagination,
  Select,
  WeekGrid,
} from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { describeSlots } from "../../../platform/week-slots.js";
import type { Term } from "../../taxonomy/index.js";
import type { ChecklistItem } from "../checklist.js";
import { APPLICATION_STEPS, COMMITMENTS, SETTINGS, SUITS } from "../opportunities.schema.js";
import type { Opportunity } from "../opportunities.service.js";

export const commitmentLabels: Record<(typeof COMMITMENTS)[number], MessageKey> = {
  weekly: "opportunity.commitment.weekly",
  one_off: "opportunity.commitment.one_off",
  flexible: "opportunity.commitment.flexible",
};
export const settingLabels: Record<(typeof SETTINGS)[number], MessageKey> = {
  any: "opportunity.setting.any",
  one_to_one: "opportunity.setting.one_to_one",
  group: "opportunity.setting.group",
};
export const suitsLabels: Record<(typeof SUITS)[number], MessageKey> = {
  young: "opportunity.suits.young",
  seniors: "opportunity.suits.seniors",
  newcomers: "opportunity.suits.newcomers",
  disabilities: "opportunity.suits.disabilities",
  no_local_language: "opportunity.suits.no_local_language",
};
export const stepLabels: Record<(typeof APPLICATION_STEPS)[number] | "unconfirmed", MessageKey> = {
  unconfirmed: "application.status.unconfirmed",
  new: "application.status.new",
  contacted: "application.status.contacted",
  meeting: "application.status.meeting",
  started: "application.status.started",
  not_now: "application.status.not_now",
};
const statusLabels: Record<Opportunity["status"], MessageKey> = {
  draft: "opportunity.status.draft",
  pending: "opportunity.status.pending",
  published: "opportunity.status.published",
  rejected: "opportunity.status.rejected",
};

function TimeLine(props: { o: Opportunity }) {
  const { t } = usePage();
  const { o } = props;
  if (o.commitment === "weekly" && o.hours_per_week) return <>{t("opportunity.hoursPerWeekValue", { hours: o.hours_per_week })}</>;
  if (o.commitment === "one_off" && o.one_off_date) return <>{t("opportunity.oneOffOn", { date: o.one_off_date })}</>;
  return <>{t(commitmentLabels[o.commitment])}</>;
}

export function OpportunityListPage(props: { rows: Opportunity[]; total: number; page: number; pages: number }) {
  const { t } = usePage();
  return (
    <div class="stack">
      <Heading>{t("opportunity.list.title")}</Heading>
      <P>{t("opportunity.list.intro")}</P>
      {props.rows.length === 0 ? (
        <EmptyState title="opportunity.list.empty" text="opportunity.list.emptyText" />
      ) : (
        <>
          <P>{t("table.count", { count: props.total })}</P>
          <ul class="ds-list--unstyled stack">
            {props.rows.map((o) => (
              <li class="ds-card">
                <h2 class="ds-heading" data-size="sm">
                  <Link href={`/opportunities/${o.id}`}>{o.title}</Link>
                </h2>
                <P>
                  {o.association_name} · <TimeLine o={o} /> · {o.remote ? t("opportunity.remote") : o.place}
                </P>
              </li>
            ))}
          </ul>
          <Pagination page={props.page} pages={props.pages} href={(page) => `/opportunities?page=${page}`} />
        </>
      )}
    </div>
  );
}

function Facts(props: { o: Opportunity; category: string | null }) {
  const { t, tenant } = usePage();
  const { o } = props;
  const suits = o.suits ? o.suits.split(",") : [];
  const languages = o.languages ? o.languages.split(",") : [];
  const requirements = [
    o.needs_certificate === 1 ? t(countryProfile(tenant.country).certificate) : null,
    o.min_age !== null ? t("opportunity.minAgeValue", { age: o.min_age }) : null,
  ].filter(Boolean);
  const facts: [MessageKey, string | null][] = [
    ["opportunity.category", props.category],
    ["opportunity.place", o.remote ? t("opportunity.remote") : `${o.place ?? ""} ${o.postcode ?? ""}`.trim()],
    ["opportunity.slots", o.time_slots ? describeSlots(t, o.time_slots.split(",")) : null],
    ["opportunity.setting", o.setting !== "any" ? t(settingLabels[o.setting]) : null],
    ["search.facet.accessibility", o.step_free ? t("opportunity.stepFree") : null],
    ["opportunity.startDate", o.start_date],
    ["opportunity.requirements", requirements.length ? requirements.join(" · ") : null],
    ["opportunity.languages", languages.length ? languages.map((l) => languageNames[l as keyof typeof languageNames] ?? l).join(", ") : null],
    ["opportunity.suits", suits.length ? suits.map((s) => t(suitsLabels[s as keyof typeof suitsLabels] ?? "validation.invalid")).join(", ") : null],
  ];
  return (
    <dl>
      <dt>{t("opportunity.time")}</dt>
      <dd>
        <TimeLine o={o} />
      </dd>
      {facts
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </>
        ))}
    </dl>
  );
}

/** What a posting says, below its title: on its page and in the preview. */
function PostingBody(props: { o: Opportunity; category: string | null }) {
  const { t } = usePage();
  const { o } = props;
  return (
    <>
      <P>{o.association_name}</P>
      <Facts o={o} category={props.category} />
      <Heading level={2}>{t("opportunity.tasks")}</Heading>
      <p class="ds-paragraph mail-body">{o.tasks}</p>
      {o.benefits && (
        <>
          <Heading level={2}>{t("opportunity.benefits")}</Heading>
          <p class="ds-paragraph mail-body">{o.benefits}</p>
        </>
      )}
      <P>{t("opportunity.contactLine", { name: o.contact_name })}</P>
    </>
  );
}

export function OpportunityPage(props: {
  o: Opportunity;
  category: string | null;
  apply?: { values: Record<string, string>; errors: FieldErrors };
  canManage: boolean;
}) {
  const { t, actor, tenant } = usePage();
  const { o } = props;
  const errors = props.apply?.errors ?? {};
  const values = props.apply?.values ?? (actor.kind === "person" ? { name: actor.name, email: actor.email } : {});
  return (
    <article class="stack">
      {o.status === "published" && (
        <JsonLd
          data={{
            "@type": "JobPosting",
            title: o.title,
            description: `${o.tasks}\n\n${o.benefits}`,
            employmentType: "VOLUNTEER",
            datePosted: o.published_at ?? o.updated_at,
            validThrough: o.expires_on,
            hiringOrganization: { "@type": "Organization", name: o.association_name },
            ...(o.remote
              ? { jobLocationType: "TELECOMMUTE" }
              : {
                  jobLocation: {
                    "@type": "Place",
                    address: {
                      "@type": "PostalAddress",
                      streetAddress: o.place ?? undefined,
                      postalCode: o.postcode ?? undefined,
                      addressCountry: tenant.country,
                    },
                  },
                }),
          }}
        />
      )}
      {o.status !== "published" && <Alert color="warning">{t("opportunity.notPublic", { status: t(statusLabels[o.status]) })}</Alert>}
      <Heading>{o.title}</Heading>
      <PostingBody o={o} category={props.category} />
      {props.canManage && (
        <div class="actions">
          <ButtonLink href={`/opportunities/${o.id}/edit`}>{t("opportunity.edit")}</ButtonLink>
          <ButtonLink href={`/opportunities/${o.id}/applications`}>{t("application.list.title")}</ButtonLink>
        </div>
      )}
      {o.status === "published" && (
        <section class="stack form" aria-labelledby="apply-heading">
          <h2 class="ds-heading" data-size="md" id="apply-heading">
            {t("application.title")}
          </h2>
          <P>{t("application.intro")}</P>
          <ErrorSummary errors={errors} />
          <Form action={`/opportunities/${o.id}/apply`}>
            <Field name="name" label="auth.name" autocomplete="name" required value={values.name} error={errors.name} />
            <Field name="email" label="auth.email" type="email" autocomplete="email" required value={values.email} error={errors.email} />
            <Field name="phone" label="association.phone" type="tel" autocomplete="tel" value={values.phone} error={errors.phone} />
            <Field
              name="message"
              label="application.message"
              hint="application.message.hint"
              multiline
              required
              value={values.message}
              error={errors.message}
            />
            <Button>{t("application.submit")}</Button>
          </Form>
        </section>
      )}
    </article>
  );
}

export function OpportunityFormPage(props: {
  action: string;
  associationId: string;
  categories: Term[];
  values: Record<string, string>;
  errors?: FieldErrors;
  checklist?: { items: ChecklistItem[]; score: number; ready?: boolean };
  preview?: { o: Opportunity; category: string | null };
}) {
  const { t, tenant } = usePage();
  const v = props.values;
  const errors = props.errors ?? {};
  return (
    <div class="stack form">
      <Heading>{t(props.action === "/opportunities/new" ? "opportunity.new.title" : "opportunity.edit")}</Heading>
      <P>{t("opportunity.new.intro")}</P>
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
        <Select
          name="categoryId"
          label="opportunity.category"
          value={v.categoryId}
          error={errors.categoryId}
          options={[{ value: "", label: t("opportunity.category.choose") }, ...props.categories.map((c) => ({ value: c.id, label: c.label }))]}
        />
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
        <WeekGrid name="slots" legend="opportunity.slots" hint="opportunity.slots.hint" chosen={(v.slots ?? "").split(",")} />
        <Select
          name="setting"
          label="opportunity.setting"
          value={v.setting ?? "any"}
          options={SETTINGS.map((s) => ({ value: s, label: t(settingLabels[s]) }))}
        />
        <Field name="startDate" label="opportunity.startDate" type="date" value={v.startDate} error={errors.startDate} />
        <Checkbox name="needsCertificate" label={countryProfile(tenant.country).certificate} checked={v.needsCertificate === "on"} />
        <Field name="minAge" label="opportunity.minAge" value={v.minAge} error={errors.minAge} />
        <Checkboxes
          name="languages"
          legend="opportunity.languages"
          chosen={(v.languages ?? "").split(",")}
          options={LANGUAGES.map((l) => ({ value: l, label: languageNames[l], lang: l }))}
        />
        <Checkboxes
          name="suits"
          legend="opportunity.suits"
          chosen={(v.suits ?? "").split(",")}
          options={SUITS.map((s) => ({ value: s, label: t(suitsLabels[s]) }))}
        />
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

export function AssociationOpportunitiesPage(props: { associationId: string; rows: (Opportunity & { applications: number })[] }) {
  const { t } = usePage();
  return (
    <div class="stack">
      <Heading>{t("opportunity.mine.title")}</Heading>
      <div class="actions">
        <ButtonLink href={`/opportunities/new?association=${props.associationId}`} variant="primary">
          {t("opportunity.new.title")}
        </ButtonLink>
      </div>
      {props.rows.length === 0 ? (
        <EmptyState title="opportunity.mine.empty" />
      ) : (
        <DataTable
          caption={t("opportunity.mine.title")}
          rows={props.rows}
          columns={[
            { key: "title", label: "opportunity.title", cell: (o) => <Link href={`/opportunities/${o.id}`}>{o.title}</Link> },
            { key: "status", label: "apiTokens.state", cell: (o) => t(statusLabels[o.status]) },
            { key: "expires", label: "opportunity.expiresOn", cell: (o) => o.expires_on },
            {
              key: "applications",
              label: "application.list.title",
              cell: (o) => <Link href={`/opportunities/${o.id}/applications`}>{t("application.count", { count: o.applications })}</Link>,
            },
            {
              key: "copy",
              label: "opportunity.copy",
              cell: (o) => (
                <Link href={`/opportunities/new?association=${props.associationId}&from=${o.id}`}>
                  {t("opportunity.copyNamed")}
                  <span class="ds-sr-only"> {o.title}</span>
                </Link>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}

export function ModerationPage(props: { rows: Opportunity[] }) {
  const { t } = usePage();
  return (
    <div class="stack">
      <Heading>{t("moderation.title")}</Heading>
      {props.rows.length === 0 ? (
        <EmptyState title="moderation.empty" />
      ) : (
        props.rows.map((o) => (
          <DecisionCard id={o.id} title={o.title} href={`/opportunities/${o.id}`} from={o.association_name} action={`/opportunities/${o.id}/decision`} />
        ))
      )}
    </div>
  );
}

type ApplicationRow = { id: string; name: string; email: string; phone: string | null; message: string; status: keyof typeof stepLabels; created_at: string };

export function ApplicationsPage(props: { o: Opportunity; rows: ApplicationRow[] }) {
  const { t, lang, tenant } = usePage();
  return (
    <div class="stack">
      <Heading>{t("application.list.heading", { title: props.o.title })}</Heading>
      {props.rows.length > 0 && <Link href={`/opportunities/${props.o.id}/applications.csv`}>{t("table.exportCsv")}</Link>}
      {props.rows.length === 0 ? (
        <EmptyState title="application.list.empty" />
      ) : (
        <DataTable
          caption={t("application.list.title")}
          rows={props.rows}
          columns={[
            { key: "name", label: "auth.name", cell: (a) => <Link href={`/opportunities/${props.o.id}/applications/${a.id}`}>{a.name}</Link> },
            { key: "contact", label: "auth.email", cell: (a) => `${a.email}${a.phone ? ` · ${a.phone}` : ""}` },
            { key: "message", label: "application.message", cell: (a) => a.message },
            { key: "when", label: "table.created", cell: (a) => formatDateTime(lang, a.created_at, tenant.timeZone) },
            {
              key: "status",
              label: "application.status",
              cell: (a) => (
                <Form action={`/opportunities/${props.o.id}/applications/${a.id}`} class="actions" aria-label={t("application.moveNamed", { name: a.name })}>
                  <label class="ds-sr-only" for={`status-${a.id}`}>
                    {t("application.statusFor", { name: a.name })}
                  </label>
                  <select class="ds-input" id={`status-${a.id}`} name="status">
                    {APPLICATION_STEPS.map((s) => (
                      <option value={s} selected={s === a.status}>
                        {t(stepLabels[s])}
                      </option>
                    ))}
                  </select>
                  <Button variant="secondary" size="sm">
                    {t("form.save")}
                  </Button>
                </Form>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}

export function MyApplicationsPage(props: {
  rows: { id: string; status: keyof typeof stepLabels; created_at: string; opportunity_id: string; title: string; association_name: string }[];
}) {
  const { t, lang, tenant } = usePage();
  return (
    <div class="stack">
      <Heading>{t("application.mine.title")}</Heading>
      {props.rows.length === 0 ? (
        <EmptyState title="application.mine.empty" action={<ButtonLink href="/opportunities">{t("opportunity.list.title")}</ButtonLink>} />
      ) : (
        <DataTable
          caption={t("application.mine.title")}
          rows={props.rows}
          columns={[
            { key: "title", label: "opportunity.title", cell: (r) => <Link href={`/opportunities/${r.opportunity_id}`}>{r.title}</Link> },
            { key: "association", label: "association.name", cell: (r) => r.association_name },
            { key: "when", label: "table.created", cell: (r) => formatDateTime(lang, r.created_at, tenant.timeZone) },
            { key: "status", label: "application.status", cell: (r) => t(stepLabels[r.status]) },
          ]}
        />
      )}
    </div>
  );
}

export function MessagePage(props: { title: MessageKey; text: MessageKey; values?: Record<string, string> }) {
  const { t } = usePage();
  return (
    <div class="stack form">
      <Heading>{t(props.title)}</Heading>
      <P>{t(props.text, props.values)}</P>
    </div>
  );
}

export function WaitingPage(props: {
  rows: { id: string; name: string; confirmed_at: string | null; opportunity_id: string; title: string; association_name: string }[];
}) {
  const { t, lang, tenant } = usePage();
  return (
    <div class="stack">
      <Heading>{t("waiting.title")}</Heading>
      <P>{t("waiting.intro")}</P>
      {props.rows.length > 0 && <Link href="/opportunities/waiting.csv">{t("table.exportCsv")}</Link>}
      {props.rows.length === 0 ? (
        <EmptyState title="waiting.empty" />
      ) : (
        <DataTable
          caption={t("waiting.title")}
          rows={props.rows}
          columns={[
            { key: "name", label: "auth.name", cell: (r) => <Link href={`/opportunities/${r.opportunity_id}/applications/${r.id}`}>{r.name}</Link> },
            { key: "title", label: "opportunity.title", cell: (r) => r.title },
            { key: "association", label: "association.name", cell: (r) => r.association_name },
            { key: "since", label: "waiting.since", cell: (r) => (r.confirmed_at ? formatDateTime(lang, r.confirmed_at, tenant.timeZone) : "") },
          ]}
        />
      )}
    </div>
  );
}
