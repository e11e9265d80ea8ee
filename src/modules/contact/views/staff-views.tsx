import type { FieldErrors } from "../../../platform/http/errors.js";
import type { Lang, MessageKey } from "../../../platform/i18n/i18n.js";
import { Alert, Button, ButtonLink, DataTable, EmptyState, ErrorSummary, Field, Form, Heading, Link, P, Select } from "../../../platform/ui/components.js";
import { FactBox, Paragraphs, telHref } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { EnquiryPage, InboxItem, StatusFilter } from "../enquiries.js";
import type { TopicRow } from "../topics.js";
import { statusLabels } from "./public-views.js";

type Person = { id: string; name: string };
type FormState = { values: Record<string, string>; errors: FieldErrors };

const FILTERS: { value: StatusFilter; label: MessageKey }[] = [
  { value: "open", label: "contact.filter.open" },
  { value: "new", label: "contact.status.new" },
  { value: "answered", label: "contact.status.answered" },
  { value: "closed", label: "contact.status.closed" },
  { value: "all", label: "contact.filter.all" },
];

function AdminLinks() {
  const { t } = usePage();
  return (
    <P>
      <Link href="/contact/topics">{t("contact.topics.title")}</Link> · <Link href="/contact/settings">{t("contact.settings.title")}</Link> ·{" "}
      <Link href="/contact/enquiries">{t("contact.inbox.title")}</Link>
    </P>
  );
}

export function TopicsPage(props: { topics: TopicRow[] }) {
  const { t } = usePage();
  return (
    <div class="stack">
      <Heading>{t("contact.topics.title")}</Heading>
      <P>{t("contact.topics.intro")}</P>
      <AdminLinks />
      <div>
        <ButtonLink href="/contact/topics/new" variant="primary">
          {t("contact.topics.new")}
        </ButtonLink>
      </div>
      {props.topics.length === 0 ? (
        <EmptyState title="contact.topics.empty" text="contact.topics.emptyText" />
      ) : (
        <DataTable
          caption={t("contact.topics.title")}
          rows={props.topics}
          columns={[
            { key: "name", label: "contact.topic.name", cell: (r) => <Link href={`/contact/topics/${r.topic.id}`}>{r.name}</Link> },
            { key: "unit", label: "contact.topic.unit", cell: (r) => r.topic.unitName },
            { key: "who", label: "contact.topic.who", cell: (r) => r.personName ?? r.topic.inboxEmail ?? t("contact.topic.nobody") },
            { key: "position", label: "contact.topic.position", cell: (r) => String(r.topic.position) },
            { key: "active", label: "contact.topic.activeColumn", cell: (r) => t(r.topic.active ? "contact.topic.shown" : "contact.topic.hidden") },
          ]}
        />
      )}
    </div>
  );
}

export function TopicFormPage(props: { action: string; title: string; languages: Lang[]; people: Person[]; form: FormState }) {
  const { t, fmt } = usePage();
  const v = props.form.values;
  const errors = props.form.errors;
  return (
    <div class="stack form">
      <Heading>{props.title}</Heading>
      <ErrorSummary errors={errors} />
      <Form action={props.action}>
        {props.languages.map((l, i) => (
          <div lang={l}>
            <Field
              name={`name_${l}`}
              label={{ text: t("contact.topic.nameIn", { language: fmt.languages([l]) }) }}
              required={i === 0}
              value={v[`name_${l}`]}
              error={errors[`name_${l}`]}
            />
          </div>
        ))}
        <Field name="unitName" label="contact.topic.unit" hint="contact.topic.unitHint" required value={v.unitName} error={errors.unitName} />
        <fieldset class="ds-fieldset stack">
          <legend class="ds-label">{t("contact.topic.who")}</legend>
          <P>{t("contact.topic.whoHint")}</P>
          <Select
            name="staffUserId"
            label="contact.topic.person"
            options={[{ value: "", label: t("contact.topic.noPerson") }, ...props.people.map((p) => ({ value: p.id, label: p.name }))]}
            value={v.staffUserId}
            error={errors.staffUserId}
          />
          <Field name="inboxEmail" label="contact.topic.inbox" hint="contact.topic.inboxHint" type="email" value={v.inboxEmail} error={errors.inboxEmail} />
        </fieldset>
        <Field name="position" label="contact.topic.position" hint="contact.topic.positionHint" type="number" value={v.position} error={errors.position} />
        <div class="ds-field">
          <input class="ds-input" type="checkbox" name="active" id="f-active" checked={v.active === "on"} />
          <label class="ds-label" for="f-active">
            {t("contact.topic.active")}
          </label>
        </div>
        <div class="actions">
          <Button>{t("form.save")}</Button>
          <ButtonLink href="/contact/topics" variant="tertiary">
            {t("form.cancel")}
          </ButtonLink>
        </div>
      </Form>
    </div>
  );
}

