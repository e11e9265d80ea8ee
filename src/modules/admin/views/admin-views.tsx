import type { ApiToken } from "../../../platform/api/tokens.model.js";
import { actionLabel } from "../../../platform/audit/action-labels.js";
import type { FieldErrors } from "../../../platform/http/errors.js";
import type { Formats } from "../../../platform/i18n/format.js";
import { LANGUAGES, languageNames, type T } from "../../../platform/i18n/i18n.js";
import {
  Alert,
  Button,
  DataTable,
  EmptyState,
  ErrorSummary,
  Field,
  Form,
  Heading,
  Link,
  P,
  Pagination,
  Select,
  ValidationMessage,
} from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { AccessEntry, AuditEntry, LogEntry, SettingsForm } from "../admin.model.js";
import { type AccessQuery, API_SCOPES, type AuditQuery } from "../admin.schema.js";

/** When, who and what: the first columns of both logs. The action in words, its code under it. */
const logColumns = (t: T, fmt: Formats) => [
  { key: "at", label: "audit.when" as const, cell: (r: LogEntry) => fmt.dateTime(r.at) },
  { key: "who", label: "audit.who" as const, cell: (r: LogEntry) => r.actorName ?? t(r.actorId ? "audit.deletedPerson" : "audit.system") },
  {
    key: "action",
    label: "audit.action" as const,
    cell: (r: LogEntry) => (
      <>
        {actionLabel(t, r.action)}
        <br />
        <code class="action-code">{r.action}</code>
      </>
    ),
  },
];

function CountAndExport(props: { total: number; csv: string }) {
  const { t } = usePage();
  return (
    <div class="actions">
      <P>{t("table.count", { count: props.total })}</P>
      <Link href={props.csv}>{t("table.exportCsv")}</Link>
    </div>
  );
}

export function AuditPage(props: {
  rows: AuditEntry[];
  total: number;
  actions: string[];
  query: AuditQuery;
  values: Record<string, string>;
  errors: FieldErrors;
  pages: number;
}) {
  const { t, fmt } = usePage();
  const params = (page: number) => {
    const q = props.query;
    return new URLSearchParams({ action: q.action, actor: q.actor, entity: q.entity, from: q.from ?? "", to: q.to ?? "", page: String(page) });
  };
  return (
    <div class="stack">
      <Heading>{t("audit.title")}</Heading>
      <P>{t("audit.intro")}</P>
      <ErrorSummary errors={props.errors} />
      <Form action="/admin/audit" method="get" class="filters" aria-label={t("audit.filter")}>
        <div class="ds-field">
          <label class="ds-label" for="f-action">
            {t("audit.action")}
          </label>
          <select class="ds-input" id="f-action" name="action">
            <option value="">{t("audit.allActions")}</option>
            {props.actions.map((a) => (
              <option value={a} selected={a === props.query.action}>
                {actionLabel(t, a)}
              </option>
            ))}
          </select>
        </div>
        <Field name="actor" label="audit.actorEmail" type="email" value={props.values.actor} />
        <Field name="entity" label="audit.entityId" value={props.values.entity} />
        <Field name="from" label="audit.from" type="date" value={props.values.from} error={props.errors.from} />
        <Field name="to" label="audit.to" type="date" value={props.values.to} error={props.errors.to} />
        <Button variant="secondary">{t("audit.filter")}</Button>
      </Form>
      {props.rows.length === 0 ? (
        <EmptyState title="audit.empty" />
      ) : (
        <>
          <CountAndExport total={props.total} csv={`/admin/audit/export.csv?${params(1)}`} />
          <DataTable
            caption={t("audit.title")}
            rows={props.rows}
            columns={[
              ...logColumns(t, fmt),
              { key: "entity", label: "audit.entity", cell: (r) => `${r.entityType}${r.entityId ? ` ${r.entityId}` : ""}` },
              { key: "ip", label: "audit.ip", cell: (r) => r.ip ?? "–" },
            ]}
          />
          <Pagination page={props.query.page} pages={props.pages} href={(page) => `/admin/audit?${params(page)}`} />
        </>
      )}
    </div>
  );
}

