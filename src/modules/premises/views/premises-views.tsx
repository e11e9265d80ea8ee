import { listOf } from "../../../db/lists.js";
import type { FieldErrors } from "../../../platform/http/errors.js";
import { accessibilityLabels, labelOf } from "../../../platform/search/labels.js";
import {
  Alert,
  BarChart,
  Button,
  ButtonLink,
  Checkbox,
  DataTable,
  EmptyState,
  ErrorSummary,
  Field,
  Form,
  Heading,
  Link,
  P,
  Select,
} from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { addDays } from "../occurrences.js";
import type { PremiseTree } from "../premise-tree.js";
import type { FreeRoom } from "../premises.find.js";
import type { BookingListRow } from "../premises.repository.js";
import type { FindInput } from "../premises.schema.js";
import type { Alternative, Premise, Problem } from "../premises.service.js";
import { describeWhen, formatMoney } from "../premises.service.js";
import type { UsageRow } from "../usage.js";

const bookHref = (premiseId: string, a: { date?: string | undefined; start?: string | undefined; end?: string | undefined }) => {
  const q = new URLSearchParams(Object.entries(a).filter((e): e is [string, string] => Boolean(e[1])));
  return `/premises/${premiseId}/book${q.size ? `?${q}` : ""}`;
};

function Alternatives(props: { items: Alternative[] }) {
  const { t } = usePage();
  if (props.items.length === 0) return null;
  return (
    <ul class="ds-list">
      {props.items.map((a) => (
        <li>
          <Link href={bookHref(a.premiseId, a)}>{t("premises.alternative", { premise: a.premiseName, date: a.date, start: a.start, end: a.end })}</Link>
        </li>
      ))}
    </ul>
  );
}