export function SettingsPage(props: { form: FormState }) {
  const { t } = usePage();
  const v = props.form.values;
  const errors = props.form.errors;
  return (
    <div class="stack form">
      <Heading>{t("contact.settings.title")}</Heading>
      <P>{t("contact.settings.intro")}</P>
      <AdminLinks />
      <ErrorSummary errors={errors} />
      <Form action="/contact/settings">
        <Field name="answerDays" label="contact.settings.answerDays" type="number" required value={v.answerDays} error={errors.answerDays} />
        <Select
          name="dayKind"
          label="contact.settings.dayKind"
          options={[
            { value: "calendar", label: t("contact.settings.calendar") },
            { value: "working", label: t("contact.settings.working") },
          ]}
          value={v.dayKind}
          error={errors.dayKind}
        />
        <Field
          name="escalateDays"
          label="contact.settings.escalateDays"
          hint="contact.settings.escalateHint"
          type="number"
          required
          value={v.escalateDays}
          error={errors.escalateDays}
        />
        <Field
          name="keepMonths"
          label="contact.settings.keepMonths"
          hint="contact.settings.keepHint"
          type="number"
          required
          value={v.keepMonths}
          error={errors.keepMonths}
        />
        <Button>{t("form.save")}</Button>
      </Form>
    </div>
  );
}

