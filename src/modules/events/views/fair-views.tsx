import type { Child } from "hono/jsx";
import type { FieldErrors } from "../../../platform/http/errors.js";
import type { MessageKey } from "../../../platform/i18n/i18n.js";
import {
  Alert,
  Button,
  ButtonLink,
  Checkbox,
  Checkboxes,
  EmptyState,
  ErrorSummary,
  Field,
  Form,
  Heading,
  Link,
  P,
  Select,
  ValidationMessage,
} from "../../../platform/ui/components.js";
import { Breadcrumbs, Logo, Paragraphs } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { CommunityEvent } from "../events.model.js";
import type { FairAgreement, FairLead, FairStand, StandSize, StandStatus } from "../fair.model.js";
import type { QrDrawing } from "../fair-qr.js";
import type { FairBlock } from "../fair-stands.js";

export const sizeLabels: Record<StandSize, MessageKey> = { small: "fair.size.small", medium: "fair.size.medium", large: "fair.size.large" };
export const standStatusLabels: Record<StandStatus, MessageKey> = {
  applied: "fair.status.applied",
  assigned: "fair.status.assigned",
  declined: "fair.status.declined",
  withdrawn: "fair.status.withdrawn",
};
const STATUS_COLORS: Record<StandStatus, string> = { applied: "warning", assigned: "success", declined: "danger", withdrawn: "neutral" };

export interface StandFormState {
  values: Record<string, string>;
  errors: FieldErrors;
}

const logoOf = (s: Pick<FairStand, "associationId" | "associationLogoFileId">) =>
  s.associationLogoFileId ? `/directory/associations/${s.associationId}/logo?v=${s.associationLogoFileId}` : null;

/** What a stand asks for, in words: size, power, table. */
function Needs(props: { s: FairStand }) {
  const { t } = usePage();
  return (
    <>
      {[t(sizeLabels[props.s.size]), props.s.needsPower ? t("fair.needsPower") : null, props.s.needsTable ? t("fair.needsTable") : null]
        .filter(Boolean)
        .join(" · ")}
    </>
  );
}

/** The application form: the association (when the person runs several), the category, size, power, table, and what it shows. */
function StandForm(props: {
  e: CommunityEvent;
  fair: FairBlock;
  action: string;
  associationId: string | null;
  stand: FairStand | null;
  form?: StandFormState | undefined;
}) {
  const { t } = usePage();
  const s = props.stand;
  const v = props.form?.values ?? {
    categoryId: s?.categoryId ?? "",
    size: s?.size ?? "",
    needsPower: s?.needsPower ? "on" : "",
    needsTable: s?.needsTable ? "on" : "",
    shows: s?.shows ?? "",
  };
  const errors = props.form?.errors ?? {};
  return (
    <Form action={props.action}>
      {props.associationId && <input type="hidden" name="associationId" value={props.associationId} />}
      <Select
        name="categoryId"
        label="fair.category"
        value={v.categoryId}
        error={errors.categoryId}
        options={[{ value: "", label: t("opportunity.category.choose") }, ...props.fair.allCategories.map((c) => ({ value: c.id, label: c.label }))]}
      />
      <Select
        name="size"
        label="fair.size"
        value={v.size}
        error={errors.size}
        options={[{ value: "", label: t("fair.size.choose") }, ...(["small", "medium", "large"] as const).map((k) => ({ value: k, label: t(sizeLabels[k]) }))]}
      />
      <Checkbox name="needsPower" label="fair.needsPower" checked={v.needsPower === "on"} />
      <Checkbox name="needsTable" label="fair.needsTable" checked={v.needsTable === "on"} />
      <Field name="shows" label="fair.shows" hint="fair.shows.hint" multiline required value={v.shows} error={errors.shows} />
      <Button>{s ? t("fair.change") : t("fair.apply")}</Button>
    </Form>
  );
}

