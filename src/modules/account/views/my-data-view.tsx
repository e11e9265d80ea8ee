import type { Child } from "hono/jsx";
import { actionLabel } from "../../../platform/audit/action-labels.js";
import type { MessageKey } from "../../../platform/i18n/i18n.js";
import { Heading, Link, P } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";

/** What each part of the download is, in words; a part without words here shows its name. */
const SECTIONS: Readonly<Record<string, MessageKey>> = {
  account: "mydata.section.account",
  sign_in_providers: "mydata.section.signIns",
  sessions: "mydata.section.sessions",
  your_activity: "mydata.section.activity",
  reads_of_your_data: "mydata.section.reads",
  emails_sent_to_you: "mydata.section.emails",
  volunteer_profile: "mydata.section.profile",
  matching_consents: "mydata.section.consents",
  applications: "mydata.section.applications",
  bookings: "mydata.section.bookings",
  seasonal_applications: "mydata.section.seasonal",
  saved_searches: "mydata.section.savedSearches",
  association_memberships: "mydata.section.memberships",
  volunteer_jobs_naming_you_as_contact: "mydata.section.contactFor",
};

/** Field names as words: the common ones from the catalogs, the rest with their underscores and capitals undone. */
const FIELDS: Readonly<Record<string, MessageKey>> = {
  name: "auth.name",
  email: "auth.email",
  phone: "mydata.field.phone",
  language: "mydata.field.language",
  created_at: "table.created",
  createdAt: "table.created",
  status: "application.status",
  action: "audit.action",
  at: "audit.when",
  subject: "mydata.field.subject",
  message: "mydata.field.message",
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const words = (key: string) =>
  key
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase()
    .replace(/^./, (c) => c.toUpperCase());

/** Everything held about the person, as a page a person reads: parts as headings, fields in words, times as they write them. */
export function MyDataView(props: { data: Record<string, unknown> }) {
  const { t, fmt } = usePage();
  const label = (key: string) => (Object.hasOwn(FIELDS, key) ? t(FIELDS[key] as MessageKey) : words(key));
  const value = (key: string, v: unknown): Child => {
    if (v === null || v === undefined || v === "") return "–";
    if (typeof v === "boolean") return t(v ? "common.yes" : "common.no");
    if (typeof v === "number") return fmt.number(v);
    if (typeof v === "string") {
      if (key === "action") return actionLabel(t, v);
      if (INSTANT.test(v)) return fmt.dateTime(v);
      if (DAY.test(v)) return fmt.date(v);
      return v;
    }
    if (Array.isArray(v)) {
      if (v.length === 0) return "–";
      if (v.every((x) => typeof x !== "object" || x === null)) return v.map((x) => value(key, x)).join(", ");
      return (
        <ol class="ds-list">
          {v.map((x) => (
            <li>{value(key, x)}</li>
          ))}
        </ol>
      );
    }
    return record(v as Record<string, unknown>);
  };
  const record = (r: Record<string, unknown>) => (
    <dl class="my-data">
      {Object.entries(r).map(([k, v]) => (
        <>
          <dt>{label(k)}</dt>
          <dd>{value(k, v)}</dd>
        </>
      ))}
    </dl>
  );
  const { exported_at: exportedAt, tenant, ...held } = props.data;
  const parts = Object.entries(held).filter(([, v]) => !(Array.isArray(v) && v.length === 0) && v !== null);
  return (
    <div class="stack">
      <Heading>{t("mydata.view.title")}</Heading>
      <P>
        {t("mydata.view.intro")} <Link href="/account/data.json">{t("mydata.download")}</Link>
      </P>
      {typeof exportedAt === "string" && <P>{t("mydata.view.exported", { when: fmt.dateTime(exportedAt), tenant: String(tenant ?? "") })}</P>}
      {parts.map(([key, v]) => (
        <section class="stack" aria-label={Object.hasOwn(SECTIONS, key) ? t(SECTIONS[key] as MessageKey) : words(key)}>
          <Heading level={2} size="sm">
            {Object.hasOwn(SECTIONS, key) ? t(SECTIONS[key] as MessageKey) : words(key)}
          </Heading>
          {value(key, v)}
        </section>
      ))}
    </div>
  );
}
