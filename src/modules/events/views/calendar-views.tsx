import type { MessageKey } from "../../../platform/i18n/i18n.js";
import { Alert, Button, EmptyState, Heading, Link, P, Pagination, Select, Tabs } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { CalendarCard, CalendarPage } from "../calendar.model.js";
import { type CalendarInput, calendarHref } from "../calendar.schema.js";
import { type DayItem, type MonthDay, whenOf } from "../calendar-dates.js";
import { kindLabels } from "../events.labels.js";
import { EVENT_KINDS } from "../events.model.js";

const ignoredLabels: Record<CalendarInput["ignored"][number], MessageKey> = {
  view: "calendar.ignored.view",
  month: "calendar.ignored.month",
  kind: "calendar.ignored.kind",
  category: "calendar.ignored.category",
};

/** The feed's address for the same choice of kind and category. */
const feedHref = (input: CalendarInput) => {
  const params = new URLSearchParams();
  if (input.kind) params.set("kind", input.kind);
  if (input.category) params.set("category", input.category);
  const qs = params.toString();
  return `/events/calendar.ics${qs ? `?${qs}` : ""}`;
};

/** When, said for a card: "tirsdag 1. december 2026 kl. 18.00–20.00", or "4 gange, 1. december 2026–5. januar 2027". */
function WhenText(props: { card: CalendarCard }) {
  const { t, fmt, tenant } = usePage();
  const w = whenOf(props.card.event, tenant.timeZone);
  if (w.shape === "day") return <>{t("calendar.dayAt", { date: fmt.dateWithWeekday(w.date), time: fmt.timeRange(w.from, w.to) })}</>;
  if (w.shape === "span") return <>{fmt.dateRange(w.from, w.to)}</>;
  return (
    <>
      {t("calendar.sessions", { count: w.count })}, {fmt.dateRange(w.first, w.last)}, {t("calendar.at", { time: fmt.timeRange(w.from, w.to) })}
    </>
  );
}

export function EventCard(props: { card: CalendarCard; headingLevel?: 2 | 3 }) {
  const { t, fmt, tenant } = usePage();
  const { event: e, placesLeft, categoryLabel } = props.card;
  const cancelled = e.status === "cancelled";
  const place = e.place === "online" ? t("calendar.online") : [e.placeName, e.address, e.postcode].filter(Boolean).join(", ");
  const H = props.headingLevel === 2 ? "h2" : "h3";
  return (
    <li class="ds-card event-card" data-cancelled={cancelled ? "" : undefined}>
      <p class="event-card-tags">
        <span class="ds-tag" data-color="info">
          {t(kindLabels[e.kind])}
        </span>
        {categoryLabel && <span class="event-card-category">{categoryLabel}</span>}
        {cancelled && (
          <span class="ds-tag" data-color="danger">
            {t("calendar.cancelled")}
          </span>
        )}
      </p>
      <H class="ds-heading" data-size="sm">
        <Link href={`/events/${e.id}`}>{e.title}</Link>
      </H>
      <P class="organiser">{e.associationName ?? tenant.name}</P>
      {props.card.membersOnly !== null && <P class="event-members-only">{t("event.membersOnly.line", { group: props.card.membersOnly })}</P>}
      <dl class="event-card-facts">
        <dt>{t("calendar.when")}</dt>
        <dd>
          <WhenText card={props.card} />
        </dd>
        {props.card.membersOnly === null && (
          <>
            <dt>{t("calendar.where")}</dt>
            <dd>{place || t("calendar.placeLater")}</dd>
            <dt>{t("calendar.price")}</dt>
            <dd>{e.price === "free" || e.priceMinor === null ? t("calendar.priceFree") : fmt.money(e.priceMinor, e.currency)}</dd>
          </>
        )}
        {!cancelled && props.card.membersOnly === null && (
          <>
            <dt>{t("calendar.places")}</dt>
            <dd data-full={placesLeft === 0 ? "" : undefined}>{placesLeft > 0 ? t("calendar.placesLeft", { count: placesLeft }) : t("calendar.full")}</dd>
          </>
        )}
      </dl>
    </li>
  );
}

/** Kind and category as a plain GET form: behind a disclosure on a phone, always open on a wide screen. */
function Filters(props: { page: CalendarPage }) {
  const { t } = usePage();
  const { input, categories } = props.page;
  const active = (input.kind ? 1 : 0) + (input.category ? 1 : 0);
  return (
    <search aria-label={t("calendar.filters")}>
      <form action="/events" method="get" data-autosubmit="">
        {input.view === "month" && <input type="hidden" name="view" value="month" />}
        {input.view === "month" && input.month && <input type="hidden" name="month" value={input.month} />}
        <details class="ds-details calendar-filter-box">
          <summary>{active > 0 ? t("search.filterToggleCount", { count: active }) : t("search.filterToggle")}</summary>
          <div class="calendar-filters">
            <Select
              name="kind"
              label="calendar.kind"
              value={input.kind ?? ""}
              options={[{ value: "", label: t("calendar.allKinds") }, ...EVENT_KINDS.map((k) => ({ value: k, label: t(kindLabels[k]) }))]}
            />
            {categories.length > 0 && (
              <Select
                name="category"
                label="calendar.category"
                value={input.category ?? ""}
                options={[{ value: "", label: t("calendar.allCategories") }, ...categories.map((c) => ({ value: c.code, label: c.label }))]}
              />
            )}
            <Button variant="secondary">{t("calendar.show")}</Button>
          </div>
        </details>
      </form>
    </search>
  );
}

