import { isPerson } from "../../../platform/auth/policy.js";
import { countryProfile } from "../../../platform/tenants/countries.js";
import { ButtonLink, Heading, Link, P } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";

export function HomePage() {
  const { t, tenant, actor } = usePage();
  return (
    <div class="stack">
      <Heading size="2xl">{t("home.heading", { tenant: tenant.name })}</Heading>
      <P>{t("home.intro")}</P>
      {isPerson(actor) ? (
        <P>
          <Link href="/account">{t("home.toAccount")}</Link>
        </P>
      ) : (
        <div class="actions">
          <ButtonLink href="/sign-up" variant="primary">
            {t("auth.signUp")}
          </ButtonLink>
          <ButtonLink href="/sign-in">{t("auth.signIn")}</ButtonLink>
        </div>
      )}
      <Heading level={2}>{t("home.forWhom")}</Heading>
      <ul class="ds-list">
        <li>{t("home.forCitizens")}</li>
        <li>{t("home.forAssociations")}</li>
        <li>{t("home.forCentre")}</li>
        <li>{t("home.forMunicipality")}</li>
      </ul>
    </div>
  );
}

export function AccessibilityPage() {
  const { t, tenant } = usePage();
  return (
    <div class="stack">
      <Heading>{t("a11y.title")}</Heading>
      <P>{t("a11y.intro", { tenant: tenant.name })}</P>
      <Heading level={2}>{t("a11y.statusTitle")}</Heading>
      <P>{t("a11y.status")}</P>
      <Heading level={2}>{t("a11y.feedbackTitle")}</Heading>
      <P>{t("a11y.feedback", { email: tenant.contactEmail })}</P>
      <Heading level={2}>{t("a11y.enforcementTitle")}</Heading>
      <P>{t(countryProfile(tenant.country).accessibilityComplaints)}</P>
    </div>
  );
}

export function PrivacyPage() {
  const { t, tenant } = usePage();
  return (
    <div class="stack">
      <Heading>{t("privacy.title")}</Heading>
      <P>{t("privacy.controller", { tenant: tenant.name, email: tenant.contactEmail })}</P>
      <Heading level={2}>{t("privacy.whatTitle")}</Heading>
      <P>{t("privacy.what")}</P>
      <Heading level={2}>{t("privacy.rightsTitle")}</Heading>
      <P>{t("privacy.rights")}</P>
      <P>
        <Link href="/account/data">{t("privacy.toMyData")}</Link>
      </P>
      <P>
        <Link href="/privacy/email">{t("privacy.byEmail")}</Link>
      </P>
    </div>
  );
}
