import type { FieldErrors } from "../../../platform/http/errors.js";
import type { MessageKey } from "../../../platform/i18n/i18n.js";
import { Alert, Button, EmptyState, ErrorSummary, Field, Form, Heading, Link, P, Select } from "../../../platform/ui/components.js";
import { FactBox, Paragraphs } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { EnquiryStatus, FollowView } from "../contact.model.js";
import type { PublicTopic } from "../topics.js";

export const statusLabels: Record<EnquiryStatus, MessageKey> = {
  new: "contact.status.new",
  answered: "contact.status.answered",
  closed: "contact.status.closed",
};

/** The public contact form: who you are, what it is about, and your message. */
export function ContactFormPage(props: { topics: PublicTopic[]; values: Record<string, string>; errors?: FieldErrors }) {
  const { t } = usePage();
  const v = props.values;
  const errors = props.errors ?? {};
  return (
    <div class="stack form">
      <Heading>{t("contact.form.title")}</Heading>
      <P>{t("contact.form.intro")}</P>
      <P>
        <Link href="/contact/who">{t("contact.who.link")}</Link>
      </P>
      {props.topics.length === 0 ? (
        <EmptyState title="contact.form.noTopics" text="contact.form.noTopicsText" />
      ) : (
        <>
          <ErrorSummary errors={errors} />
          <Form action="/contact">
            <Select
              name="topicId"
              label="contact.form.topic"
              options={[{ value: "", label: t("contact.form.chooseTopic") }, ...props.topics.map((x) => ({ value: x.id, label: x.name }))]}
              value={v.topicId}
              error={errors.topicId}
            />
            <Field name="name" label="contact.form.name" autocomplete="name" required value={v.name} error={errors.name} />
            <Field
              name="email"
              label="contact.form.email"
              hint="contact.form.emailHint"
              type="email"
              autocomplete="email"
              required
              value={v.email}
              error={errors.email}
            />
            <Field name="phone" label="contact.form.phone" type="tel" autocomplete="tel" value={v.phone} error={errors.phone} />
            <Field
              name="message"
              label="contact.form.message"
              hint="contact.form.messageHint"
              multiline
              rows={8}
              required
              value={v.message}
              error={errors.message}
            />
            <Button>{t("contact.form.send")}</Button>
          </Form>
        </>
      )}
    </div>
  );
}

export function SentPage() {
  const { t } = usePage();
  return (
    <div class="stack form">
      <Heading>{t("contact.sent.title")}</Heading>
      <Alert color="success">{t("contact.sent.text")}</Alert>
      <P>
        <Link href="/contact/who">{t("contact.who.link")}</Link>
      </P>
    </div>
  );
}

/** Who to contact about what: each topic with its unit and how to reach it. */
export function WhoPage(props: { topics: PublicTopic[] }) {
  const { t } = usePage();
  return (
    <div class="stack">
      <Heading>{t("contact.who.title")}</Heading>
      <P>{t("contact.who.intro")}</P>
      {props.topics.length === 0 ? (
        <EmptyState title="contact.form.noTopics" text="contact.form.noTopicsText" />
      ) : (
        <ul class="stack contact-who" aria-label={t("contact.who.title")}>
          {props.topics.map((x) => (
            <li class="ds-card stack">
              <h2 class="ds-heading" data-size="sm">
                {x.name}
              </h2>
              <P>{t("contact.who.answers", { unit: x.unitName })}</P>
              <P>
                <Link href={`/contact?topic=${encodeURIComponent(x.id)}`}>{t("contact.who.write", { topic: x.name })}</Link>
              </P>
              {x.inboxEmail && (
                <P>
                  {t("contact.who.orMail")} <Link href={`mailto:${x.inboxEmail}`}>{x.inboxEmail}</Link>
                </P>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The sender's own page, by the private link: the status, the deadline and the answer. Never the staff's note. */
export function FollowPage(props: { view: FollowView }) {
  const { t, fmt } = usePage();
  const v = props.view;
  return (
    <div class="stack form">
      <Heading>{t("contact.follow.title", { topic: v.topicName })}</Heading>
      <FactBox
        facts={[
          ["contact.follow.status", t(statusLabels[v.status])],
          ["contact.follow.unit", v.unitName],
          ["contact.follow.sent", fmt.dateTime(v.createdAt)],
          ["contact.follow.deadline", v.status === "new" ? fmt.date(v.dueAt) : null],
        ]}
      />
      <section class="stack" aria-labelledby="answer-heading">
        <Heading level={2} size="md">
          <span id="answer-heading">{t("contact.follow.answer")}</span>
        </Heading>
        {v.answer ? (
          <>
            {v.answeredAt && <P>{t("contact.follow.answeredOn", { date: fmt.date(v.answeredAt) })}</P>}
            <Paragraphs text={v.answer} />
          </>
        ) : (
          <P>{v.status === "closed" ? t("contact.follow.closedNoAnswer") : t("contact.follow.noAnswer", { date: fmt.date(v.dueAt) })}</P>
        )}
      </section>
      <section class="stack" aria-labelledby="message-heading">
        <Heading level={2} size="md">
          <span id="message-heading">{t("contact.follow.message")}</span>
        </Heading>
        <Paragraphs text={v.message} />
      </section>
    </div>
  );
}
