import type { Child } from "hono/jsx";
import type { MessageKey } from "../i18n/i18n.js";
import { usePage } from "./page-context.js";

/**
 * Where a detail page's breadcrumbs lead back to: the search it came from when that is a local
 * search address (kept with its query), else the search page.
 */
export function backToResults(...candidates: (string | null | undefined)[]): string {
  for (const raw of candidates) {
    if (!raw) continue;
    let path = raw;
    if (/^https?:\/\//i.test(path)) {
      try {
        const u = new URL(path);
        path = u.pathname + u.search;
      } catch {
        continue;
      }
    }
    if (/^\/search(\?|$)/.test(path) && !path.includes("\\") && !path.startsWith("//")) return path;
  }
  return "/search";
}

/** The trail from the results to this page. */
export function Breadcrumbs(props: { back: string; title: string }) {
  const { t } = usePage();
  return (
    <nav class="ds-breadcrumbs detail-breadcrumbs" aria-label={t("detail.breadcrumbs")}>
      <ol>
        <li>
          <a href="/">{t("nav.home")}</a>
        </li>
        <li>
          <a href={props.back}>{t("detail.results")}</a>
        </li>
        <li>
          <a href="#main" aria-current="page">
            {props.title}
          </a>
        </li>
      </ol>
    </nav>
  );
}

/** Who organises it: a link to its public page, with its logo or its initial. */
export function Organiser(props: { name: string; href: string; logo?: string | null }) {
  const initial = props.name.trim().charAt(0).toUpperCase();
  return (
    <a class="detail-organiser" href={props.href}>
      {props.logo ? (
        <img class="detail-logo" src={props.logo} alt="" width="40" height="40" />
      ) : (
        <span class="ds-avatar" data-size="sm" aria-hidden="true">
          {initial}
        </span>
      )}
      <span>{props.name}</span>
    </a>
  );
}

export type Fact = [MessageKey, Child | null | undefined | false];

/** The few things a reader decides on, in a card: each label with its value; empty ones left out. */
export function FactBox(props: { facts: Fact[] }) {
  const { t } = usePage();
  const shown = props.facts.filter(([, v]) => v !== null && v !== undefined && v !== false && v !== "");
  return (
    <section class="ds-card detail-facts" aria-label={t("detail.facts")}>
      <dl>
        {shown.map(([label, value]) => (
          <div>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** A text as the writer wrote it: plain paragraphs, not a box. */
export function Paragraphs(props: { text: string }) {
  return <div class="detail-text">{props.text}</div>;
}

/** Contact as links a phone can act on. */
export function ContactLinks(props: { name?: string | null; email?: string | null; phone?: string | null }) {
  return (
    <p class="ds-paragraph detail-contact">
      {props.name && <span>{props.name}</span>}
      {props.email && <a href={`mailto:${props.email}`}>{props.email}</a>}
      {props.phone && <a href={`tel:${props.phone.replace(/\s+/g, "")}`}>{props.phone}</a>}
    </p>
  );
}
