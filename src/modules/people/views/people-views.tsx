import { isPerson, STAFF_ROLES, type StaffRole } from "../../../platform/auth/policy.js";
import type { FieldErrors } from "../../../platform/http/errors.js";
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
import { roleLabels } from "../people.labels.js";
import type { Invitation, PersonRecord } from "../people.model.js";
import type { PeopleQuery } from "../people.schema.js";

export function PeoplePage(props: {
  rows: PersonRecord[];
  total: number;
  query: PeopleQuery;
  pages: number;
  /** The roles the person looking may give. */
  grantable: StaffRole[];
  invite?: { values: Record<string, string>; errors: FieldErrors };
}) {
  const { t, fmt } = usePage();
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
              { key: "roles", label: "people.roles", cell: (r) => r.roles.map((x) => t(roleLabels[x])).join(", ") || t("role.citizen") },
              { key: "created", label: "table.created", cell: (r) => fmt.dateTime(r.createdAt) },
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
            options={props.grantable.map((r) => ({ value: r, label: t(roleLabels[r]) }))}
            value={props.invite?.values.role}
            error={props.invite?.errors.role}
          />
          <Button>{t("people.invite.submit")}</Button>
        </Form>
      </section>
    </div>
  );
}

export function PersonPage(props: { person: PersonRecord; grantable: StaffRole[] }) {
  const { t } = usePage();
  const p = props.person;
  return (
    <div class="stack">
      <Heading>{p.name}</Heading>
      <P>{p.email}</P>
      <P>{t(p.emailVerifiedAt ? "people.verified" : "people.notVerified")}</P>
      <Heading level={2}>{t("people.roles")}</Heading>
      <ul class="ds-list">
        {STAFF_ROLES.map((role) => {
          const has = p.roles.includes(role);
          const allowed = props.grantable.includes(role);
          return (
            <li>
              <Form action={`/people/${p.id}/roles`} class="actions" aria-label={t(roleLabels[role])}>
                <input type="hidden" name="role" value={role} />
                <input type="hidden" name="action" value={has ? "revoke" : "grant"} />
                <span>
                  {t(roleLabels[role])}: {t(has ? "common.yes" : "common.no")}
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
      <P>{t("invitation.for", { email: inv.email, role: t(roleLabels[inv.role]) })}</P>
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
