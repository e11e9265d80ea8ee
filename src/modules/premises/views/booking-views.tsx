import { type FieldErrors, fieldMessage } from "../../../platform/http/errors.js";
import { Alert, Button, DataTable, EmptyState, ErrorSummary, Field, Form, Heading, Link, P, Select } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { SkippedDate } from "../bookings/skipped-dates.js";
import { describeWhen, statusLabels } from "../premises.labels.js";
import type { Alternative, BookingDate, BookingWithNames, Money } from "../premises.model.js";

/** The caseworker's queue: approve or reject many at once, with a note. */
export function RequestsPage(props: { rows: BookingWithNames[]; errors?: FieldErrors }) {
  const { t, fmt } = usePage();
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
                  {`${r.premiseName}: ${r.purpose} (${r.associationName ?? r.bookerName ?? t("audit.deletedPerson")}), ${describeWhen(t, fmt, r)}`}
                </label>
                <Link href={`/premises/bookings/${r.id}`}>{t("premises.requests.open", { premise: r.premiseName, purpose: r.purpose })}</Link>
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

export function MyBookingsPage(props: { rows: BookingWithNames[]; associations: { id: string; name: string }[]; calendarUrl?: string; errors?: FieldErrors }) {
  const { t, fmt } = usePage();
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
            { key: "premise", label: "premises.room", cell: (r) => <Link href={`/premises/bookings/${r.id}`}>{r.premiseName}</Link> },
            { key: "purpose", label: "premises.purpose", cell: (r) => r.purpose },
            { key: "when", label: "premises.when", cell: (r) => describeWhen(t, fmt, r) },
            { key: "status", label: "application.status", cell: (r) => t(statusLabels[r.status]) },
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
  booking: BookingWithNames;
  dates: BookingDate[];
  canDecide: boolean;
  /** Whether its dates can still be cancelled or moved. */
  open: boolean;
  now: string;
  price: Money | null;
  /** Dates the series left out because the premise was closed. */
  skipped?: SkippedDate[];
  errors?: FieldErrors;
  alternatives?: Alternative[];
}) {
  const { t, fmt } = usePage();
  const b = props.booking;
  const skipped = props.skipped ?? [];
  const live = props.dates.filter((o) => o.status === "active");
  const open = props.open;
  const series = b.everyWeeks !== null;
  const errors = Object.values(props.errors ?? {});
  return (
    <article class="stack">
      <Heading>{t("premises.bookingOf", { premise: b.premiseName })}</Heading>
      {errors.length > 0 && (
        <Alert color="danger" role="alert">
          {errors.map((e) => (
            <P>{fieldMessage(t, e, fmt)}</P>
          ))}
          {(props.alternatives ?? []).length > 0 && (
            <ul class="ds-list">
              {(props.alternatives ?? []).map((a) => (
                <li>
                  {t("premises.alternative", { premise: a.premiseName, date: fmt.dateWithWeekday(a.date), start: fmt.time(a.start), end: fmt.time(a.end) })}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <dl>
        <dt>{t("premises.purpose")}</dt>
        <dd>{b.purpose}</dd>
        <dt>{t("premises.association")}</dt>
        <dd>{b.associationName ?? b.bookerName ?? t("audit.deletedPerson")}</dd>
        <dt>{t("premises.when")}</dt>
        <dd>{describeWhen(t, fmt, b)}</dd>
        <dt>{t("application.status")}</dt>
        <dd>{t(statusLabels[b.status])}</dd>
        {props.price && (
          <>
            <dt>{t("premises.price")}</dt>
            <dd>{fmt.money(props.price.minor, props.price.currency)}</dd>
          </>
        )}
        {b.decisionNote && (
          <>
            <dt>{t("premises.note")}</dt>
            <dd>{b.decisionNote}</dd>
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
            <Field name="date" label={series ? "premises.propose.firstDate" : "premises.date"} type="date" required value={b.startDate} />
            <Field name="start" label="premises.start" type="time" required value={b.startTime} />
            <Field name="end" label="premises.end" type="time" required value={b.endTime} />
            <Field name="note" label="premises.note" multiline />
            <Button variant="secondary">{t("premises.propose.send")}</Button>
          </Form>
        </section>
      )}
      {b.status === "proposed" && !props.canDecide && (
        <Form action={`/premises/bookings/${b.id}/answer`} class="actions" aria-label={t("premises.proposal")}>
          <P>{t("premises.proposal.question", { when: describeWhen(t, fmt, b) })}</P>
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
            <Select name="date" label="premises.cancel.date" options={live.map((o) => ({ value: o.localDate, label: fmt.dateWithWeekday(o.localDate) }))} />
            <Select
              name="scope"
              label="premises.cancel.scope"
              options={[
                { value: "one", label: t("premises.cancel.one") },
                ...(b.everyWeeks ? [{ value: "rest", label: t("premises.cancel.rest") }] : []),
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
            <Select name="date" label="premises.move.date" options={live.map((o) => ({ value: o.localDate, label: fmt.dateWithWeekday(o.localDate) }))} />
            <Field name="newDate" label="premises.move.newDate" type="date" required />
            <Field name="start" label="premises.start" type="time" required value={b.startTime} />
            <Field name="end" label="premises.end" type="time" required value={b.endTime} />
            <Button variant="secondary">{t("premises.move.do")}</Button>
          </Form>
        </section>
      )}
      <section class="stack" aria-labelledby="dates-heading">
        <h2 class="ds-heading" data-size="sm" id="dates-heading">
          {t("premises.dates")}
        </h2>
        <ul class="ds-list">
          {props.dates.map((o) => (
            <li>
              {fmt.dateWithWeekday(o.localDate)} {o.status === "cancelled" ? `(${t("booking.status.cancelled")})` : ""}
              {o.noShowAt ? `(${t("usage.noShow")})` : ""}
              {props.canDecide && b.status === "approved" && o.status === "active" && !o.noShowAt && o.startsAt < props.now && (
                <Form action={`/premises/bookings/${b.id}/no-show`} class="inline-form">
                  <input type="hidden" name="date" value={o.localDate} />
                  <Button variant="tertiary">{t("usage.reportNoShow", { date: fmt.date(o.localDate) })}</Button>
                </Form>
              )}
            </li>
          ))}
        </ul>
        {skipped.length > 0 && (
          <div class="stack">
            <h3 class="ds-heading" data-size="xs">
              {t("premises.skipped", { count: skipped.length })}
            </h3>
            <ul class="ds-list">
              {skipped.map((s) => (
                <li>{t("premises.skipped.date", { date: fmt.dateWithWeekday(s.date), reason: s.reason, period: fmt.dateRange(s.from, s.to) })}</li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </article>
  );
}
