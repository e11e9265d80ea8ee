import type { FieldErrors } from "../../../platform/http/errors.js";
import { LANGUAGES, languageNames } from "../../../platform/i18n/i18n.js";
import { Button, ButtonLink, ConfirmStep, ErrorSummary, Field, Form, Heading, P, Select, Tabs } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";

function AccountTabs(props: { current: "/account" | "/account/data" | "/account/delete" }) {
  const { t } = usePage();
  const items = [
    { href: "/account", label: "account.title" as const },
    { href: "/account/data", label: "mydata.title" as const },
    { href: "/account/delete", label: "delete.link" as const },
  ];
  return <Tabs label={t("account.sections")} items={items.map((i) => ({ ...i, current: i.href === props.current }))} />;
}

export function AccountPage(props: { values: Record<string, string>; errors?: FieldErrors; email: string }) {
  const { t, tenant } = usePage();
  const errors = props.errors ?? {};
  return (
    <div class="stack">
      <Heading>{t("account.title")}</Heading>
      <AccountTabs current="/account" />
      <P>{t("account.signedInAs", { email: props.email })}</P>
      <ErrorSummary errors={errors} />
      <Form action="/account">
        <Field name="name" label="auth.name" autocomplete="name" required value={props.values.name} error={errors.name} />
        <Select
          name="language"
          label="account.language"
          value={props.values.language}
          error={errors.language}
          options={LANGUAGES.filter((l) => tenant.languages.includes(l)).map((l) => ({ value: l, label: languageNames[l] }))}
        />
        <Button>{t("form.save")}</Button>
      </Form>
      <Heading level={2}>{t("account.security")}</Heading>
      <P>{t("account.signOutEverywhere.text")}</P>
      <Form action="/account/sign-out-everywhere">
        <Button variant="secondary">{t("account.signOutEverywhere")}</Button>
      </Form>
    </div>
  );
}

export function MyDataPage() {
  const { t } = usePage();
  return (
    <div class="stack">
      <Heading>{t("mydata.title")}</Heading>
      <AccountTabs current="/account/data" />
      <P>{t("mydata.intro")}</P>
      <div class="actions">
        <ButtonLink href="/account/data/view" variant="primary">
          {t("mydata.view")}
        </ButtonLink>
        <ButtonLink href="/account/data.json" variant="secondary">
          {t("mydata.download")}
        </ButtonLink>
      </div>
    </div>
  );
}

export function DeleteAccountPage() {
  const { t } = usePage();
  return (
    <ConfirmStep title={t("delete.title")} action="/account/delete" confirm="delete.confirm" cancelHref="/account" danger>
      <AccountTabs current="/account/delete" />
      <P>{t("delete.whatGoes")}</P>
      <Heading level={2} size="sm">
        {t("delete.keptTitle")}
      </Heading>
      <P>{t("delete.kept")}</P>
      <P>{t("delete.irreversible")}</P>
    </ConfirmStep>
  );
}
