import type { FieldErrors } from "../../../platform/http/errors.js";
import { Alert, Button, ErrorSummary, Field, Form, Heading, Link, P } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { stepLabels } from "../applications.labels.js";
import { APPLICATION_STEPS, type Thread } from "../applications.model.js";

/** The conversation, oldest first, opening with the application itself. */
function Messages(props: { thread: Thread }) {
  const { t, fmt } = usePage();
  const { application: a, opportunity: o } = props.thread;
  const entries = [{ id: a.id, sender: "applicant" as const, body: a.message, createdAt: a.createdAt }, ...props.thread.messages];
  return (
    <ol class="thread ds-list--unstyled stack" aria-label={t("thread.messages")}>
      {entries.map((m) => (
        <li class="ds-card" data-sender={m.sender}>
          <P class="meta">
            <strong>{m.sender === "applicant" ? a.name : o.associationName}</strong> · {fmt.dateTime(m.createdAt)}
          </P>
          <P class="body">{m.body}</P>
        </li>
      ))}
    </ol>
  );
}

export function AssociationThreadPage(props: { thread: Thread; values?: Record<string, string>; errors?: FieldErrors; sent?: boolean }) {
  const { t } = usePage();
  const { application: a, opportunity: o } = props.thread;
  const here = `/opportunities/${o.id}/applications/${a.id}`;
  return (
    <div class="stack form">
      <Heading>{t("thread.withApplicant", { name: a.name })}</Heading>
      <P>
        <Link href={`/opportunities/${o.id}/applications`}>{t("thread.backToApplicants", { title: o.title })}</Link>
      </P>
      <P>
        {a.email}
        {a.phone ? ` · ${a.phone}` : ""}
      </P>
      {props.sent && (
        <Alert color="success" role="status">
          <P>{t("thread.sent", { name: a.name })}</P>
        </Alert>
      )}
      <Form action={here} class="actions" aria-label={t("application.moveNamed", { name: a.name })}>
        <input type="hidden" name="back" value={here} />
        <div class="ds-field">
          <label class="ds-label" for="f-status">
            {t("application.statusFor", { name: a.name })}
          </label>
          <select class="ds-input" id="f-status" name="status">
            {APPLICATION_STEPS.map((s) => (
              <option value={s} selected={s === a.status}>
                {t(stepLabels[s])}
              </option>
            ))}
          </select>
        </div>
        <Button variant="secondary">{t("form.save")}</Button>
      </Form>
      <Messages thread={props.thread} />
      {props.errors && <ErrorSummary errors={props.errors} />}
      <Form action={`${here}/messages`} class="stack" aria-label={t("thread.write")}>
        <Field name="body" label="thread.body" hint="thread.body.hintAssociation" multiline required value={props.values?.body} error={props.errors?.body} />
        <Button variant="primary">{t("thread.send")}</Button>
      </Form>
    </div>
  );
}

export function ApplicantThreadPage(props: { thread: Thread; keyValue: string; values?: Record<string, string>; errors?: FieldErrors; sent?: boolean }) {
  const { t } = usePage();
  const { application: a, opportunity: o } = props.thread;
  return (
    <div class="stack form">
      <Heading>{t("thread.withAssociation", { association: o.associationName })}</Heading>
      <P>
        {t("thread.about")} <Link href={`/opportunities/${o.id}`}>{o.title}</Link> · {t("application.status")}: <strong>{t(stepLabels[a.status])}</strong>
      </P>
      {props.sent && (
        <Alert color="success" role="status">
          <P>{t("thread.sentToAssociation", { association: o.associationName })}</P>
        </Alert>
      )}
      <Messages thread={props.thread} />
      {props.errors && <ErrorSummary errors={props.errors} />}
      <Form action="/applications/thread" class="stack" aria-label={t("thread.write")}>
        <input type="hidden" name="key" value={props.keyValue} />
        <Field name="body" label="thread.answer" multiline required value={props.values?.body} error={props.errors?.body} />
        <Button variant="primary">{t("thread.send")}</Button>
      </Form>
    </div>
  );
}
