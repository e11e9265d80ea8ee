import type { FieldErrors } from "../../../platform/http/errors.js";
import type { MessageKey } from "../../../platform/i18n/i18n.js";
import { Button, Checkbox, ErrorSummary, Field, Form, Heading, P } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";

export function DataRequestPage(props: { values?: Record<string, string>; errors?: FieldErrors }) {
  const { t } = usePage();
  const errors = props.errors ?? {};
  return (
    <div class="stack form">
      <Heading>{t("dataRequest.title")}</Heading>
      <P>{t("dataRequest.intro")}</P>
      <ErrorSummary errors={errors} />
      <Form action="/privacy/email">
        <Field name="email" label="auth.email" type="email" autocomplete="email" required value={props.values?.email} error={errors.email} />
        <Button variant="primary">{t("dataRequest.submit")}</Button>
      </Form>
    </div>
  );
}

const size = (v: unknown) => (Array.isArray(v) ? v.length : 0);

/** What the data held comes to, in words: how many of each kind. */
function heldCounts(data: Record<string, unknown>): { key: MessageKey; count: number }[] {
  const applications = (data.applications ?? []) as { conversation: unknown[] }[];
  return [
    { key: "dataRequest.held.account" as const, count: data.account ? 1 : 0 },
    { key: "dataRequest.held.applications" as const, count: applications.length },
    { key: "dataRequest.held.messages" as const, count: applications.reduce((n, a) => n + size(a.conversation), 0) },
    { key: "dataRequest.held.bookings" as const, count: size(data.bookings) },
    { key: "dataRequest.held.emails" as const, count: size(data.emails_sent_to_you) },
  ].filter((c) => c.count > 0);
}

export function HeldPage(props: { email: string; data: Record<string, unknown>; token: string; errors?: FieldErrors }) {
  const { t } = usePage();
  return (
    <div class="stack form">
      <ErrorSummary errors={props.errors ?? {}} />
      <Heading>{t("dataRequest.held.title")}</Heading>
      <P>{t("dataRequest.held.intro", { email: props.email })}</P>
      <ul class="ds-list">
        {heldCounts(props.data).map((c) => (
          <li>{t(c.key, { count: c.count })}</li>
        ))}
      </ul>
      <Form action="/privacy/email/download" class="actions">
        <input type="hidden" name="token" value={props.token} />
        <Button variant="primary">{t("mydata.download")}</Button>
      </Form>
      <Heading level={2}>{t("dataRequest.erase.title")}</Heading>
      <P>{t(props.data.account ? "dataRequest.erase.withAccount" : "dataRequest.erase.text")}</P>
      <P>{t("delete.kept")}</P>
      <Form action="/privacy/email/erase" class="stack">
        <input type="hidden" name="token" value={props.token} />
        <Checkbox name="confirm" label="dataRequest.erase.confirm" error={props.errors?.confirm} />
        <Button color="danger">{t("dataRequest.erase.submit", { email: props.email })}</Button>
      </Form>
    </div>
  );
}

export function ErasedPage() {
  const { t } = usePage();
  return (
    <div class="stack form">
      <Heading>{t("dataRequest.erased.title")}</Heading>
      <P>{t("dataRequest.erased.text")}</P>
    </div>
  );
}