function Empty(props: { page: CalendarPage }) {
  const { t } = usePage();
  const { input } = props.page;
  if (input.kind || input.category) {
    return (
      <EmptyState
        title="calendar.emptyFiltered"
        text="calendar.emptyFilteredText"
        action={<Link href={calendarHref({ ...input, kind: null, category: null })}>{t("calendar.showAll")}</Link>}
      />
    );
  }
  return <EmptyState title="calendar.empty" text="calendar.emptyText" action={<Link href={feedHref(input)}>{t("calendar.subscribe")}</Link>} />;
}

function ListView(props: { page: CalendarPage }) {
  const { fmt } = usePage();
  const { months, input } = props.page;
  if (months.length === 0) return <Empty page={props.page} />;
  return (
    <div class="stack calendar-list">
      {months.map((m) => (
        <section class="stack" aria-labelledby={`m-${m.month}`}>
          <h2 class="ds-heading calendar-month-heading" data-size="sm" id={`m-${m.month}`}>
            {fmt.month(m.month)}
          </h2>
          <ul class="ds-list--unstyled event-cards">
            {m.cards.map((card) => (
              <EventCard card={card} />
            ))}
          </ul>
        </section>
      ))}
      <Pagination page={input.page} pages={props.page.pages} href={(page) => calendarHref(input, { page })} />
    </div>
  );
}

function DayEntry(props: { item: DayItem }) {
  const { t, fmt } = usePage();
  const { event: e, session } = props.item;
  return (
    <li data-cancelled={e.status === "cancelled" ? "" : undefined}>
      <a class="ds-link" href={`/events/${e.id}`}>
        <span class="month-entry-time">{fmt.timeRange(props.item.from, props.item.to)}</span> <span class="month-entry-title">{e.title}</span>
      </a>
      {session && <span class="month-entry-note"> {t("calendar.sessionOf", { no: session.no, of: session.of })}</span>}
      {e.status === "cancelled" && <span class="month-entry-note"> {t("calendar.cancelled")}</span>}
    </li>
  );
}

function DayCell(props: { day: MonthDay; today: string }) {
  const { t, fmt } = usePage();
  const { day } = props;
  const isToday = day.date === props.today;
  return (
    <td
      data-out={day.inMonth ? undefined : ""}
      data-empty={day.items.length === 0 ? "" : undefined}
      data-today={isToday ? "" : undefined}
      aria-current={isToday ? "date" : undefined}
    >
      <span class="month-day-number" aria-hidden="true">
        {fmt.number(Number(day.date.slice(8, 10)))}
      </span>
      <span class="month-day-name">
        {fmt.dateWithWeekday(day.date)}
        {isToday && ` (${t("calendar.today")})`}
      </span>
      {day.items.length > 0 && (
        <ul class="month-entries">
          {day.items.map((item) => (
            <DayEntry item={item} />
          ))}
        </ul>
      )}
    </td>
  );
}

function MonthView(props: { page: CalendarPage }) {
  const { t, fmt } = usePage();
  const { page } = props;
  const { input } = page;
  return (
    <div class="stack calendar-month">
      <nav class="month-nav" aria-label={t("calendar.monthNav")}>
        {page.prevMonth ? (
          <a class="ds-link" href={calendarHref(input, { month: page.prevMonth })}>
            {t("calendar.prevMonth", { month: fmt.month(page.prevMonth) })}
          </a>
        ) : (
          <span />
        )}
        <h2 class="ds-heading" data-size="sm">
          {fmt.month(page.month)}
        </h2>
        <a class="ds-link" href={calendarHref(input, { month: page.nextMonth })}>
          {t("calendar.nextMonth", { month: fmt.month(page.nextMonth) })}
        </a>
      </nav>
      {page.total === 0 ? (
        <div class="empty stack">
          <h3 class="ds-heading" data-size="sm">
            {t("calendar.emptyMonth", { month: fmt.month(page.month) })}
          </h3>
          <P>{t(input.kind || input.category ? "calendar.emptyFilteredText" : "calendar.emptyMonthText")}</P>
          <ul class="empty-links">
            <li>
              <Link href={calendarHref(input, { month: page.nextMonth })}>{t("calendar.nextMonth", { month: fmt.month(page.nextMonth) })}</Link>
            </li>
            <li>
              <Link href={calendarHref({ ...input, view: "list", kind: null, category: null })}>{t("calendar.showAll")}</Link>
            </li>
          </ul>
        </div>
      ) : (
        <table class="month-grid">
          <caption class="ds-sr-only">{t("calendar.monthCaption", { month: fmt.month(page.month) })}</caption>
          <thead>
            <tr>
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <th scope="col">{fmt.weekday(d)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.weeks.map((week) => (
              <tr>
                {week.map((day) => (
                  <DayCell day={day} today={page.today} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The public calendar: a list by month or a month as a grid, filtered by kind and category, all with plain links and forms. */
export function CalendarPageView(props: { page: CalendarPage }) {
  const { t } = usePage();
  const { page } = props;
  const { input } = page;
  return (
    <div class="stack event-calendar">
      <Heading>{t("calendar.title")}</Heading>
      <P>{t("calendar.intro")}</P>
      {input.ignored.length > 0 && (
        <Alert color="warning">
          {input.ignored.map((k) => (
            <P>{t(ignoredLabels[k])}</P>
          ))}
        </Alert>
      )}
      <div class="calendar-bar">
        <Tabs
          label={t("calendar.views")}
          items={[
            { href: calendarHref({ ...input, view: "list" }), label: "calendar.view.list", current: input.view === "list" },
            { href: calendarHref({ ...input, view: "month" }), label: "calendar.view.month", current: input.view === "month" },
          ]}
        />
        <a class="ds-link calendar-feed" href={feedHref(input)}>
          {t("calendar.subscribe")}
        </a>
      </div>
      <Filters page={page} />
      {input.view === "month" ? <MonthView page={page} /> : <ListView page={page} />}
    </div>
  );
}
