import type { Child } from "hono/jsx";
import type { MessageKey } from "../i18n/i18n.js";
import { usePage } from "./page-context.js";

/**
 * The parts every detail page (a job, an activity, an association, a premise) is built from:
 * breadcrumbs back to the results, the organiser with its logo, a fact box, the texts in plain
 * paragraphs and contact links a phone can act on.
 */

/**
 * Where a detail page's breadcrumbs lead back to: the search it came from when that is a local
 * address under `/search` (kept with its query), else the search page itself. Anything else —
 * another site, a protocol-relative address, a backslash trick — falls back.
 */
export function backToResults(...candidates: (string | null | undefined)[]): string {
  for (const raw of candidates) {
    if (!raw || raw.length > 2000) continue;
    let path = raw;
    if (/^https?:\/\//i.test(path)) {
      try {
        const u = new URL(path);
        path = u.pathname + u.search;
      } catch {
        continue;
      }
    }
    if (/^\/search(\?|$)/.test(path) && !/[\\\s]/.test(path)) return path;
  }
  return "/search";
}

export interface Crumb {
  href: string;
  label: string;
  /** What the phone's one link back says: "Tilbage til søgeresultaterne". */
  back?: string;
}

/**
 * The trail from home to this page. On a phone Designsystemet shows only the link back one step
 * (the last crumb before this page); on a wide screen the whole trail.
 */
export function Breadcrumbs(props: { trail: Crumb[]; current: string }) {
  const { t } = usePage();
  const up = props.trail.at(-1);
  return (
    <nav class="ds-breadcrumbs detail-breadcrumbs" aria-label={t("detail.breadcrumbs")}>
      {up && (
        <a class="ds-link" href={up.href}>
          {up.back ?? up.label}
        </a>
      )}
      <ol>
        <li>
          <a class="ds-link" href="/">
            {t("nav.home")}
          </a>
        </li>
        {props.trail.map((c) => (
          <li>
            <a class="ds-link" href={c.href}>
              {c.label}
            </a>
          </li>
        ))}
        <li>
          <span aria-current="page">{props.current}</span>
        </li>
      </ol>
    </nav>
  );
}

/** The first letters of the first two words: "Ældre Sagen" → "ÆS". */
export function initialsOf(name: string): string {
  const words = name.trim().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words
    .slice(0, 2)
    .map((w) => w.charAt(0).toUpperCase())
    .join("");
}

/** The association's logo, or a round badge with its initials when it has none. */
export function Logo(props: { name: string; src?: string | null | undefined; size?: "sm" | "md" | "lg" }) {
  const size = props.size ?? "md";
  return props.src ? (
    <img class="detail-logo" data-size={size} src={props.src} alt="" />
  ) : (
    <span class="ds-avatar detail-logo" data-size={size} aria-hidden="true">
      {initialsOf(props.name)}
    </span>
  );
}

/** Who organises it: a link to its public page, with its logo or its initials. */
export function Organiser(props: { name: string; href: string; logo?: string | null | undefined }) {
  const { t } = usePage();
  return (
    <p class="detail-organiser">
      <Logo name={props.name} src={props.logo} size="sm" />
      <span>
        <span class="detail-organiser-label">{t("detail.organiser")}</span>
        <a class="ds-link" href={props.href}>
          {props.name}
        </a>
      </span>
    </p>
  );
}

/** A label and what it says; nothing, false or an empty string leaves the line out. */
export type Fact = [MessageKey, Child | null | undefined | false];

/** The few things a reader decides on, in a card: each label with its value; empty ones left out. */
export function FactBox(props: { facts: Fact[]; id?: string }) {
  const { t } = usePage();
  const shown = props.facts.filter(([, v]) => v !== null && v !== undefined && v !== false && v !== "");
  const id = props.id ?? "facts-heading";
  if (shown.length === 0) return null;
  return (
    <section class="ds-card detail-facts" aria-labelledby={id}>
      <h2 class="ds-heading" data-size="xs" id={id}>
        {t("detail.facts")}
      </h2>
      <dl>
        {shown.map(([label, value]) => (
          <div class="detail-fact">
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** A text as the writer wrote it: a paragraph for each blank-line-separated part, line breaks kept. */
export function Paragraphs(props: { text: string }) {
  const parts = props.text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div class="detail-text">
      {parts.map((p) => (
        <p class="ds-paragraph">{p}</p>
      ))}
    </div>
  );
}

/** A telephone number as a `tel:` address: digits and a leading plus only. */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;

/** Contact as links a phone can act on: the name, the e-mail as `mailto:`, the phone as `tel:`. */
export function ContactLinks(props: { name?: string | null; email?: string | null; phone?: string | null; subject?: string }) {
  const { t } = usePage();
  const mailto = props.email ? `mailto:${props.email}${props.subject ? `?subject=${encodeURIComponent(props.subject)}` : ""}` : null;
  return (
    <ul class="detail-contact">
      {props.name && <li>{props.name}</li>}
      {props.email && mailto && (
        <li>
          <span class="detail-contact-label">{t("detail.email")}</span>{" "}
          <a class="ds-link" href={mailto}>
            {props.email}
          </a>
        </li>
      )}
      {props.phone && (
        <li>
          <span class="detail-contact-label">{t("detail.phone")}</span>{" "}
          <a class="ds-link" href={telHref(props.phone)}>
            {props.phone}
          </a>
        </li>
      )}
    </ul>
  );
}

/** The page's one primary action, near the top so a phone shows it without scrolling. */
export function PrimaryAction(props: { href: string; label: string }) {
  return (
    <p class="detail-action">
      <a class="ds-button" data-variant="primary" href={props.href}>
        {props.label}
      </a>
    </p>
  );
}

/** A place with a map pin: a link that opens it on OpenStreetMap, in the tenant's country. */
export function MapPin(props: { place: string }) {
  const { t, tenant } = usePage();
  const href = `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${props.place}, ${tenant.country}`)}`;
  return (
    <a class="ds-link detail-place" href={href} rel="noopener nofollow">
      <svg class="detail-pin" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M12 2a7 7 0 0 0-7 7c0 5.25 7 13 7 13s7-7.75 7-13a7 7 0 0 0-7-7Zm0 9.5a2.5 2.5 0 1 1 0-5 2.5 2.5 0 0 1 0 5Z" />
      </svg>
      <span>{props.place}</span>
      <span class="ds-sr-only"> ({t("detail.onMap")})</span>
    </a>
  );
}
