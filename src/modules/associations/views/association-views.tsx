import type { FieldErrors } from "../../../platform/http/errors.js";
import { countryProfile } from "../../../platform/tenants/countries.js";
import { Button, ButtonLink, DataTable, EmptyState, ErrorSummary, Field, Form, Heading, Link, P, Pagination, Select } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { Association, Member } from "../associations.model.js";
import type { ListQuery } from "../associations.schema.js";

const listHref = (q: ListQuery, change: Partial<ListQuery>) => {
  const next = { ...q, ...change };
  const params = new URLSearchParams({ q: next.q, sort: next.sort, dir: next.dir, page: String(next.page) });
  return `/associations?${params}`;
};

export function AssociationListPage(props: { rows: Association[]; total: number; query: ListQuery; pages: number; staffView: boolean }) {
  const { t, fmt } = usePage();
  const { query } = props;
  return (
    <div class="stack">
      <Heading>{t(props.staffView ? "association.list.titleAll" : "association.list.title")}</Heading>
      <div class="actions">
        <ButtonLink href="/associations/new" variant="primary">
          {t("association.new.title")}
        </ButtonLink>
        {props.staffView && <ButtonLink href="/associations/import">{t("import.title")}</ButtonLink>}
        {props.total > 0 && <Link href={`/associations/export.csv?q=${encodeURIComponent(query.q)}`}>{t("table.exportCsv")}</Link>}
      </div>
      {props.staffView && (
        <Form action="/associations" method="get" class="filters" aria-label={t("table.search")}>
          <Field name="q" label="table.search" type="search" value={query.q} required />
          <Button variant="secondary">{t("table.searchButton")}</Button>
        </Form>
      )}
      {props.rows.length === 0 ? (
        <EmptyState title={query.q ? "association.list.noMatch" : "association.list.empty"} text={query.q ? undefined : "association.list.emptyText"} />
      ) : (
        <>
          <P>{t("table.count", { count: props.total })}</P>
          <DataTable
            caption={t("association.list.title")}
            rows={props.rows}
            sort={{ key: query.sort, dir: query.dir, href: (key, dir) => listHref(query, { sort: key as ListQuery["sort"], dir, page: 1 }) }}
            columns={[
              { key: "name", label: "association.name", sortable: true, cell: (r) => <Link href={`/associations/${r.id}`}>{r.name}</Link> },
              { key: "registrationNumber", label: "association.regNumber", cell: (r) => r.registrationNumber ?? "–" },
              { key: "email", label: "auth.email", cell: (r) => r.email },
              { key: "created_at", label: "table.created", sortable: true, cell: (r) => fmt.dateTime(r.createdAt) },
            ]}
          />
          <Pagination page={query.page} pages={props.pages} href={(page) => listHref(query, { page })} />
        </>
      )}
    </div>
  );
}

export function AssociationFormPage(props: { action: string; values?: Record<string, string>; errors?: FieldErrors }) {
  const { t, tenant } = usePage();
  const values = props.values ?? {};
  const errors = props.errors ?? {};
  const editing = props.action.endsWith("/edit");
  return (
    <div class="stack form">
      <Heading>{t(editing ? "association.edit.title" : "association.new.title")}</Heading>
      <ErrorSummary errors={errors} />
      <Form action={props.action}>
        <Field name="name" label="association.name" required value={values.name} error={errors.name} autocomplete="organization" />
        <Field
          name="registrationNumber"
          label="association.regNumber"
          hint={countryProfile(tenant.country).register.hint}
          value={values.registrationNumber}
          error={errors.registrationNumber}
        />
        <Field name="email" label="association.email" type="email" required value={values.email} error={errors.email} autocomplete="email" />
        <Field name="phone" label="association.phone" type="tel" value={values.phone} error={errors.phone} autocomplete="tel" />
        <div class="actions">
          <Button>{t("form.save")}</Button>
          <ButtonLink href="/associations" variant="tertiary">
            {t("form.cancel")}
          </ButtonLink>
        </div>
      </Form>
    </div>
  );
}

export function AssociationPage(props: {
  association: Association;
  members: Member[];
  mayEdit: boolean;
  mayManageMembers: boolean;
  invite?: { values: Record<string, string>; errors: FieldErrors };
}) {
  const { t } = usePage();
  const a = props.association;
  const manage = props.mayManageMembers;
  const roleOptions = [
    { value: "member", label: t("role.association_member") },
    { value: "admin", label: t("role.association_admin") },
  ];
  return (
    <div class="stack">
      <Heading>{a.name}</Heading>
      <dl>
        <dt>{t("association.regNumber")}</dt>
        <dd>{a.registrationNumber ?? "–"}</dd>
        <dt>{t("association.email")}</dt>
        <dd>{a.email}</dd>
        <dt>{t("association.phone")}</dt>
        <dd>{a.phone ?? "–"}</dd>
      </dl>
      {props.mayEdit && (
        <div class="actions">
          <ButtonLink href={`/associations/${a.id}/edit`}>{t("association.edit.title")}</ButtonLink>
          <ButtonLink href={`/opportunities/association/${a.id}`}>{t("opportunity.mine.title")}</ButtonLink>
          <ButtonLink href={`/directory/association/${a.id}`}>{t("offer.mine.title")}</ButtonLink>
          <ButtonLink href={`/directory/associations/${a.id}`}>{t("directory.profile.title")}</ButtonLink>
        </div>
      )}
      <Heading level={2}>{t("association.members")}</Heading>
      {props.members.length === 0 ? (
        <EmptyState title="association.members.empty" />
      ) : (
        <DataTable
          caption={t("association.members")}
          rows={props.members}
          columns={[
            { key: "name", label: "auth.name", cell: (m) => m.name },
            { key: "email", label: "auth.email", cell: (m) => m.email },
            {
              key: "role",
              label: "people.roles",
              cell: (m) =>
                manage ? (
                  <Form action={`/associations/${a.id}/members/${m.id}`} class="actions" aria-label={t("association.member.manage", { name: m.name })}>
                    <label class="ds-sr-only" for={`role-${m.id}`}>
                      {t("association.member.roleFor", { name: m.name })}
                    </label>
                    <select class="ds-input" id={`role-${m.id}`} name="role">
                      {roleOptions.map((o) => (
                        <option value={o.value} selected={o.value === m.role}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                    <Button variant="secondary" size="sm" name="action" value="role">
                      {t("form.save")}
                    </Button>
                    <Button variant="tertiary" color="danger" size="sm" name="action" value="remove">
                      {t("association.member.remove")}
                    </Button>
                  </Form>
                ) : (
                  t(m.role === "admin" ? "role.association_admin" : "role.association_member")
                ),
            },
          ]}
        />
      )}
      {manage && (
        <section class="stack" aria-labelledby="invite-heading">
          <h2 class="ds-heading" data-size="md" id="invite-heading">
            {t("association.invite.title")}
          </h2>
          <ErrorSummary errors={props.invite?.errors ?? {}} />
          <Form action={`/associations/${a.id}/invite`}>
            <Field name="email" label="auth.email" type="email" required value={props.invite?.values.email} error={props.invite?.errors.email} />
            <Select name="role" label="people.role" options={roleOptions} value={props.invite?.values.role ?? "member"} error={props.invite?.errors.role} />
            <Button>{t("association.invite.submit")}</Button>
          </Form>
        </section>
      )}
    </div>
  );
}
