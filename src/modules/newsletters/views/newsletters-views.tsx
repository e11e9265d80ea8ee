import type { FieldErrors } from "../../../platform/http/errors.js";
import type { MessageKey } from "../../../platform/i18n/i18n.js";
import {
  Alert,
  Button,
  ButtonLink,
  DataTable,
  EmptyState,
  ErrorSummary,
  Field,
  Form,
  GroupedSelect,
  Heading,
  Link,
  P,
} from "../../../platform/ui/components.js";
import { Breadcrumbs, FactBox } from "../../../platform/ui/detail.js";
import { Markdown, MarkdownField } from "../../../platform/ui/markdown.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { Newsletter, NewsletterCounts, NewsletterListItem, NewsletterStatus, SegmentChoice, SegmentKind } from "../newsletters.model.js";

type FormState = { values: Record<string, string>; errors: FieldErrors };

const STATUS_LABELS: Record<NewsletterStatus, MessageKey> = {
  draft: "newsletters.status.draft",
  sending: "newsletters.status.sending",
  sent: "newsletters.status.sent",
};

const CHOICE_LABELS: Record<Exclude<SegmentKind, "subscribers">, MessageKey> = {
  group: "newsletters.segment.group",
  category: "newsletters.segment.category",
  network: "newsletters.segment.network",
};

const GROUP_LABELS: Record<SegmentKind, MessageKey> = {
  group: "newsletters.segment.groups",
  category: "newsletters.segment.categories",
  network: "newsletters.segment.networks",
  subscribers: "newsletters.segment.citizens",
};

const TO_LABELS: Record<Exclude<SegmentKind, "subscribers">, MessageKey> = {
  group: "newsletters.to.group",
  category: "newsletters.to.category",
  network: "newsletters.to.network",
};

/** A choice as the form offers it: its name and count. */
function useSegmentLabel() {
  const { t } = usePage();
  return (c: SegmentChoice) =>
    c.kind === "subscribers" ? t("newsletters.segment.subscribers") : t(CHOICE_LABELS[c.kind], { name: c.name ?? "", count: c.count ?? 0 });
}

/** Whom a newsletter went or goes to, in words: "Medlemsgruppen Kultur", "Foreninger inden for Ældre", "Netværket Frivilligkoordinatorer". */
function useSegmentWords() {
  const { t } = usePage();
  return (kind: SegmentKind, name: string | null) => {
    if (kind === "subscribers") return t("newsletters.segment.subscribers");
    if (!name) return "–";
    return t(TO_LABELS[kind], { name });
  };
}

export function NewslettersPage(props: { items: NewsletterListItem[] }) {
  const { t, fmt } = usePage();
  const words = useSegmentWords();
  return (
    <div class="stack newsletters">
      <Heading>{t("newsletters.title")}</Heading>
      <P>{t("newsletters.intro")}</P>
      <p class="actions">
        <ButtonLink href="/newsletters/new" variant="primary">
          {t("newsletters.new")}
        </ButtonLink>
        <ButtonLink href="/newsletters/archive" variant="secondary">
          {t("newsletters.archive.title")}
        </ButtonLink>
      </p>
      {props.items.length ? (
        <DataTable
          caption={t("newsletters.title")}
          rows={props.items}
          columns={[
            { key: "subject", label: "newsletters.col.subject", cell: (i) => <Link href={`/newsletters/${i.newsletter.id}`}>{i.newsletter.subject}</Link> },
            {
              key: "to",
              label: "newsletters.col.to",
              cell: (i) => words(i.newsletter.segment.kind, i.segmentName),
            },
            { key: "status", label: "newsletters.col.status", cell: (i) => t(STATUS_LABELS[i.newsletter.status]) },
            { key: "sentAt", label: "newsletters.col.sentAt", cell: (i) => (i.newsletter.sentAt ? fmt.date(i.newsletter.sentAt) : "–") },
            { key: "sent", label: "newsletters.col.sent", cell: (i) => fmt.number(i.counts.sent, 0) },
            { key: "unsubscribed", label: "newsletters.col.unsubscribed", cell: (i) => fmt.number(i.counts.unsubscribed, 0) },
          ]}
        />
      ) : (
        <EmptyState title="newsletters.empty.title" text="newsletters.empty.text" />
      )}
    </div>
  );
}

