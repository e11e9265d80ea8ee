import type { FieldErrors } from "../../../platform/http/errors.js";
import type { MessageKey } from "../../../platform/i18n/i18n.js";
import { Button, ButtonLink, Checkboxes, DataTable, EmptyState, ErrorSummary, Field, Form, Heading, Link, P, Select } from "../../../platform/ui/components.js";
import { Breadcrumbs, FactBox } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { FEE_STATUSES, type FeeStatus, MEMBERSHIP_TYPES, type Member, type MemberFilter, type MemberGroup, type MembershipType } from "../members.model.js";

type FormState = { values: Record<string, string>; errors: FieldErrors };

export const TYPE_LABELS: Record<MembershipType, MessageKey> = {
  full: "members.type.full",
  associate: "members.type.associate",
  supporting: "members.type.supporting",
};
export const FEE_LABELS: Record<FeeStatus, MessageKey> = {
  unpaid: "members.fee.unpaid",
  paid: "members.fee.paid",
  exempt: "members.fee.exempt",
};
const STATUS_LABELS: Record<MemberFilter["status"], MessageKey> = {
  current: "members.filter.current",
  left: "members.filter.left",
  all: "members.filter.all",
};

const groupNames = (m: Member, groups: MemberGroup[]) =>
  groups
    .filter((g) => m.groupIds.includes(g.id))
    .map((g) => g.name)
    .join(", ");

export function MembersListPage(props: { members: Member[]; groups: MemberGroup[]; filter: MemberFilter; year: number; csvHref: string }) {
  const { t, fmt } = usePage();
  const { filter } = props;
  return (
    <div class="stack members">
      <Heading>{t("members.title")}</Heading>
      <P>{t("members.intro")}</P>
      <p class="actions">
        <ButtonLink href="/members/new" variant="primary">
          {t("members.add")}
        </ButtonLink>
        <ButtonLink href="/members/groups" variant="secondary">
          {t("members.groups.title")}
        </ButtonLink>
      </p>
      <Form action="/members" method="get" class="form members-filter" aria-label={t("members.filter.label")}>
        <Select
          name="group"
          label="members.filter.group"
          value={filter.groupId ?? ""}
          options={[{ value: "", label: t("members.filter.anyGroup") }, ...props.groups.map((g) => ({ value: g.id, label: g.name }))]}
        />
        <Select
          name="type"
          label="members.filter.type"
          value={filter.type ?? ""}
          options={[{ value: "", label: t("members.filter.anyType") }, ...MEMBERSHIP_TYPES.map((v) => ({ value: v, label: t(TYPE_LABELS[v]) }))]}
        />
        <Select
          name="status"
          label="members.filter.status"
          value={filter.status}
          options={(["current", "left", "all"] as const).map((v) => ({ value: v, label: t(STATUS_LABELS[v]) }))}
        />
        <div class="actions">
          <Button variant="secondary">{t("members.filter.show")}</Button>
        </div>
      </Form>
      <P>{t("members.count", { count: props.members.length })}</P>
      {props.members.length ? (
        <>
          <DataTable
            caption={t("members.title")}
            rows={props.members}
            columns={[
              { key: "name", label: "members.col.association", cell: (m) => <Link href={`/members/${m.id}`}>{m.associationName}</Link> },
              { key: "type", label: "members.col.type", cell: (m) => t(TYPE_LABELS[m.membershipType]) },
              { key: "groups", label: "members.col.groups", cell: (m) => groupNames(m, props.groups) || "–" },
              { key: "joined", label: "members.col.joined", cell: (m) => fmt.date(m.joinedOn) },
              { key: "left", label: "members.col.left", cell: (m) => (m.leftOn ? fmt.date(m.leftOn) : "–") },
              {
                key: "fee",
                label: "members.col.fee",
                cell: (m) => t(FEE_LABELS[m.fees[props.year] ?? "unpaid"]),
              },
            ]}
          />
          <p>
            <Link href={props.csvHref} download>
              {t("members.csv")}
            </Link>
          </p>
        </>
      ) : (
        <EmptyState title="members.empty.title" text="members.empty.text" />
      )}
    </div>
  );
}