/** Who was shown whose data: the access log, for the tenant's administrator. */
export function AccessPage(props: {
  rows: AccessEntry[];
  total: number;
  query: AccessQuery;
  values: Record<string, string>;
  errors: FieldErrors;
  pages: number;
}) {
  const { t, fmt } = usePage();
  const q = props.query;
  const href = (page: number) =>
    `/admin/access?${new URLSearchParams({ actor: q.actor, person: q.person, from: q.from ?? "", to: q.to ?? "", page: String(page) })}`;
  return (
    <div class="stack">
      <Heading>{t("access.title")}</Heading>
      <P>{t("access.intro")}</P>
      <ErrorSummary errors={props.errors} />
      <Form action="/admin/access" method="get" class="filters" aria-label={t("audit.filter")}>
        <Field name="person" label="access.person" hint="access.person.hint" value={props.values.person} />
        <Field name="actor" label="audit.actorEmail" type="email" value={props.values.actor} />
        <Field name="from" label="audit.from" type="date" value={props.values.from} error={props.errors.from} />
        <Field name="to" label="audit.to" type="date" value={props.values.to} error={props.errors.to} />
        <Button variant="secondary">{t("audit.filter")}</Button>
      </Form>
      {props.rows.length === 0 ? (
        <EmptyState title="audit.empty" />
      ) : (
        <>
          <CountAndExport
            total={props.total}
            csv={`/admin/access/export.csv?${new URLSearchParams({ actor: q.actor, person: q.person, from: q.from ?? "", to: q.to ?? "" })}`}
          />
          <DataTable
            caption={t("access.title")}
            rows={props.rows}
            columns={[...logColumns(t, fmt), { key: "subject", label: "access.subject", cell: (r) => r.subjectName ?? `${r.subjectType} ${r.subjectId}` }]}
          />
          <Pagination page={q.page} pages={props.pages} href={href} />
        </>
      )}
    </div>
  );
}

export function ApiTokensPage(props: { tokens: ApiToken[]; created?: string; values?: Record<string, string>; errors?: FieldErrors }) {
  const { t, fmt } = usePage();
  const errors = props.errors ?? {};
  return (
    <div class="stack">
      <Heading>{t("apiTokens.title")}</Heading>
      <P>{t("apiTokens.intro")}</P>
      {props.created && (
        <Alert color="success" role="status">
          <Heading level={2} size="sm">
            {t("apiTokens.created")}
          </Heading>
          <P>{t("apiTokens.shownOnce")}</P>
          <p class="secret" data-testid="new-token">
            {props.created}
          </p>
        </Alert>
      )}
      {props.tokens.length === 0 ? (
        <EmptyState title="apiTokens.empty" />
      ) : (
        <DataTable
          caption={t("apiTokens.title")}
          rows={props.tokens}
          columns={[
            { key: "name", label: "apiTokens.name", cell: (r) => r.name },
            { key: "scopes", label: "apiTokens.scopes", cell: (r) => r.scopes.join(" ") },
            { key: "created", label: "table.created", cell: (r) => fmt.dateTime(r.createdAt) },
            { key: "used", label: "apiTokens.lastUsed", cell: (r) => (r.lastUsedAt ? fmt.dateTime(r.lastUsedAt) : "–") },
            {
              key: "state",
              label: "apiTokens.state",
              cell: (r) =>
                r.revokedAt ? (
                  t("apiTokens.revoked")
                ) : (
                  <Form action={`/admin/api-tokens/${r.id}/revoke`} aria-label={t("apiTokens.revokeNamed", { name: r.name })}>
                    <Button variant="tertiary" color="danger" size="sm">
                      {t("apiTokens.revoke")}
                    </Button>
                  </Form>
                ),
            },
          ]}
        />
      )}
      <section class="stack form" aria-labelledby="new-token-heading">
        <h2 class="ds-heading" data-size="md" id="new-token-heading">
          {t("apiTokens.new")}
        </h2>
        <ErrorSummary errors={errors} />
        <Form action="/admin/api-tokens">
          <Field name="name" label="apiTokens.name" hint="apiTokens.name.hint" required value={props.values?.name} error={errors.name} />
          <fieldset class="ds-fieldset" aria-describedby={errors.scopes ? "f-scopes-error" : undefined}>
            <legend class="ds-label" id="f-scopes">
              {t("apiTokens.scopes")}
            </legend>
            {API_SCOPES.map((scope) => (
              <div class="ds-field">
                <input class="ds-input" type="checkbox" name="scopes" value={scope} id={`scope-${scope}`} />
                <label class="ds-label" for={`scope-${scope}`}>
                  {scope}
                </label>
              </div>
            ))}
            <ValidationMessage id="f-scopes-error" error={errors.scopes} />
          </fieldset>
          <Button>{t("apiTokens.create")}</Button>
        </Form>
      </section>
    </div>
  );
}

const ORDER_LABELS = ["settings.order.first", "settings.order.second", "settings.order.third"] as const;
const ACTIVITY_KINDS = { 1: "round.priority.1", 2: "round.priority.2", 3: "round.priority.3" } as const;

