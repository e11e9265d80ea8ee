import type { Child } from "hono/jsx";
import { isPerson } from "../auth/policy.js";
import { LANGUAGES, languageNames } from "../i18n/i18n.js";
import { assets } from "./assets.js";
import { Alert, Button, CsrfField } from "./components.js";
import { isCurrent, menuSections } from "./nav.js";
import { type NavLink, type PageContext, PageCtx, usePage } from "./page-context.js";

export function Document(props: { page: PageContext; title: string; children: Child }) {
  const { page } = props;
  const { t, tenant } = page;
  return (
    <html lang={page.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – ${tenant.name}`}</title>
        <link rel="stylesheet" href={assets.byName["ds-theme.css"].url} />
        <link rel="stylesheet" href={assets.byName["ds.css"].url} />
        <link rel="stylesheet" href={`/theme.css?v=${page.themeVersion}`} />
        <link rel="stylesheet" href={assets.byName["app.css"].url} />
        <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false}' />
        <script src={assets.byName["htmx.js"].url} nonce={page.nonce} defer />
        <script src={assets.byName["app.js"].url} nonce={page.nonce} defer />
      </head>
      <body hx-headers={JSON.stringify({ "x-csrf-token": page.csrfToken })}>
        <PageCtx.Provider value={page}>
          <a class="ds-skip-link" href="#main">
            {t("shell.skipToContent")}
          </a>
          <Header />
          <main id="main" tabindex={-1}>
            <div class="wrap stack">
              {page.notice && (
                <Alert color="success" role="status">
                  {t(page.notice)}
                </Alert>
              )}
              {props.children}
            </div>
          </main>
          <footer class="site-footer">
            <div class="wrap">
              <ul>
                <li>
                  <a class="ds-link" href="/accessibility">
                    {t("shell.accessibility")}
                  </a>
                </li>
                <li>
                  <a class="ds-link" href="/privacy">
                    {t("shell.privacy")}
                  </a>
                </li>
                <li>
                  <a class="ds-link" href="/open-data">
                    {t("openData.title")}
                  </a>
                </li>
                <li>
                  <a class="ds-link" href={`mailto:${tenant.contactEmail}`}>
                    {t("shell.contact", { email: tenant.contactEmail })}
                  </a>
                </li>
              </ul>
            </div>
          </footer>
        </PageCtx.Provider>
      </body>
    </html>
  );
}

function Header() {
  const page = usePage();
  const { t, tenant, actor } = page;
  const person = isPerson(actor);
  const account = page.nav.find((l) => l.group === "account");
  const sections = menuSections(page.nav);
  return (
    <header class="site-header">
      <div class="wrap bar">
        <a class="brand" href="/">
          {tenant.logoUrl ? <img src={tenant.logoUrl} alt="" /> : null}
          <span>{tenant.name}</span>
        </a>
        <div class="header-account">
          {person ? (
            <a
              class="ds-button"
              data-variant="secondary"
              data-size="sm"
              href={account?.href ?? "/account"}
              aria-current={page.path === "/account" ? "page" : undefined}
            >
              <span class="wide-only">{t("shell.account", { name: actor.name })}</span>
              <span class="narrow-only">{t(account?.label ?? "nav.account")}</span>
            </a>
          ) : (
            <>
              <a class="ds-button" data-variant="secondary" data-size="sm" href="/sign-in" aria-current={page.path === "/sign-in" ? "page" : undefined}>
                {t("auth.signIn")}
              </a>
              <a class="ds-button sign-up" data-variant="secondary" data-size="sm" href="/sign-up" aria-current={page.path === "/sign-up" ? "page" : undefined}>
                {t("auth.signUp")}
              </a>
            </>
          )}
        </div>
        <details class="site-menu" data-signed-in={person ? "" : undefined}>
          <summary class="ds-button" data-variant="secondary" data-size="sm" aria-label={t("shell.menuLabel")}>
            {t("shell.menu")}
          </summary>
          <div class="site-menu-body">
            <nav aria-label={t("shell.mainNav")}>
              {person ? (
                <div class="menu-groups">
                  {sections.map((section) => (
                    <section class="menu-group" aria-labelledby={`menu-${section.group}`}>
                      <h2 class="ds-heading" data-size="2xs" id={`menu-${section.group}`}>
                        {t(section.heading)}
                      </h2>
                      {section.group === "association" && page.associations.length > 1 && <AssociationSwitcher />}
                      <MenuLinks links={section.links} />
                    </section>
                  ))}
                </div>
              ) : (
                <MenuLinks links={sections.flatMap((s) => s.links)} />
              )}
            </nav>
            <div class="menu-tools">
              <LanguageSwitcher />
              {!person && (
                <a class="sign-up-in-menu" href="/sign-up">
                  {t("auth.signUp")}
                </a>
              )}
              {person && (
                <form method="post" action="/sign-out">
                  <CsrfField />
                  <Button variant="secondary" size="sm">
                    {t("auth.signOut")}
                  </Button>
                </form>
              )}
            </div>
          </div>
        </details>
      </div>
    </header>
  );
}

function MenuLinks(props: { links: NavLink[] }) {
  const { t, path } = usePage();
  return (
    <ul class="menu-links">
      {props.links.map((link) => (
        <li>
          <a href={link.href} aria-current={isCurrent(link.href, path) ? "page" : undefined}>
            {t(link.label)}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** A small form in the header: pick from a list, press the button, come back to this page. */
function SwitcherForm(props: {
  action: string;
  id: string;
  name: string;
  label: string;
  button: string;
  options: { value: string; label: string; lang?: string }[];
  selected: string | null;
  /** Shown first when nothing is chosen, so the list never seems to name one that is not. */
  placeholder?: string;
}) {
  const page = usePage();
  return (
    <form method="post" action={props.action}>
      <CsrfField />
      <input type="hidden" name="back" value={page.back} />
      <label for={props.id} class="ds-sr-only">
        {props.label}
      </label>
      <select id={props.id} name={props.name} class="ds-input" data-size="sm">
        {props.placeholder && (
          <option value="" disabled selected>
            {props.placeholder}
          </option>
        )}
        {props.options.map((o) => (
          <option value={o.value} lang={o.lang} selected={o.value === props.selected}>
            {o.label}
          </option>
        ))}
      </select>
      <Button variant="secondary" size="sm">
        {props.button}
      </Button>
    </form>
  );
}

function LanguageSwitcher() {
  const { t, tenant, lang } = usePage();
  if (tenant.languages.length < 2) return null;
  return (
    <SwitcherForm
      action="/language"
      id="language-select"
      name="lang"
      label={t("shell.language")}
      button={t("shell.changeLanguage")}
      selected={lang}
      options={LANGUAGES.filter((l) => tenant.languages.includes(l)).map((l) => ({ value: l, label: languageNames[l], lang: l }))}
    />
  );
}

function AssociationSwitcher() {
  const { t, associations, activeAssociationId } = usePage();
  return (
    <SwitcherForm
      action="/associations/switch"
      id="association-select"
      name="associationId"
      label={t("shell.activeAssociation")}
      button={t("shell.switchAssociation")}
      selected={activeAssociationId}
      placeholder={activeAssociationId ? undefined : t("shell.chooseAssociation")}
      options={associations.map((a) => ({ value: a.id, label: a.name }))}
    />
  );
}