function MemberFields(props: { groups: MemberGroup[]; values: Record<string, string>; chosen: string[]; errors: FieldErrors; withLeft: boolean }) {
  const { t } = usePage();
  const v = props.values;
  return (
    <>
      <Select
        name="membershipType"
        label="members.type"
        value={v.membershipType ?? "full"}
        error={props.errors.membershipType}
        options={MEMBERSHIP_TYPES.map((x) => ({ value: x, label: t(TYPE_LABELS[x]) }))}
      />
      <Field name="joinedOn" label="members.joinedOn" type="date" required value={v.joinedOn} error={props.errors.joinedOn} />
      {props.withLeft && <Field name="leftOn" label="members.leftOn" hint="members.leftOn.hint" type="date" value={v.leftOn} error={props.errors.leftOn} />}
      {props.groups.length ? (
        <Checkboxes name="groups" legend="members.groups.choose" options={props.groups.map((g) => ({ value: g.id, label: g.name }))} chosen={props.chosen} />
      ) : (
        <P>{t("members.groups.none")}</P>
      )}
    </>
  );
}

export function NewMemberPage(props: {
  associations: { id: string; name: string }[];
  groups: MemberGroup[];
  form?: FormState;
  chosen?: string[];
  today: string;
}) {
  const { t } = usePage();
  const v = props.form?.values ?? { joinedOn: props.today };
  const errors = props.form?.errors ?? {};
  const chosen = props.chosen ?? [];
  return (
    <div class="stack members">
      <Breadcrumbs trail={[{ href: "/members", label: t("members.title") }]} current={t("members.add")} />
      <Heading>{t("members.add")}</Heading>
      <ErrorSummary errors={errors} />
      {props.associations.length ? (
        <Form action="/members">
          <Select
            name="associationId"
            label="members.association"
            value={v.associationId}
            error={errors.associationId}
            options={[{ value: "", label: t("members.association.choose") }, ...props.associations.map((a) => ({ value: a.id, label: a.name }))]}
          />
          <MemberFields groups={props.groups} values={v} chosen={chosen} errors={errors} withLeft={false} />
          <div class="actions">
            <Button variant="primary">{t("members.add.submit")}</Button>
          </div>
        </Form>
      ) : (
        <EmptyState title="members.add.noneTitle" text="members.add.noneText" />
      )}
    </div>
  );
}

export function MemberPage(props: { member: Member; groups: MemberGroup[]; year: number; form?: FormState; chosen?: string[] }) {
  const { t, fmt } = usePage();
  const m = props.member;
  const v = props.form?.values ?? { membershipType: m.membershipType, joinedOn: m.joinedOn, leftOn: m.leftOn ?? "" };
  const errors = props.form?.errors ?? {};
  const chosen = props.chosen ?? m.groupIds;
  const years = Object.keys(m.fees)
    .map(Number)
    .sort((a, b) => b - a);
  return (
    <div class="stack members">
      <Breadcrumbs trail={[{ href: "/members", label: t("members.title") }]} current={m.associationName} />
      <Heading>{m.associationName}</Heading>
      <FactBox
        facts={[
          ["members.type", t(TYPE_LABELS[m.membershipType])],
          ["members.joinedOn", fmt.date(m.joinedOn)],
          ["members.leftOn", m.leftOn ? fmt.date(m.leftOn) : null],
          ["members.col.groups", groupNames(m, props.groups) || null],
          ["members.email", m.associationEmail ? <a href={`mailto:${m.associationEmail}`}>{m.associationEmail}</a> : null],
        ]}
      />
      <section class="stack" aria-labelledby="fees-heading">
        <Heading level={2} size="md">
          <span id="fees-heading">{t("members.fees.title")}</span>
        </Heading>
        <P>{t("members.fees.intro")}</P>
        {years.length > 0 && (
          <ul>
            {years.map((y) => (
              <li>
                {y}: {t(FEE_LABELS[m.fees[y] ?? "unpaid"])}
              </li>
            ))}
          </ul>
        )}
        <Form action={`/members/${m.id}/fees`}>
          <input type="hidden" name="year" value={String(props.year)} />
          <Select
            name="status"
            label="members.fees.status"
            value={m.fees[props.year] ?? "unpaid"}
            options={FEE_STATUSES.map((s) => ({ value: s, label: `${props.year}: ${t(FEE_LABELS[s])}` }))}
          />
          <div class="actions">
            <Button variant="secondary">{t("members.fees.save")}</Button>
          </div>
        </Form>
      </section>
      <section class="stack" aria-labelledby="edit-heading">
        <Heading level={2} size="md">
          <span id="edit-heading">{t("members.edit.title")}</span>
        </Heading>
        <ErrorSummary errors={errors} />
        <Form action={`/members/${m.id}`}>
          <MemberFields groups={props.groups} values={v} chosen={chosen} errors={errors} withLeft />
          <div class="actions">
            <Button variant="primary">{t("members.edit.save")}</Button>
          </div>
        </Form>
      </section>
    </div>
  );
}