/** The draft's form: subject, the text in the Markdown editor with its preview, and the segment. */
export function DraftPage(props: {
  action: string;
  choices: SegmentChoice[];
  form?: FormState;
  preview?: string | null;
  newsletter?: Newsletter;
  reach?: number;
  sendErrors?: FieldErrors;
}) {
  const { t } = usePage();
  const label = useSegmentLabel();
  const v = props.form?.values ?? {};
  const errors = props.form?.errors ?? {};
  const title = props.newsletter ? props.newsletter.subject : t("newsletters.new");
  return (
    <div class="stack newsletters">
      <Breadcrumbs trail={[{ href: "/newsletters", label: t("newsletters.title") }]} current={title} />
      <Heading>{title}</Heading>
      <ErrorSummary errors={{ ...errors, ...(props.sendErrors ?? {}) }} />
      <Form action={props.action}>
        <Field name="subject" label="newsletters.subject" required value={v.subject} error={errors.subject} />
        <MarkdownField name="body" label="newsletters.body" value={v.body} error={errors.body ?? props.sendErrors?.body} preview={props.preview} />
        <GroupedSelect
          name="segment"
          label="newsletters.segment"
          value={v.segment}
          error={errors.segment ?? props.sendErrors?.segment}
          first={[{ value: "", label: t("newsletters.segment.choose") }]}
          groups={(Object.keys(GROUP_LABELS) as SegmentKind[]).map((kind) => ({
            label: t(GROUP_LABELS[kind]),
            options: props.choices.filter((c) => c.kind === kind).map((c) => ({ value: c.value, label: label(c) })),
          }))}
        />
        <P>{t("newsletters.segment.hint")}</P>
        <div class="actions">
          <Button variant={props.newsletter ? "secondary" : "primary"}>{t("newsletters.save")}</Button>
        </div>
      </Form>
      {props.newsletter && (
        <section class="stack" aria-labelledby="send-heading">
          <Heading level={2} size="md">
            <span id="send-heading">{t("newsletters.send.title")}</span>
          </Heading>
          <P>{props.reach ? t("newsletters.send.reach", { count: props.reach }) : t("newsletters.segment.nobody")}</P>
          <P>{t("newsletters.send.hint")}</P>
          {props.reach ? (
            <Form action={`/newsletters/${props.newsletter.id}/send`}>
              <div class="actions">
                <Button variant="primary">{t("newsletters.send.button", { count: props.reach })}</Button>
              </div>
            </Form>
          ) : null}
        </section>
      )}
    </div>
  );
}

export function SentPage(props: { newsletter: Newsletter; counts: NewsletterCounts; segmentName: string | null }) {
  const { t, fmt } = usePage();
  const words = useSegmentWords();
  const n = props.newsletter;
  return (
    <div class="stack newsletters">
      <Breadcrumbs trail={[{ href: "/newsletters", label: t("newsletters.title") }]} current={n.subject} />
      <Heading>{n.subject}</Heading>
      {n.status === "sending" && (
        <Alert color="info" role="status">
          {t("newsletters.sending")}
        </Alert>
      )}
      <FactBox
        facts={[
          ["newsletters.col.to", words(n.segment.kind, props.segmentName)],
          ["newsletters.col.status", t(STATUS_LABELS[n.status])],
          ["newsletters.col.sentAt", n.sentAt ? fmt.dateTime(n.sentAt) : null],
          ["newsletters.col.recipients", fmt.number(props.counts.recipients, 0)],
          ["newsletters.col.sent", fmt.number(props.counts.sent, 0)],
          ["newsletters.col.failed", fmt.number(props.counts.failed, 0)],
          ["newsletters.col.unsubscribed", fmt.number(props.counts.unsubscribed, 0)],
        ]}
      />
      <Markdown text={n.body} />
    </div>
  );
}

