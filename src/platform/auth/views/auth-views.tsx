import type { FieldErrors } from "../../http/errors.js";
import { Alert, Button, ButtonLink, ErrorSummary, Field, Form, Heading, Link, P } from "../../ui/components.js";
import { usePage } from "../../ui/page-context.js";

type FormState = { values?: Record<string, string>; errors?: FieldErrors };

export function SignUpPage({ values = {}, errors = {} }: FormState) {
  const { t } = usePage();
  return (
    <div class="stack form">
      <Heading>{t("auth.signUp.title")}</Heading>
      <P>{t("auth.signUp.intro")}</P>
      <ErrorSummary errors={errors} />
      <Form action="/sign-up">
        <Field name="name" label="auth.name" autocomplete="name" required value={values.name} error={errors.name} />
        <Field name="email" label="auth.email" type="email" autocomplete="email" required value={values.email} error={errors.email} />
        <Field name="password" label="auth.password" hint="password.hint" type="password" autocomplete="new-password" required error={errors.password} />
        <Button>{t("auth.signUp.submit")}</Button>
      </Form>
      <P>
        {t("auth.signUp.haveAccount")} <Link href="/sign-in">{t("auth.signIn")}</Link>
      </P>
    </div>
  );
}

export function CheckEmailPage(props: { email?: string }) {
  const { t } = usePage();
  return (
    <div class="stack form">
      <Heading>{t("auth.checkEmail.title")}</Heading>
      <P>{props.email ? t("auth.checkEmail.textTo", { email: props.email }) : t("auth.checkEmail.text")}</P>
      <P>{t("auth.checkEmail.spam")}</P>
    </div>
  );
}

export function SignInPage(props: FormState & { next?: string; unverified?: boolean; providers: { slug: string; label: string }[] }) {
  const { t } = usePage();
  const values = props.values ?? {};
  const errors = props.errors ?? {};
  return (
    <div class="stack form">
      <Heading>{t("auth.signIn.title")}</Heading>
      {props.unverified && (
        <Alert color="warning" role="alert">
          {t("auth.signIn.unverified")}
        </Alert>
      )}
      <ErrorSummary errors={errors} />
      <Form action="/sign-in" aria-label={t("auth.signIn.withPassword")}>
        <input type="hidden" name="next" value={props.next ?? ""} />
        <Field name="email" label="auth.email" type="email" autocomplete="username" required value={values.email} error={errors.email} />
        <Field name="password" label="auth.password" type="password" autocomplete="current-password" required error={errors.password} />
        <div class="actions">
          <Button>{t("auth.signIn")}</Button>
          <Link href="/password/forgot">{t("auth.forgot.link")}</Link>
        </div>
      </Form>
      <Heading level={2} size="sm">
        {t("auth.magic.title")}
      </Heading>
      <P>{t("auth.magic.intro")}</P>
      <Form action="/sign-in/link/request" aria-label={t("auth.magic.title")}>
        <div class="ds-field">
          <label class="ds-label" for="magic-email">
            {t("auth.email")}
          </label>
          <input class="ds-input" id="magic-email" name="email" type="email" autocomplete="email" required />
        </div>
        <Button variant="secondary">{t("auth.magic.submit")}</Button>
      </Form>
      {props.providers.length > 0 && (
        <>
          <Heading level={2} size="sm">
            {t("auth.oidc.title")}
          </Heading>
          <div class="actions">
            {props.providers.map((p) => (
              <ButtonLink href={`/auth/oidc/${p.slug}`}>{t("auth.oidc.with", { provider: p.label })}</ButtonLink>
            ))}
          </div>
        </>
      )}
      <P>
        {t("auth.signIn.noAccount")} <Link href="/sign-up">{t("auth.signUp")}</Link>
      </P>
    </div>
  );
}

export function EmailOnlyPage(props: FormState & { title: "auth.forgot.title"; intro: "auth.forgot.intro"; action: string; submit: "auth.forgot.submit" }) {
  const { t } = usePage();
  return (
    <div class="stack form">
      <Heading>{t(props.title)}</Heading>
      <P>{t(props.intro)}</P>
      <ErrorSummary errors={props.errors ?? {}} />
      <Form action={props.action}>
        <Field name="email" label="auth.email" type="email" autocomplete="email" required value={props.values?.email} error={props.errors?.email} />
        <Button>{t(props.submit)}</Button>
      </Form>
    </div>
  );
}

export function ResetPage(props: FormState & { token: string }) {
  const { t } = usePage();
  return (
    <div class="stack form">
      <Heading>{t("auth.reset.title")}</Heading>
      <ErrorSummary errors={props.errors ?? {}} />
      <Form action="/password/reset">
        <input type="hidden" name="token" value={props.token} />
        <Field
          name="password"
          label="auth.newPassword"
          hint="password.hint"
          type="password"
          autocomplete="new-password"
          required
          error={props.errors?.password}
        />
        <Button>{t("auth.reset.submit")}</Button>
      </Form>
    </div>
  );
}

export function MagicConfirmPage(props: { token: string }) {
  const { t } = usePage();
  return (
    <div class="stack form">
      <Heading>{t("auth.magic.confirmTitle")}</Heading>
      <Form action="/sign-in/link">
        <input type="hidden" name="token" value={props.token} />
        <Button>{t("auth.signIn")}</Button>
      </Form>
    </div>
  );
}

/** A link from an e-mail that no longer works: why that happens, and the ways on from here. */
export function LinkInvalidPage() {
  const { t, tenant } = usePage();
  return (
    <div class="stack form">
      <Heading>{t("auth.linkInvalid.title")}</Heading>
      <P>{t("error.linkInvalid")}</P>
      <ul class="ds-list">
        <li>{t("auth.linkInvalid.newest")}</li>
        <li>{t("auth.linkInvalid.copied")}</li>
        <li>
          {t("auth.linkInvalid.ask")} <Link href={`mailto:${tenant.contactEmail}`}>{tenant.contactEmail}</Link>
        </li>
      </ul>
      <div class="actions">
        <ButtonLink href="/" variant="primary">
          {t("error.backHome")}
        </ButtonLink>
        <Link href="/sign-in">{t("auth.signIn")}</Link>
      </div>
    </div>
  );
}