/** "Tuesday 18–20, 25 people, step-free, near me": the rooms free then, or the nearest free times. */
export function FindPage(props: { input: FindInput; rooms: FreeRoom[]; nearUnknown: boolean; searched: boolean }) {
  const { t } = usePage();
  const v = props.input;
  return (
    <div class="stack">
      <Heading>{t("premises.title")}</Heading>
      <P>{t("premises.intro")}</P>
      <form method="get" action="/premises" class="filters" aria-label={t("premises.find")}>
        <Field name="date" label="premises.date" type="date" value={v.date} />
        <Field name="start" label="premises.start" type="time" value={v.start} />
        <Field name="end" label="premises.end" type="time" value={v.end} />
        <Field name="people" label="premises.people" type="number" value={v.people?.toString()} />
        <Field name="near" label="premises.near" value={v.near} autocomplete="postal-code" error={props.nearUnknown ? "search.near.unknown" : undefined} />
        <Checkbox name="stepFree" label="premises.stepFree" checked={v.stepFree === "on"} />
        <Button variant="primary">{t("premises.find")}</Button>
      </form>
      <section class="stack" aria-labelledby="rooms-heading">
        <h2 class="ds-heading" data-size="sm" id="rooms-heading">
          {t("premises.count", { count: props.rooms.filter((r) => r.free).length })}
        </h2>
        {props.rooms.length === 0 ? (
          <EmptyState title="premises.none" />
        ) : (
          <ul class="ds-list--unstyled stack">
            {props.rooms.map((r) => (
              <li class="ds-card search-hit">
                <h3 class="ds-heading" data-size="sm">
                  <Link href={`/premises/${r.premise.id}`}>{r.premise.name}</Link>
                </h3>
                <P>
                  {[
                    r.building !== r.premise.name ? r.building : null,
                    r.premise.capacity ? t("premises.capacity", { count: r.premise.capacity }) : null,
                    r.distanceKm !== null ? t("search.distance", { km: r.distanceKm }) : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </P>
                {props.searched && (r.free ? <P>{t("premises.freeThen")}</P> : <P>{t("premises.takenThen")}</P>)}
                {props.searched && r.free && (
                  <ButtonLink href={bookHref(r.premise.id, v)} variant="secondary">
                    {t("premises.bookThis", { premise: r.premise.name })}
                  </ButtonLink>
                )}
                {!r.free && r.nearest.length > 0 && <Alternatives items={r.nearest} />}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

type Week = {
  date: string;
  open: { opens: string; closes: string } | null;
  closure: string | null;
  booked: { start: string; end: string; status: string; own: boolean }[];
}[];

/** A room's page: what it is and its week, a table that works without JavaScript. */
export function PremisePage(props: {
  premise: Premise;
  tree: PremiseTree;
  days: Week;
  monday: string;
  canBook: boolean;
  photos: { id: string; alt: string }[];
}) {
  const { t, lang } = usePage();
  const p = props.premise;
  const lineage = props.tree.lineage(p.id);
  const parts = props.tree.all.filter((x) => x.parent_id === p.id);
  const dayName = new Intl.DateTimeFormat(lang, { weekday: "long", day: "numeric", month: "short" });
  const facts: [string, string | null][] = [
    [
      t("premises.partOf"),
      lineage.length > 1
        ? lineage
            .slice(1)
            .map((x) => x.name)
            .join(", ")
        : null,
    ],
    [t("premises.address"), props.tree.addressOf(p.id) || null],
    [t("premises.capacityLabel"), p.capacity?.toString() ?? null],
    [t("premises.size"), p.size_m2 ? `${p.size_m2} m²` : null],
    [
      t("search.facet.accessibility"),
      listOf(p.accessibility)
        .map((a) => labelOf(accessibilityLabels, a, t))
        .join(", ") || null,
    ],
    [t("premises.facilities"), p.facilities ? p.facilities.split(",").join(", ") : null],
    [
      t("premises.price"),
      p.price_per_hour ? t("premises.priceOthers", { price: (p.price_per_hour / 100).toLocaleString(lang), currency: p.currency }) : t("premises.free"),
    ],
    [t("premises.rules"), p.house_rules || null],
  ];
  return (
    <article class="stack">
      <Heading>{p.name}</Heading>
      {p.description && <P class="body">{p.description}</P>}
      {props.photos.length > 0 && (
        <div class="photos">
          {props.photos.map((photo) => (
            <img class="premise-photo" src={`/premises/${p.id}/photos/${photo.id}`} alt={photo.alt} />
          ))}
        </div>
      )}
      <dl>
        {facts
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </>
          ))}
      </dl>
      {parts.length > 0 && (
        <P>
          {t("premises.parts")}{" "}
          {parts.map((x, i) => (
            <>
              {i > 0 && ", "}
              <Link href={`/premises/${x.id}`}>{x.name}</Link>
            </>
          ))}
        </P>
      )}
      <div class="actions">
        {props.canBook && p.bookable === 1 && <ButtonLink href={bookHref(p.id, {})}>{t("premises.book")}</ButtonLink>}
        <Link href={`/premises/${p.id}/calendar.ics`}>{t("premises.feed")}</Link>
      </div>
      <section class="stack" aria-labelledby="week-heading">
        <h2 class="ds-heading" data-size="sm" id="week-heading">
          {t("premises.week", { date: props.monday })}
        </h2>
        <nav class="actions" aria-label={t("premises.weekNav")}>
          <Link href={`/premises/${p.id}?week=${addDays(props.monday, -7)}`}>{t("premises.prevWeek")}</Link>
          <Link href={`/premises/${p.id}?week=${addDays(props.monday, 7)}`}>{t("premises.nextWeek")}</Link>
        </nav>
        <table class="ds-table" data-border="true">
          <caption class="ds-sr-only">{t("premises.week", { date: props.monday })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("premises.day")}</th>
              <th scope="col">{t("premises.openHours")}</th>
              <th scope="col">{t("premises.booked")}</th>
            </tr>
          </thead>
          <tbody>
            {props.days.map((d) => (
              <tr>
                <th scope="row">{dayName.format(new Date(`${d.date}T12:00:00Z`))}</th>
                <td>{d.open ? `${d.open.opens}–${d.open.closes}` : d.closure ? t("premises.closedBecause", { reason: d.closure }) : t("premises.closed")}</td>
                <td>
                  {d.booked.length === 0
                    ? d.open
                      ? t("premises.allFree")
                      : ""
                    : d.booked
                        .map(
                          (b) =>
                            `${b.start}–${b.end}${b.status === "pending" || b.status === "proposed" ? ` (${t("premises.held")})` : ""}${b.own ? "" : ` (${t("premises.otherPart")})`}`,
                        )
                        .join(", ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}

export function BookingFormPage(props: {
  premise: Premise;
  associations: { id: string; name: string }[];
  values: Record<string, string>;
  errors?: FieldErrors;
  problems?: Problem[];
  alternatives?: Alternative[];
}) {
  const { t } = usePage();
  const v = props.values;
  const errors = props.errors ?? {};
  const problems = props.problems ?? [];
  return (
    <div class="stack form">
      <Heading>{t("premises.bookTitle", { premise: props.premise.name })}</Heading>
      <P>{t(props.premise.approval === "auto" ? "premises.bookIntro.auto" : "premises.bookIntro.manual")}</P>
      {problems.length > 0 && (
        <div class="ds-error-summary stack" tabindex={-1} autofocus role="alert" aria-labelledby="problems-heading">
          <h2 class="ds-heading" data-size="xs" id="problems-heading">
            {t("form.errorSummary")}
          </h2>
          <ul class="ds-list">
            {problems.map((p) => (
              <li>
                <a class="ds-link" href={`#f-${p.field}`}>
                  {t(p.key, p.params)}
                </a>
              </li>
            ))}
          </ul>
          {(props.alternatives ?? []).length > 0 && (
            <>
              <P>{t("premises.instead")}</P>
              <Alternatives items={props.alternatives ?? []} />
            </>
          )}
        </div>
      )}
      <ErrorSummary errors={errors} />
      <Form action={`/premises/${props.premise.id}/book`}>
        <Select
          name="associationId"
          label="premises.association"
          value={v.associationId}
          error={errors.associationId}
          options={[
            ...props.associations.map((a) => ({ value: a.id, label: a.name })),
            ...(props.premise.who_may_book === "everyone" ? [{ value: "", label: t("premises.private") }] : []),
          ]}
        />
        <Field name="purpose" label="premises.purpose" hint="premises.purpose.hint" required value={v.purpose} error={errors.purpose} />
        <Field name="participants" label="premises.people" type="number" required value={v.participants} error={errors.participants} />
        <Field name="date" label="premises.date" type="date" required value={v.date} error={errors.date} />
        <Field name="start" label="premises.start" type="time" required value={v.start} error={errors.start} />
        <Field name="end" label="premises.end" type="time" required value={v.end} error={errors.end} />
        <Select
          name="repeat"
          label="premises.repeat"
          value={v.repeat ?? "none"}
          error={errors.repeat}
          options={[
            { value: "none", label: t("premises.repeat.none") },
            { value: "weekly", label: t("premises.repeat.weekly") },
            { value: "biweekly", label: t("premises.repeat.biweekly") },
          ]}
        />
        <Field name="until" label="premises.until" hint="premises.until.hint" type="date" value={v.until} error={errors.until} />
        <Button variant="primary">{t("premises.send")}</Button>
      </Form>
    </div>
  );
}

const statusKey = {
  pending: "booking.status.pending",
  proposed: "booking.status.proposed",
  approved: "booking.status.approved",
  rejected: "booking.status.rejected",
  cancelled: "booking.status.cancelled",
} as const;

/** The caseworker's queue: approve or reject many at once, with a note. */
export function RequestsPage(props: { rows: BookingListRow[]; errors?: FieldErrors }) {
  const { t } = usePage();
  return (
    <div class="stack">
      <Heading>{t("premises.requests")}</Heading>
      <ErrorSummary errors={props.errors ?? {}} />
      {props.rows.length === 0 ? (
        <EmptyState title="premises.requests.empty" />
      ) : (
        <Form action="/premises/requests">
          <fieldset class="ds-fieldset stack">
            <legend class="ds-label">{t("premises.requests.choose")}</legend>
            {props.rows.map((r) => (
              <div class="ds-field">
                <input class="ds-input" type="checkbox" name="ids" value={r.id} id={`ids-${r.id}`} />
                <label class="ds-label" for={`ids-${r.id}`}>
                  {`${r.premise_name}: ${r.purpose} (${r.association_name ?? r.booker_name ?? t("audit.deletedPerson")}), ${describeWhen(t, r)}`}
                </label>
                <Link href={`/premises/bookings/${r.id}`}>{t("premises.requests.open", { premise: r.premise_name, purpose: r.purpose })}</Link>
              </div>
            ))}
          </fieldset>
          <Field name="note" label="premises.note" hint="premises.note.hint" multiline error={props.errors?.note} />
          <div class="actions">
            <Button name="decision" value="approve" variant="primary">
              {t("premises.approve")}
            </Button>
            <Button name="decision" value="reject" variant="secondary">
              {t("premises.reject")}
            </Button>
          </div>
        </Form>
      )}
    </div>
  );
}

export function MyBookingsPage(props: { rows: BookingListRow[]; associations: { id: string; name: string }[]; calendarUrl?: string; errors?: FieldErrors }) {
  const { t } = usePage();
  return (
    <div class="stack">
      <Heading>{t("premises.mine")}</Heading>
      <ErrorSummary errors={props.errors ?? {}} />
      {props.calendarUrl && (
        <Alert color="success" role="status">
          <P>{t("premises.calendar.new")}</P>
          <P>
            <code>{props.calendarUrl}</code>
          </P>
        </Alert>
      )}
      {props.rows.length === 0 ? (
        <EmptyState title="premises.mine.empty" action={<Link href="/premises">{t("premises.find")}</Link>} />
      ) : (
        <DataTable
          caption={t("premises.mine")}
          rows={props.rows}
          columns={[
            { key: "premise", label: "premises.room", cell: (r) => <Link href={`/premises/bookings/${r.id}`}>{r.premise_name}</Link> },
            { key: "purpose", label: "premises.purpose", cell: (r) => r.purpose },
            { key: "when", label: "premises.when", cell: (r) => describeWhen(t, r) },
            { key: "status", label: "application.status", cell: (r) => t(statusKey[r.status]) },
          ]}
        />
      )}
      {props.associations.length > 0 && (
        <Form action="/premises/calendars" class="stack" aria-label={t("premises.calendar.title")}>
          <Heading level={2} size="sm">
            {t("premises.calendar.title")}
          </Heading>
          <P>{t("premises.calendar.intro")}</P>
          <Select
            name="associationId"
            label="premises.association"
            options={props.associations.map((a) => ({ value: a.id, label: a.name }))}
            error={props.errors?.associationId}
          />
          <Button variant="secondary">{t("premises.calendar.make")}</Button>
        </Form>
      )}
    </div>
  );
}

export function BookingPage(props: {
  booking: BookingListRow;
  occurrences: { id: string; local_date: string; status: string; starts_at: string; no_show_at: string | null }[];
  canDecide: boolean;
  now: string;
  price: { minor: number; currency: string } | null;
  problems?: Problem[];
  alternatives?: Alternative[];
}) {
  const { t, lang } = usePage();
  const b = props.booking;
  const live = props.occurrences.filter((o) => o.status === "active");
  const open = b.status === "pending" || b.status === "approved";
  const series = b.every_weeks !== null;
  return (
    <article class="stack">
      <Heading>{t("premises.bookingOf", { premise: b.premise_name })}</Heading>
      {(props.problems ?? []).length > 0 && (
        <Alert color="danger" role="alert">
          {(props.problems ?? []).map((p) => (
            <P>{t(p.key, p.params)}</P>
          ))}
          {(props.alternatives ?? []).length > 0 && (
            <ul class="ds-list">
              {(props.alternatives ?? []).map((a) => (
                <li>{t("premises.alternative", { premise: a.premiseName, date: a.date, start: a.start, end: a.end })}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <dl>
        <dt>{t("premises.purpose")}</dt>
        <dd>{b.purpose}</dd>
        <dt>{t("premises.association")}</dt>
        <dd>{b.association_name ?? b.booker_name ?? t("audit.deletedPerson")}</dd>
        <dt>{t("premises.when")}</dt>
        <dd>{describeWhen(t, b)}</dd>
        <dt>{t("application.status")}</dt>
        <dd>{t(statusKey[b.status])}</dd>
        {props.price && (
          <>
            <dt>{t("premises.price")}</dt>
            <dd>{formatMoney(lang, props.price)}</dd>
          </>
        )}
        {b.decision_note && (
          <>
            <dt>{t("premises.note")}</dt>
            <dd>{b.decision_note}</dd>
          </>
        )}
      </dl>
      {b.status === "approved" && <Link href={`/premises/bookings/${b.id}/calendar.ics`}>{t("premises.bookingFeed")}</Link>}
      {props.canDecide && b.status === "pending" && (
        <section class="stack" aria-labelledby="propose-heading">
          <h2 class="ds-heading" data-size="sm" id="propose-heading">
            {t("premises.propose")}
          </h2>
          <P>{t(series ? "premises.propose.series" : "premises.propose.once")}</P>
          <Form action={`/premises/bookings/${b.id}/propose`}>
            <Field name="date" label={series ? "premises.propose.firstDate" : "premises.date"} type="date" required value={b.start_date} />
            <Field name="start" label="premises.start" type="time" required value={b.start_time} />
            <Field name="end" label="premises.end" type="time" required value={b.end_time} />
            <Field name="note" label="premises.note" multiline />
            <Button variant="secondary">{t("premises.propose.send")}</Button>
          </Form>
        </section>
      )}
      {b.status === "proposed" && !props.canDecide && (
        <Form action={`/premises/bookings/${b.id}/answer`} class="actions" aria-label={t("premises.proposal")}>
          <P>{t("premises.proposal.question", { when: describeWhen(t, b) })}</P>
          <Button name="answer" value="accept" variant="primary">
            {t("premises.proposal.accept")}
          </Button>
          <Button name="answer" value="decline" variant="secondary">
            {t("premises.proposal.decline")}
          </Button>
        </Form>
      )}
      {open && live.length > 0 && (
        <section class="stack" aria-labelledby="cancel-heading">
          <h2 class="ds-heading" data-size="sm" id="cancel-heading">
            {t("premises.cancel")}
          </h2>
          <Form action={`/premises/bookings/${b.id}/cancel`}>
            <Select name="date" label="premises.cancel.date" options={live.map((o) => ({ value: o.local_date, label: o.local_date }))} />
            <Select
              name="scope"
              label="premises.cancel.scope"
              options={[
                { value: "one", label: t("premises.cancel.one") },
                ...(b.every_weeks ? [{ value: "rest", label: t("premises.cancel.rest") }] : []),
                { value: "all", label: t("premises.cancel.all") },
              ]}
            />
            <Button variant="secondary">{t("premises.cancel.do")}</Button>
          </Form>
        </section>
      )}
      {open && live.length > 0 && (
        <section class="stack" aria-labelledby="move-heading">
          <h2 class="ds-heading" data-size="sm" id="move-heading">
            {t("premises.move")}
          </h2>
          <Form action={`/premises/bookings/${b.id}/move`}>
            <Select name="date" label="premises.move.date" options={live.map((o) => ({ value: o.local_date, label: o.local_date }))} />
            <Field name="newDate" label="premises.move.newDate" type="date" required />
            <Field name="start" label="premises.start" type="time" required value={b.start_time} />
            <Field name="end" label="premises.end" type="time" required value={b.end_time} />
            <Button variant="secondary">{t("premises.move.do")}</Button>
          </Form>
        </section>
      )}
      <section class="stack" aria-labelledby="dates-heading">
        <h2 class="ds-heading" data-size="sm" id="dates-heading">
          {t("premises.dates")}
        </h2>
        <ul class="ds-list">
          {props.occurrences.map((o) => (
            <li>
              {o.local_date} {o.status === "cancelled" ? `(${t("booking.status.cancelled")})` : ""}
              {o.no_show_at ? `(${t("usage.noShow")})` : ""}
              {props.canDecide && b.status === "approved" && o.status === "active" && !o.no_show_at && o.starts_at < props.now && (
                <Form action={`/premises/bookings/${b.id}/no-show`} class="inline-form">
                  <input type="hidden" name="date" value={o.local_date} />
                  <Button variant="tertiary">{t("usage.reportNoShow", { date: o.local_date })}</Button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

/** The use of premises: open hours against booked hours, by premise and by week. */
export function UsagePage(props: { from: string; to: string; rows: UsageRow[]; weeks: { week: string; openHours: number; bookedHours: number }[] }) {
  const { t, lang } = usePage();
  const percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 0 });
  const query = `from=${props.from}&to=${props.to}`;
  return (
    <div class="stack">
      <Heading>{t("usage.title")}</Heading>
      <P>{t("usage.intro")}</P>
      <form method="get" action="/premises/usage" class="filters" aria-label={t("usage.period")}>
        <Field name="from" label="usage.from" type="date" value={props.from} />
        <Field name="to" label="usage.to" type="date" value={props.to} />
        <Button variant="secondary">{t("usage.show")}</Button>
      </form>
      <BarChart
        caption={t("usage.chart")}
        max={100}
        bars={props.weeks.map((w) => ({ label: w.week.slice(5), value: w.openHours > 0 ? Math.round((w.bookedHours / w.openHours) * 100) : 0 }))}
      />
      <Link href={`/premises/usage.csv?${query}`}>{t("table.exportCsv")}</Link>
      <DataTable
        caption={t("usage.title")}
        rows={props.rows}
        columns={[
          { key: "name", label: "premises.room", cell: (r) => <Link href={`/premises/${r.premiseId}`}>{r.name}</Link> },
          { key: "building", label: "premises.partOf", cell: (r) => r.building },
          { key: "open", label: "usage.openHours", cell: (r) => r.openHours.toLocaleString(lang) },
          { key: "booked", label: "usage.bookedHours", cell: (r) => r.bookedHours.toLocaleString(lang) },
          { key: "share", label: "usage.share", cell: (r) => percent.format(r.share) },
          { key: "cancelled", label: "usage.cancelled", cell: (r) => String(r.cancelled) },
          { key: "noShows", label: "usage.noShows", cell: (r) => String(r.noShows) },
        ]}
      />
    </div>
  );
}