export function TenantSettingsPage(props: { values: SettingsForm; errors?: FieldErrors }) {
  const { t } = usePage();
  const errors = props.errors ?? {};
  const enabled = props.values.languages;
  return (
    <div class="stack form">
      <Heading>{t("settings.title")}</Heading>
      <P>{t("settings.intro")}</P>
      <ErrorSummary errors={errors} />
      <Form action="/admin/settings">
        <Field name="name" label="settings.name" required value={props.values.name} error={errors.name} />
        <Field name="logoUrl" label="settings.logo" hint="settings.logo.hint" type="url" value={props.values.logoUrl} error={errors.logoUrl} />
        <Field name="colorPrimary" label="settings.color" hint="settings.color.hint" required value={props.values.colorPrimary} error={errors.colorPrimary} />
        <fieldset class="ds-fieldset" aria-describedby={errors.languages ? "f-languages-error" : undefined}>
          <legend class="ds-label" id="f-languages">
            {t("settings.languages")}
          </legend>
          {LANGUAGES.map((l) => (
            <div class="ds-field">
              <input class="ds-input" type="checkbox" name="languages" value={l} id={`lang-${l}`} checked={enabled.includes(l)} />
              <label class="ds-label" for={`lang-${l}`} lang={l}>
                {languageNames[l]}
              </label>
            </div>
          ))}
          <ValidationMessage id="f-languages-error" error={errors.languages} />
        </fieldset>
        <Select
          name="defaultLanguage"
          label="settings.defaultLanguage"
          value={props.values.defaultLanguage}
          error={errors.defaultLanguage}
          options={LANGUAGES.map((l) => ({ value: l, label: languageNames[l] }))}
        />
        <Field name="timeZone" label="settings.timeZone" hint="settings.timeZone.hint" required value={props.values.timeZone} error={errors.timeZone} />
        <Field name="contactEmail" label="settings.contactEmail" type="email" required value={props.values.contactEmail} error={errors.contactEmail} />
        <Select
          name="moderation"
          label="settings.moderation"
          value={props.values.moderation}
          error={errors.moderation}
          options={[
            { value: "pre", label: t("settings.moderation.pre") },
            { value: "post", label: t("settings.moderation.post") },
          ]}
        />
        <Field
          name="answerNudgeDays"
          label="settings.nudgeDays"
          hint="settings.nudgeDays.hint"
          required
          value={props.values.answerNudgeDays}
          error={errors.answerNudgeDays}
        />
        <Field
          name="answerEscalateDays"
          label="settings.escalateDays"
          hint="settings.escalateDays.hint"
          required
          value={props.values.answerEscalateDays}
          error={errors.answerEscalateDays}
        />
        <Field
          name="staleGraceDays"
          label="settings.staleGraceDays"
          hint="settings.staleGraceDays.hint"
          required
          value={props.values.staleGraceDays}
          error={errors.staleGraceDays}
        />
        <fieldset class="ds-fieldset stack">
          <legend class="ds-label">{t("admin.events.legend")}</legend>
          <P>{t("admin.events.intro")}</P>
          <Field
            name="eventOfferHours"
            label="admin.events.offerHours"
            hint="admin.events.offerHours.hint"
            type="number"
            required
            value={props.values.eventOfferHours}
            error={errors.eventOfferHours}
          />
          <Field
            name="eventImmediateHours"
            label="admin.events.immediateHours"
            hint="admin.events.immediateHours.hint"
            type="number"
            required
            value={props.values.eventImmediateHours}
            error={errors.eventImmediateHours}
          />
        </fieldset>
        <Field name="mapTileUrl" label="settings.mapTiles" hint="settings.mapTiles.hint" type="url" value={props.values.mapTileUrl} error={errors.mapTileUrl} />
        <Field
          name="mapAttribution"
          label="settings.mapAttribution"
          hint="settings.mapAttribution.hint"
          value={props.values.mapAttribution}
          error={errors.mapAttribution}
        />
        <fieldset class="ds-fieldset stack">
          <legend class="ds-label">{t("settings.order")}</legend>
          <P>{t("settings.order.hint")}</P>
          {(["order1", "order2", "order3"] as const).map((name, i) => (
            <Select
              name={name}
              label={ORDER_LABELS[i] ?? "settings.order.first"}
              value={props.values[name]}
              error={errors[name]}
              options={[1, 2, 3].map((k) => ({ value: String(k), label: t(ACTIVITY_KINDS[k as 1 | 2 | 3]) }))}
            />
          ))}
        </fieldset>
        <Button>{t("form.save")}</Button>
      </Form>
    </div>
  );
}