export function InboxPage(props: { items: InboxItem[]; filter: StatusFilter; mayManage: boolean }) {
  const { t, fmt } = usePage();
  return (
    <div class="stack">
      <Heading>{t("contact.inbox.title")}</Heading>
      <P>{t(props.mayManage ? "contact.inbox.introAdmin" : "contact.inbox.intro")}</P>
      {props.mayManage && <AdminLinks />}
      <nav aria-label={t("contact.inbox.filter")}>
        <ul class="contact-filters">
          {FILTERS.map((f) => (
            <li>
              <Link href={`/contact/enquiries?status=${f.value}`} current={f.value === props.filter}>
                {t(f.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {props.items.length === 0 ? (
        <EmptyState title="contact.inbox.empty" text="contact.inbox.emptyText" />
      ) : (
        <DataTable
          caption={t("contact.inbox.title")}
          rows={props.items}
          columns={[
            { key: "from", label: "contact.inbox.from", cell: (r) => <Link href={`/contact/enquiries/${r.id}`}>{r.senderName}</Link> },
            { key: "topic", label: "contact.form.topic", cell: (r) => r.topicName },
            { key: "received", label: "contact.inbox.received", cell: (r) => fmt.dateShort(r.createdAt) },
            {
              key: "deadline",
              label: "contact.follow.deadline",
              cell: (r) => (
                <>
                  {fmt.dateShort(r.dueAt)}
                  {r.overdue && (
                    <>
                      {" "}
                      <span class="ds-tag" data-color="danger">
                        {t("contact.overdue")}
                      </span>
                    </>
                  )}
                </>
              ),
            },
            { key: "status", label: "contact.follow.status", cell: (r) => t(statusLabels[r.status]) },
          ]}
        />
      )}
    </div>
  );
}

export function EnquiryStaffPage(props: { page: EnquiryPage; answer?: FormState; note?: FormState; move?: FormState }) {
  const { t, fmt } = usePage();
  const { enquiry: e } = props.page;
  const closed = e.status === "closed";
  const errors = { ...props.answer?.errors, ...props.note?.errors, ...props.move?.errors };
  return (
    <div class="stack form">
      <P>
        <Link href="/contact/enquiries">{t("contact.inbox.back")}</Link>
      </P>
      <Heading>{t("contact.enquiry.title", { name: e.senderName, topic: props.page.topicName })}</Heading>
      {props.page.overdue && <Alert color="warning">{t("contact.enquiry.overdue", { date: fmt.date(e.dueAt) })}</Alert>}
      <ErrorSummary errors={errors} />
      <FactBox
        facts={[
          ["contact.follow.status", t(statusLabels[e.status])],
          ["contact.form.topic", props.page.topicName],
          ["contact.follow.unit", props.page.topic.unitName],
          ["contact.follow.sent", fmt.dateTime(e.createdAt)],
          ["contact.follow.deadline", fmt.date(e.dueAt)],
          ["contact.form.email", <Link href={`mailto:${e.senderEmail}`}>{e.senderEmail}</Link>],
          ["contact.form.phone", e.senderPhone ? <Link href={telHref(e.senderPhone)}>{e.senderPhone}</Link> : null],
        ]}
      />
      <section class="stack" aria-labelledby="message-heading">
        <h2 class="ds-heading" data-size="md" id="message-heading">
          {t("contact.follow.message")}
        </h2>
        <Paragraphs text={e.message} />
      </section>
      {e.answer && (
        <section class="stack" aria-labelledby="answer-heading">
          <h2 class="ds-heading" data-size="md" id="answer-heading">
            {t("contact.follow.answer")}
          </h2>
          {e.answeredAt && <P>{t("contact.enquiry.answeredBy", { name: props.page.answeredByName ?? "—", date: fmt.date(e.answeredAt) })}</P>}
          <Paragraphs text={e.answer} />
        </section>
      )}
      {!closed && (
        <Form action={`/contact/enquiries/${e.id}/answer`} aria-label={t("contact.answer.title")}>
          <Field
            name="answer"
            label={e.answer ? "contact.answer.again" : "contact.answer.title"}
            hint="contact.answer.hint"
            multiline
            rows={8}
            required
            value={props.answer?.values.answer}
            error={props.answer?.errors.answer}
          />
          <Button>{t("contact.answer.send")}</Button>
        </Form>
      )}
      <Form action={`/contact/enquiries/${e.id}/note`} aria-label={t("contact.note.title")}>
        <Field
          name="note"
          label="contact.note.title"
          hint="contact.note.hint"
          multiline
          rows={4}
          value={props.note?.values.note ?? e.internalNote}
          error={props.note?.errors.note}
        />
        <Button variant="secondary">{t("contact.note.save")}</Button>
      </Form>
      {!closed && props.page.moveTo.length > 0 && (
        <Form action={`/contact/enquiries/${e.id}/move`} aria-label={t("contact.move.title")}>
          <Select
            name="topicId"
            label="contact.move.title"
            options={[{ value: "", label: t("contact.form.chooseTopic") }, ...props.page.moveTo.map((x) => ({ value: x.id, label: x.name }))]}
            value={props.move?.values.topicId}
            error={props.move?.errors.topicId}
          />
          <Button variant="secondary">{t("contact.move.send")}</Button>
        </Form>
      )}
      {!closed && (
        <Form action={`/contact/enquiries/${e.id}/close`} aria-label={t("contact.close.title")}>
          <P>{t("contact.close.hint")}</P>
          <Button variant="secondary">{t("contact.close.send")}</Button>
        </Form>
      )}
    </div>
  );
}
