import { isPerson, STAFF_ROLES } from "../../../platform/auth/policy.js";
import type { FieldErrors } from "../../../platform/http/errors.js";
import type { MessageKey } from "../../../platform/i18n/i18n.js";
import { formatDateTime } from "../../../platform/i18n/i18n.js";
import {
  Alert,
  Button,
  ButtonLink,
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
} from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { canGrantRole } from "../people.policy.js";
import type { PeopleQuery } from "../people.schema.js";
import type { Invitation } from "../people.service.js";

export const roleLabels: Record<string, MessageKey> = {
  staff: "role.staff",
  caseworker: "role.caseworker",
  tenant_admin: "role.tenant_admin",
  member: "role.association_member",
  admin: "role.association_admin",
};

type PersonRow = { id: string; name: string; email: string; email_verified_at: string | null; created_at: string; roles: string[] };

export function PeoplePage(props: {
  rows: PersonRow[];
  total: number;
  query: PeopleQuery;
  pages: number;
  invite?: { values: Record<string, string>; errors: FieldErrors };
}) {
  const { t, lang, tenant, actor } = usePage();
  const grantable = STAFF_ROLES.filter((role) => isPerson(actor) && canGrantRole(actor, { tenantId: tenant.id, role }));
  return (
    <div class="stack">
      <Heading>{t("people.title")}</Heading>
      <Form action="/people" method="get" class="filters" aria-label={t("table.search")}>
        <Field name="q" label="table.search" type="search" value={props.query.q} />
        <Button variant="secondary">{t("table.searchButton")}</Button>
      </Form>
      {props.rows.length === 0 ? (
        <EmptyState title="people.empty" />
      ) : (
        <>
          <div class="actions">
            <P>{t("table.count", { count: props.total })}</P>
            <Link href={`/people/export.csv?q=${encodeURIComponent(props.query.q)}`}>{t("table.exportCsv")}</Link>
          </div>
          <DataTable
            caption={t("people.title")}
            rows={props.rows}
            columns={[
              { key: "name", label: "auth.name", cell: (r) => <Link href={`/people/${r.id}`}>{r.name}</Link> },
              { key: "email", label: "auth.email", cell: (r) => r.email },
              { key: "roles", label: "people.roles", cell: (r) => r.roles.map((x) => t(roleLabels[x] ?? "role.citizen")).join(", ") || t("role.citizen") },
              { key: "created", label: "table.created", cell: (r) => formatDateTime(lang, r.created_at, tenant.timeZone) },
            ]}
          />
          <Pagination page={props.query.page} pages={props.pages} href={(page) => `/people?${new URLSearchParams({ q: props.query.q, page: String(page) })}`} />
        </>
      )}
      <section class="stack form" aria-labelledby="invite-heading">
        <h2 class="ds-heading" data-size="md" id="invite-heading">
          {t("people.invite.title")}
        </h2>
        <P>{t("people.invite.intro")}</P>
        <ErrorSummary errors={props.invite?.errors ?? {}} />
        <Form action="/people/invite">
          <Field name="email" label="auth.email" type="email" required value={props.invite?.values.email} error={props.invite?.errors.email} />
          <Select
            name="role"
            label="people.role"
            options={grantable.map((r) => ({ value: r, label: t(roleLabels[r] as MessageKey) }))}
            value={props.invite?.values.role}
            error={props.invite?.errors.role}
          />
          <Button>{t("people.invite.submit")}</Button>
        </Form>
      </section>
    </div>
  );
}

export function PersonPage(props: { person: PersonRow }) {
  const { t, tenant, actor } = usePage();
  const p = props.person;
  return (
    <div class="stack">
      <Heading>{p.name}</Heading>
      <P>{p.email}</P>
      <P>{t(p.email_verified_at ? "people.verified" : "people.notVerified")}</P>
      <Heading level={2}>{t("people.roles")}</Heading>
      <ul class="ds-list">
        {STAFF_ROLES.map((role) => {
          const has = p.roles.includes(role);
          const allowed = isPerson(actor) && canGrantRole(actor, { tenantId: tenant.id, role });
          return (
            <li>
              <Form action={`/people/${p.id}/roles`} class="actions" aria-label={t(roleLabels[role] as MessageKey)}>
                <input type="hidden" name="role" value={role} />
                <input type="hidden" name="action" value={has ? "revoke" : "grant"} />
                <span>
                  {t(roleLabels[role] as MessageKey)}: {t(has ? "common.yes" : "common.no")}
                </span>
                {allowed && (
                  <Button variant="secondary" size="sm">
                    {t(has ? "people.revoke" : "people.grant")}
                  </Button>
                )}
              </Form>
            </li>
          );
        })}
      </ul>
      <ButtonLink href="/people" variant="tertiary">
        {t("people.back")}
      </ButtonLink>
    </div>
  );
}

export function InvitationPage(props: { invitation: Invitation | null; token: string }) {
  const { t, actor } = usePage();
  const inv = props.invitation;
  if (!inv) {
    return (
      <div class="stack">
        <Heading>{t("auth.linkInvalid.title")}</Heading>
        <P>{t("error.linkInvalid")}</P>
      </div>
    );
  }
  const next = `/invitations/accept?token=${encodeURIComponent(props.token)}`;
  return (
    <div class="stack form">
      <Heading>{t("invitation.title")}</Heading>
      <P>{t("invitation.for", { email: inv.email, role: t(roleLabels[inv.role] as MessageKey) })}</P>
      {!isPerson(actor) ? (
        <>
          <P>{t("invitation.signInFirst")}</P>
          <div class="actions">
            <ButtonLink href={`/sign-in?next=${encodeURIComponent(next)}`} variant="primary">
              {t("auth.signIn")}
            </ButtonLink>
            <ButtonLink href="/sign-up">{t("auth.signUp")}</ButtonLink>
          </div>
        </>
      ) : actor.email !== inv.email ? (
        <Alert color="warning">{t("invitation.wrongAccount")}</Alert>
      ) : (
        <Form action="/invitations/accept">
          <input type="hidden" name="token" value={props.token} />
          <Button>{t("invitation.accept")}</Button>
        </Form>
      )}
    </div>
  );
}