/** One of the reader's associations at this fair: its application or the form to send one. */
function MyStand(props: {
  e: CommunityEvent;
  fair: FairBlock;
  a: FairBlock["mine"][number];
  several: boolean;
  /** Whether this association's form is the one open on the page (one at a time, when the person runs several). */
  open: boolean;
  form?: StandFormState | undefined;
}) {
  const { t } = usePage();
  const { e, a } = props;
  const s = a.stand;
  const named = props.several ? a.id : null;
  return (
    <section class="ds-card stack fair-mine" aria-labelledby={`stand-${a.id}`}>
      <h3 class="ds-heading" data-size="xs" id={`stand-${a.id}`}>
        {a.name}
      </h3>
      {s && (
        <P>
          <span class="ds-tag" data-color={STATUS_COLORS[s.status]}>
            {s.status === "assigned" && s.standNumber ? t("fair.standNumberIs", { number: s.standNumber }) : t(standStatusLabels[s.status])}
          </span>{" "}
          <Needs s={s} />
        </P>
      )}
      {s?.status === "assigned" && (
        <div class="actions">
          <ButtonLink href={`/events/${e.id}/stands/${s.id}/sign`} variant="secondary">
            {t("fair.sign.print")}
          </ButtonLink>
          <Link href={`/events/fair/leads?association=${a.id}`}>{t("fair.leads.title")}</Link>
        </div>
      )}
      {s?.status === "declined" ? (
        <P>{t("fair.declinedText")}</P>
      ) : props.fair.open && !props.open ? (
        <P>
          <a class="ds-link" href={`/events/${e.id}?for=${a.id}#stand-${a.id}`}>
            {s ? t("fair.changeFor", { association: a.name }) : t("fair.applyFor", { association: a.name })}
          </a>
        </P>
      ) : props.fair.open ? (
        <>
          {!s && <P>{t("fair.applyIntro")}</P>}
          <StandForm
            e={e}
            fair={props.fair}
            action={s ? `/events/${e.id}/stand/change` : `/events/${e.id}/stand`}
            associationId={named}
            stand={s}
            form={props.form}
          />
          {s && (
            <Form action={`/events/${e.id}/stand/withdraw`} class="actions">
              {named && <input type="hidden" name="associationId" value={named} />}
              <Button variant="tertiary">{t("fair.withdraw")}</Button>
            </Form>
          )}
        </>
      ) : (
        !s && <P>{t("fair.closed")}</P>
      )}
    </section>
  );
}