export function GroupsPage(props: { groups: MemberGroup[]; form?: FormState }) {
  const { t } = usePage();
  const v = props.form?.values ?? {};
  const errors = props.form?.errors ?? {};
  return (
    <div class="stack members">
      <Breadcrumbs trail={[{ href: "/members", label: t("members.title") }]} current={t("members.groups.title")} />
      <Heading size="lg">{t("members.groups.title")}</Heading>
      <P>{t("members.groups.intro")}</P>
      {props.groups.length ? (
        <ul class="stack members-groups">
          {props.groups.map((g) => (
            <li class="ds-card stack">
              <Heading level={2} size="sm">
                <Link href={`/members?group=${g.id}`}>{g.name}</Link>
              </Heading>
              <P>{t("members.groups.count", { count: g.count })}</P>
              <P>
                <Link href={`/members/groups/${g.id}`} aria-label={t("members.group.renameNamed", { name: g.name })}>
                  {t("members.group.rename")}
                </Link>
              </P>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="members.groups.empty.title" text="members.groups.empty.text" />
      )}
      <section class="stack" aria-labelledby="new-group">
        <Heading level={2} size="md">
          <span id="new-group">{t("members.groups.new")}</span>
        </Heading>
        <ErrorSummary errors={errors} />
        <Form action="/members/groups">
          <Field name="name" label="members.group.name" hint="members.group.name.hint" required value={v.name} error={errors.name} />
          <div class="actions">
            <Button variant="primary">{t("members.groups.create")}</Button>
          </div>
        </Form>
      </section>
    </div>
  );
}

export function GroupPage(props: { group: MemberGroup; form?: FormState }) {
  const { t } = usePage();
  const g = props.group;
  const v = props.form?.values ?? { name: g.name };
  const errors = props.form?.errors ?? {};
  return (
    <div class="stack members">
      <Breadcrumbs
        trail={[
          { href: "/members", label: t("members.title") },
          { href: "/members/groups", label: t("members.groups.title") },
        ]}
        current={g.name}
      />
      <Heading>{g.name}</Heading>
      <P>
        <Link href={`/members?group=${g.id}`}>{t("members.groups.count", { count: g.count })}</Link>
      </P>
      <section class="stack" aria-labelledby="rename-group">
        <Heading level={2} size="md">
          <span id="rename-group">{t("members.group.rename")}</span>
        </Heading>
        <P>{t("members.group.rename.intro")}</P>
        <ErrorSummary errors={errors} />
        <Form action={`/members/groups/${g.id}`}>
          <Field name="name" label="members.group.name" hint="members.group.name.hint" required value={v.name} error={errors.name} />
          <div class="actions">
            <Button variant="primary">{t("members.group.rename.save")}</Button>
          </div>
        </Form>
      </section>
    </div>
  );
}