export function ArchivePage(props: { newsletters: Newsletter[] }) {
  const { t, fmt } = usePage();
  return (
    <div class="stack newsletters">
      <Heading>{t("newsletters.archive.title")}</Heading>
      <P>{t("newsletters.archive.intro")}</P>
      <p>
        <ButtonLink href="/newsletters/subscribe" variant="secondary">
          {t("newsletters.subscribe.title")}
        </ButtonLink>
      </p>
      {props.newsletters.length ? (
        <ul class="newsletters-archive">
          {props.newsletters.map((n) => (
            <li class="ds-card">
              <Link href={`/newsletters/archive/${n.id}`}>{n.subject}</Link> {n.sentAt && <span>{fmt.date(n.sentAt)}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="newsletters.archive.empty.title" text="newsletters.archive.empty.text" />
      )}
    </div>
  );
}

export function ArchivedPage(props: { newsletter: Newsletter }) {
  const { t, fmt } = usePage();
  const n = props.newsletter;
  return (
    <article class="stack newsletters">
      <Breadcrumbs trail={[{ href: "/newsletters/archive", label: t("newsletters.archive.title") }]} current={n.subject} />
      <Heading>{n.subject}</Heading>
      {n.sentAt && <P>{t("newsletters.archive.sentOn", { date: fmt.date(n.sentAt) })}</P>}
      <Markdown text={n.body} />
    </article>
  );
}

export function UnsubscribePage(props: { token: string; email: string; unsubscribed: boolean }) {
  const { t } = usePage();
  return (
    <div class="stack newsletters narrow">
      <Heading>{t("newsletters.unsubscribe.title")}</Heading>
      {props.unsubscribed ? (
        <Alert color="success" role="status">
          {t("newsletters.unsubscribe.done", { email: props.email })}
        </Alert>
      ) : (
        <>
          <P>{t("newsletters.unsubscribe.confirm", { email: props.email })}</P>
          <Form action={`/newsletters/unsubscribe/${props.token}`}>
            <div class="actions">
              <Button variant="primary">{t("newsletters.unsubscribe.button")}</Button>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}

export function SubscribePage(props: { form?: FormState; sent?: boolean }) {
  const { t } = usePage();
  const v = props.form?.values ?? {};
  const errors = props.form?.errors ?? {};
  return (
    <div class="stack newsletters narrow">
      <Breadcrumbs trail={[{ href: "/newsletters/archive", label: t("newsletters.archive.title") }]} current={t("newsletters.subscribe.title")} />
      <Heading>{t("newsletters.subscribe.title")}</Heading>
      {props.sent ? (
        <Alert color="success" role="status">
          {t("newsletters.subscribe.sent")}
        </Alert>
      ) : (
        <>
          <P>{t("newsletters.subscribe.intro")}</P>
          <ErrorSummary errors={errors} />
          <Form action="/newsletters/subscribe">
            <Field name="email" label="newsletters.subscribe.email" type="email" autocomplete="email" required value={v.email} error={errors.email} />
            <div class="actions">
              <Button variant="primary">{t("newsletters.subscribe.button")}</Button>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}

export function ConfirmPage(props: { token: string; email: string; confirmed: boolean }) {
  const { t } = usePage();
  return (
    <div class="stack newsletters narrow">
      <Heading>{t("newsletters.subscribe.title")}</Heading>
      {props.confirmed ? (
        <Alert color="success" role="status">
          {t("newsletters.subscribe.confirmed", { email: props.email })}
        </Alert>
      ) : (
        <>
          <P>{t("newsletters.subscribe.confirmText", { email: props.email })}</P>
          <Form action="/newsletters/subscribe/confirm">
            <input type="hidden" name="token" value={props.token} />
            <div class="actions">
              <Button variant="primary">{t("newsletters.subscribe.confirmButton")}</Button>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
