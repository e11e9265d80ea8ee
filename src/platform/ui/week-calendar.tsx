import { usePage } from "./page-context.js";

/** One day of a calendar: its opening hours (none when closed, with the reason when there is one) and what is booked. */
export interface CalendarDay {
  date: string;
  open: { opens: string; closes: string } | null;
  closure: string | null;
  booked: { start: string; end: string; status: string; own: boolean }[];
}

type State = "free" | "booked" | "held" | "closed";

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** What an hour of a day is: closed, booked, held for an answer, or free. */
function stateOf(day: CalendarDay, from: number, to: number): State {
  if (!day.open || minutes(day.open.opens) >= to || minutes(day.open.closes) <= from) return "closed";
  const overlapping = day.booked.filter((b) => minutes(b.start) < to && from < minutes(b.end));
  if (overlapping.some((b) => b.status === "approved")) return "booked";
  if (overlapping.length > 0) return "held";
  return "free";
}

/**
 * A week as a grid: the hours down, the days across, each hour free, booked, held or closed in
 * colour and in words. A real table with headers, so a screen reader reads "tirsdag, 18.00: booket".
 */
export function WeekCalendar(props: { days: CalendarDay[]; today: string; caption: string; prevHref: string; nextHref: string }) {
  const { t, fmt } = usePage();
  const opens = props.days.flatMap((d) => (d.open ? [minutes(d.open.opens)] : []));
  const closes = props.days.flatMap((d) => (d.open ? [minutes(d.open.closes)] : []));
  const first = Math.floor((opens.length ? Math.min(...opens) : 8 * 60) / 60) * 60;
  const last = Math.ceil((closes.length ? Math.max(...closes) : 22 * 60) / 60) * 60;
  const hours = Array.from({ length: Math.max(1, (last - first) / 60) }, (_, i) => first + i * 60);
  const words: Record<State, string> = {
    free: t("calendar.free"),
    booked: t("premises.booked"),
    held: t("calendar.held"),
    closed: t("premises.closed"),
  };
  const weekdayOf = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
  return (
    <div class="week-calendar">
      <nav class="week-calendar-nav" aria-label={t("premises.weekNav")}>
        <a class="ds-link" href={props.prevHref}>
          {t("premises.prevWeek")}
        </a>
        <a class="ds-link" href={props.nextHref}>
          {t("premises.nextWeek")}
        </a>
      </nav>
      <ul class="week-calendar-legend" aria-hidden="true">
        {(["free", "booked", "held", "closed"] as const).map((s) => (
          <li>
            <span class="week-calendar-swatch" data-state={s} /> {words[s]}
          </li>
        ))}
      </ul>
      {/* On a phone the week scrolls sideways in its own box; the box takes focus so a keyboard can scroll it too. */}
      <section class="week-calendar-scroll" aria-label={props.caption} tabindex={0}>
        <table class="week-calendar-table">
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              <td />
              {props.days.map((d) => (
                <th scope="col" aria-current={d.date === props.today ? "date" : undefined} data-today={d.date === props.today ? "" : undefined}>
                  <span class="week-calendar-day">{fmt.weekday(weekdayOf(d.date))}</span>
                  <span class="week-calendar-date">{fmt.dateShort(d.date)}</span>
                  {d.date === props.today && <span class="week-calendar-today">{t("calendar.today")}</span>}
                  {!d.open && d.closure && <span class="week-calendar-closure">{d.closure}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {hours.map((h) => (
              <tr>
                <th scope="row">{fmt.time(hhmm(h))}</th>
                {props.days.map((d) => {
                  const state = stateOf(d, h, h + 60);
                  return (
                    <td data-state={state} data-today={d.date === props.today ? "" : undefined}>
                      {words[state]}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