/** The fair's part of its page: the exhibitors by stand, a category filter, and the reader's own stand. */
export function FairSection(props: {
  e: CommunityEvent;
  fair: FairBlock;
  /** The association whose form is open, when the person runs several. */
  formFor: string | null;
  form?: (StandFormState & { associationId: string | null }) | undefined;
}) {
  const { t, fmt } = usePage();
  const { e, fair } = props;
  const errors = props.form?.errors ?? {};
  const open = props.form?.associationId ?? (fair.mine.some((a) => a.id === props.formFor) ? props.formFor : fair.mine[0]?.id);
  return (
    <div class="stack fair">
      {fair.mine.length > 0 && (
        <section class="stack" aria-labelledby="fair-mine-heading">
          <h2 class="ds-heading" data-size="md" id="fair-mine-heading">
            {t("fair.yourStand")}
          </h2>
          <ErrorSummary errors={errors} />
          {fair.mine.map((a) => (
            <MyStand e={e} fair={fair} a={a} several={fair.mine.length > 1} open={a.id === open} form={props.form && open === a.id ? props.form : undefined} />
          ))}
        </section>
      )}
      {fair.mayRun && (
        <div class="actions">
          <ButtonLink href={`/events/${e.id}/stands`}>{t("fair.stands.title")}</ButtonLink>
          <ButtonLink href={`/events/${e.id}/agreements`} variant="secondary">
            {t("fair.agreements.title")}
          </ButtonLink>
        </div>
      )}
      <section class="stack" aria-labelledby="exhibitors">
        <h2 class="ds-heading" data-size="md" id="exhibitors">
          {t("fair.exhibitors")}
        </h2>
        {fair.categories.length > 0 && (
          <nav class="fair-filter" aria-label={t("fair.filter")}>
            <ul class="chips">
              <li>
                <a class="ds-chip" href={`/events/${e.id}#exhibitors`} aria-current={fair.category === null ? "true" : undefined}>
                  {t("fair.filter.all")}
                </a>
              </li>
              {fair.categories.map((c) => (
                <li>
                  <a
                    class="ds-chip"
                    href={`/events/${e.id}?category=${encodeURIComponent(c.code)}#exhibitors`}
                    aria-current={fair.category === c.code ? "true" : undefined}
                  >
                    {c.label} ({fmt.number(c.count)})
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {fair.exhibitors.length === 0 ? (
          <P>{fair.category ? t("fair.exhibitors.noneInCategory") : t("fair.exhibitors.none")}</P>
        ) : (
          <ul class="fair-exhibitors">
            {fair.exhibitors.map((s) => {
              const jobs = fair.jobs.get(s.associationId) ?? 0;
              return (
                <li class="ds-card fair-exhibitor">
                  <span class="fair-number" aria-hidden="true">
                    {s.standNumber}
                  </span>
                  <div class="stack">
                    <h3 class="ds-heading" data-size="xs">
                      <a class="ds-link" href={`/directory/associations/${s.associationId}`}>
                        {s.associationName}
                      </a>
                    </h3>
                    <p class="ds-sr-only">{t("fair.standNumberIs", { number: s.standNumber ?? "" })}</p>
                    <p class="ds-paragraph">{s.shows}</p>
                    {jobs > 0 && (
                      <p class="ds-paragraph">
                        <a class="ds-link" href={`/directory/associations/${s.associationId}`}>
                          {t("fair.openJobs", { count: jobs })}
                        </a>
                      </p>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}

/** Staff's list of applications: one number field per row and one save; decline per row; the exhibitors as CSV. */
export function StandsPage(props: {
  e: CommunityEvent;
  stands: FairStand[];
  categories: { id: string; label: string }[];
  form?: StandFormState | undefined;
  saved?: number | undefined;
}) {
  const { t, fmt } = usePage();
  const { e } = props;
  const errors = props.form?.errors ?? {};
  const category = new Map(props.categories.map((c) => [c.id, c.label]));
  const live = props.stands.filter((s) => s.status === "applied" || s.status === "assigned");
  const others = props.stands.filter((s) => s.status !== "applied" && s.status !== "assigned");
  const counts = { applied: live.filter((s) => s.status === "applied").length, assigned: live.filter((s) => s.status === "assigned").length };
  return (
    <div class="stack">
      <Breadcrumbs trail={[{ href: `/events/${e.id}`, label: e.title, back: t("event.backToEvent") }]} current={t("fair.stands.title")} />
      <Heading>{t("fair.stands.title")}</Heading>
      <P>{t("fair.stands.intro", { assigned: fmt.number(counts.assigned), applied: fmt.number(counts.applied) })}</P>
      <ErrorSummary errors={onceEach(errors)} />
      {props.stands.length > 0 && <Link href={`/events/${e.id}/stands.csv`}>{t("table.exportCsv")}</Link>}
      {live.length === 0 ? (
        <EmptyState title="fair.stands.empty" text="fair.stands.emptyText" />
      ) : (
        <Form action={`/events/${e.id}/stands`} class="stack">
          <ul class="fair-stand-rows">
            {live.map((s) => (
              <li class="ds-card fair-stand-row">
                <div class="stack">
                  <h2 class="ds-heading" data-size="xs">
                    {s.associationName}
                  </h2>
                  <P>
                    <span class="ds-tag" data-color={STATUS_COLORS[s.status]}>
                      {t(standStatusLabels[s.status])}
                    </span>{" "}
                    <Needs s={s} />
                    {s.categoryId && category.get(s.categoryId) ? ` · ${category.get(s.categoryId)}` : ""}
                  </P>
                  <P>{s.shows}</P>
                </div>
                <div class="fair-stand-actions">
                  <Field
                    name={`number_${s.id}`}
                    label={{ text: t("fair.numberFor", { association: s.associationName }) }}
                    value={props.form?.values[`number_${s.id}`] ?? s.standNumber ?? ""}
                    error={errors[`number_${s.id}`]}
                  />
                  <a class="ds-link" href={`/events/${e.id}/stands/${s.id}/decline`}>
                    {t("fair.decline")}
                    <span class="ds-sr-only"> {s.associationName}</span>
                  </a>
                </div>
              </li>
            ))}
          </ul>
          <div class="actions">
            <Button>{t("fair.saveNumbers")}</Button>
          </div>
        </Form>
      )}
      {others.length > 0 && (
        <details class="ds-details">
          <summary>{t("fair.stands.others", { count: others.length })}</summary>
          <div>
            <ul class="stack">
              {others.map((s) => (
                <li>
                  {s.associationName} ·{" "}
                  <span class="ds-tag" data-color={STATUS_COLORS[s.status]}>
                    {t(standStatusLabels[s.status])}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        </details>
      )}
    </div>
  );
}

/** The errors with each message once: a number used twice marks both rows but is told once. */
function onceEach(errors: FieldErrors): FieldErrors {
  const seen = new Set<string>();
  return Object.fromEntries(
    Object.entries(errors).filter(([, e]) => {
      const key = JSON.stringify(e);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
}

/** Staff confirm declining a stand before its association is told by mail. */
export function DeclineStandPage(props: { e: CommunityEvent; stand: FairStand }) {
  const { t } = usePage();
  const { e, stand: s } = props;
  return (
    <div class="stack form">
      <Breadcrumbs trail={[{ href: `/events/${e.id}/stands`, label: t("fair.stands.title"), back: t("fair.declineStand.back") }]} current={t("fair.decline")} />
      <Heading>{t("fair.declineStand.title", { association: s.associationName })}</Heading>
      <P>{t("fair.declineStand.text", { association: s.associationName, title: e.title })}</P>
      <Form action={`/events/${e.id}/stands/${s.id}/decline`} class="actions">
        <Button color="danger">{t("fair.declineStand.confirm")}</Button>
        <Link href={`/events/${e.id}/stands`}>{t("fair.declineStand.back")}</Link>
      </Form>
    </div>
  );
}

/** A stand's sign: one A4 page with the number, the association and the QR code to its visitors' page. */
export function StandSignPage(props: { e: CommunityEvent; stand: FairStand; qr: QrDrawing; url: string }) {
  const { t } = usePage();
  const { stand: s, qr } = props;
  const logo = logoOf(s);
  return (
    <div class="stack">
      <div class="actions no-print">
        <Breadcrumbs trail={[{ href: `/events/${props.e.id}`, label: props.e.title, back: t("event.backToEvent") }]} current={t("fair.sign.title")} />
      </div>
      <P class="no-print">{t("fair.sign.intro")}</P>
      <article class="fair-sign" aria-label={t("fair.sign.title")}>
        <p class="fair-sign-event">{props.e.title}</p>
        <p class="fair-sign-number">
          <span class="fair-sign-label">{t("fair.sign.stand")}</span> {s.standNumber}
        </p>
        <div class="fair-sign-who">
          {logo ? <img class="logo" src={logo} alt={t("directory.logoOf", { name: s.associationName })} /> : <Logo name={s.associationName} size="lg" />}
          <h1 class="fair-sign-name">{s.associationName}</h1>
        </div>
        <p class="fair-sign-shows">{s.shows}</p>
        <figure class="fair-sign-qr">
          <svg
            viewBox={`0 0 ${qr.size} ${qr.size}`}
            role="img"
            aria-label={t("fair.sign.qrLabel", { association: s.associationName })}
            shape-rendering="crispEdges"
            data-qr-text={qr.text}
          >
            <rect width={qr.size} height={qr.size} fill="#fff" />
            <path d={qr.path} fill="#000" />
          </svg>
          <figcaption>
            <strong>{t("fair.sign.scan")}</strong>
            <span class="fair-sign-url">{props.url.replace(/^https?:\/\//, "")}</span>
          </figcaption>
        </figure>
      </article>
    </div>
  );
}

/** The page the QR code opens: the association, what it shows, and the form to leave one's interest. */
export function VisitorPage(props: {
  e: CommunityEvent;
  stand: FairStand;
  jobs: { id: string; title: string }[];
  keptUntil: string;
  code: string;
  form?: { values: Record<string, string>; jobs: string[]; errors: FieldErrors } | undefined;
}) {
  const { t, fmt } = usePage();
  const { stand: s } = props;
  const v = props.form?.values ?? {};
  const errors = props.form?.errors ?? {};
  return (
    <article class="stack form">
      <p class="detail-kind">{t("fair.visitor.at", { title: props.e.title, number: s.standNumber ?? "" })}</p>
      <div class="fair-visitor-head">
        <Logo name={s.associationName} src={logoOf(s)} size="md" />
        <Heading size="lg">{s.associationName}</Heading>
      </div>
      <Paragraphs text={s.shows} />
      <section class="stack" aria-labelledby="lead-heading">
        <h2 class="ds-heading" data-size="md" id="lead-heading">
          {t("fair.visitor.title")}
        </h2>
        <P>{t("fair.visitor.intro", { association: s.associationName })}</P>
        <ErrorSummary errors={errors} />
        <Form action={`/fair/${props.code}`}>
          <Field name="email" label="auth.email" type="email" autocomplete="email" required value={v.email} error={errors.email} />
          <Field name="name" label="auth.name" autocomplete="name" value={v.name} error={errors.name} />
          {props.jobs.length > 0 && (
            <Checkboxes
              name="jobs"
              legend="fair.visitor.jobs"
              options={props.jobs.map((j) => ({ value: j.id, label: j.title }))}
              chosen={props.form?.jobs ?? []}
            />
          )}
          <Field name="other" label="fair.visitor.other" hint="fair.visitor.otherHint" value={v.other} error={errors.other} />
          <div class="ds-card stack fair-consent">
            <P>{t("fair.visitor.consentText", { association: s.associationName, until: fmt.date(props.keptUntil) })}</P>
            <div class="ds-field">
              <input
                class="ds-input"
                type="checkbox"
                name="consent"
                id="f-consent"
                checked={v.consent === "on"}
                aria-invalid={errors.consent ? "true" : undefined}
                aria-describedby={errors.consent ? "f-consent-error" : undefined}
              />
              <label class="ds-label" for="f-consent">
                {t("fair.visitor.consent", { association: s.associationName })}
              </label>
              <ValidationMessage id="f-consent-error" error={errors.consent} />
            </div>
          </div>
          <Button>{t("fair.visitor.send")}</Button>
        </Form>
      </section>
    </article>
  );
}

export function VisitorThanksPage(props: { stand: FairStand; e: CommunityEvent }) {
  const { t } = usePage();
  return (
    <div class="stack form">
      <Heading>{t("fair.thanks.title")}</Heading>
      <Alert color="success">{t("fair.thanks.text", { association: props.stand.associationName })}</Alert>
      <P>
        <a class="ds-link" href={`/events/${props.e.id}#exhibitors`}>
          {t("fair.thanks.more", { title: props.e.title })}
        </a>
      </P>
    </div>
  );
}

/** An association's leads from the fairs, beside its applicants. */
export function LeadsPage(props: { association: { id: string; name: string }; associations: { id: string; name: string }[]; leads: FairLead[] }) {
  const { t, fmt } = usePage();
  const a = props.association;
  return (
    <div class="stack">
      <Heading>{t("fair.leads.title")}</Heading>
      <P>{t("fair.leads.intro", { association: a.name })}</P>
      {props.associations.length > 1 && (
        <nav aria-label={t("fair.leads.choose")}>
          <ul class="chips">
            {props.associations.map((x) => (
              <li>
                <a class="ds-chip" href={`/events/fair/leads?association=${x.id}`} aria-current={x.id === a.id ? "true" : undefined}>
                  {x.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {props.leads.length === 0 ? (
        <EmptyState title="fair.leads.empty" text="fair.leads.emptyText" />
      ) : (
        <>
          <Link href={`/events/fair/leads.csv?association=${a.id}`}>{t("table.exportCsv")}</Link>
          <ul class="fair-leads">
            {props.leads.map((l) => (
              <li class="ds-card stack">
                <h2 class="ds-heading" data-size="xs">
                  {l.name ?? (
                    <a class="ds-link" href={`mailto:${l.email}`}>
                      {l.email}
                    </a>
                  )}
                </h2>
                {l.name && (
                  <P>
                    <a class="ds-link" href={`mailto:${l.email}`}>
                      {l.email}
                    </a>
                  </P>
                )}
                {l.interests.jobs.length > 0 && <P>{t("fair.leads.jobs", { jobs: l.interests.jobs.map((j) => j.title).join(", ") })}</P>}
                {l.interests.other && <P>{t("fair.leads.other", { other: l.interests.other })}</P>}
                <P class="fair-muted">{t("fair.leads.when", { title: l.eventTitle, when: fmt.dateTime(l.createdAt) })}</P>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Staff's record of a fair's agreements, and the form for a new one. */
export function AgreementsPage(props: {
  e: CommunityEvent;
  agreements: FairAgreement[];
  associations: { id: string; name: string; exhibitor: boolean }[];
  defaultFollowUp: string;
  form?: { values: Record<string, string>; chosen: string[]; errors: FieldErrors } | undefined;
}) {
  const { t, fmt } = usePage();
  const { e } = props;
  const names = new Map(props.associations.map((a) => [a.id, a.name]));
  const errors = props.form?.errors ?? {};
  const v = props.form?.values ?? {};
  const exhibitors = props.associations.filter((a) => a.exhibitor);
  const parties = (g: FairAgreement): Child => [...g.associationIds.map((id) => names.get(id) ?? ""), g.otherParties].filter(Boolean).join(", ");
  return (
    <div class="stack">
      <Breadcrumbs trail={[{ href: `/events/${e.id}`, label: e.title, back: t("event.backToEvent") }]} current={t("fair.agreements.title")} />
      <Heading>{t("fair.agreements.title")}</Heading>
      <P>{t("fair.agreements.intro")}</P>
      {props.agreements.length === 0 ? (
        <EmptyState title="fair.agreements.empty" />
      ) : (
        <>
          <Link href={`/events/${e.id}/agreements.csv`}>{t("table.exportCsv")}</Link>
          <ul class="fair-agreements">
            {props.agreements.map((g) => (
              <li class="ds-card stack">
                <h2 class="ds-heading" data-size="xs">
                  {parties(g)}
                </h2>
                <Paragraphs text={g.agreed} />
                <P class="fair-muted">
                  {g.remindedAt
                    ? t("fair.agreements.reminded", { date: fmt.date(g.followUpOn) })
                    : t("fair.agreements.followUp", { date: fmt.date(g.followUpOn) })}
                </P>
              </li>
            ))}
          </ul>
        </>
      )}
      <section class="stack form" aria-labelledby="agreement-heading">
        <h2 class="ds-heading" data-size="md" id="agreement-heading">
          {t("fair.agreements.new")}
        </h2>
        <ErrorSummary errors={errors} />
        <Form action={`/events/${e.id}/agreements`}>
          {/* The exhibitors may be many: folded away, under a line of its own so the list's legend is its only heading. */}
          <details class="ds-details" open={Boolean(props.form?.chosen.length)}>
            <summary>{t("fair.agreements.chooseExhibitors", { count: exhibitors.length })}</summary>
            <div>
              <Checkboxes
                name="associations"
                legend="fair.agreements.associations"
                options={exhibitors.map((a) => ({ value: a.id, label: a.name }))}
                chosen={props.form?.chosen ?? []}
              />
            </div>
          </details>
          <Field name="others" label="fair.agreements.others" hint="fair.agreements.othersHint" value={v.others} error={errors.others} />
          <Field name="agreed" label="fair.agreements.agreed" multiline required value={v.agreed} error={errors.agreed} />
          <Field
            name="followUpOn"
            label="fair.agreements.followUpOn"
            hint="fair.agreements.followUpHint"
            type="date"
            value={v.followUpOn ?? props.defaultFollowUp}
            error={errors.followUpOn}
          />
          <Button>{t("fair.agreements.save")}</Button>
        </Form>
      </section>
    </div>
  );
}
