import type { FieldErrors } from "../../../platform/http/errors.js";
import { accessibilityLabels, labelOf } from "../../../platform/search/labels.js";
import { addDays } from "../../../platform/time/recurrence.js";
import { Button, ButtonLink, Checkbox, EmptyState, ErrorSummary, Field, Form, Heading, Link, P, Select } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { PremiseTree } from "../premise-tree.js";
import type { FreeRoom } from "../premises.find.js";
import type { Alternative, Premise, PremisePhoto } from "../premises.model.js";
import type { FindInput } from "../premises.schema.js";

const bookHref = (premiseId: string, a: { date?: string | undefined; start?: string | undefined; end?: string | undefined }) => {
  const q = new URLSearchParams(Object.entries(a).filter((e): e is [string, string] => Boolean(e[1])));
  return `/premises/${premiseId}/book${q.size ? `?${q}` : ""}`;
};

function Alternatives(props: { items: Alternative[] }) {
  const { t, fmt } = usePage();
  if (props.items.length === 0) return null;
  return (
    <ul class="ds-list">
      {props.items.map((a) => (
        <li>
          <Link href={bookHref(a.premiseId, a)}>
            {t("premises.alternative", { premise: a.premiseName, date: fmt.dateWithWeekday(a.date), start: fmt.time(a.start), end: fmt.time(a.end) })}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** "Tuesday 18–20, 25 people, step-free, near me": the rooms free then, or the nearest free times. */
export function FindPage(props: { input: FindInput; rooms: FreeRoom[]; nearUnknown: boolean; searched: boolean }) {
  const { t, fmt } = usePage();
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
                    r.distanceKm !== null ? t("search.distanceAway", { distance: fmt.distance(r.distanceKm) }) : null,
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
export function PremisePage(props: { premise: Premise; tree: PremiseTree; days: Week; monday: string; canBook: boolean; photos: PremisePhoto[] }) {
  const { t, lang } = usePage();
  const p = props.premise;
  const lineage = props.tree.lineage(p.id);
  const parts = props.tree.all.filter((x) => x.parentId === p.id);
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
    [t("premises.size"), p.sizeM2 ? `${p.sizeM2} m²` : null],
    [t("search.facet.accessibility"), p.accessibility.map((a) => labelOf(accessibilityLabels, a, t)).join(", ") || null],
    [t("premises.facilities"), p.facilities.join(", ") || null],
    [
      t("premises.price"),
      p.pricePerHour ? t("premises.priceOthers", { price: (p.pricePerHour / 100).toLocaleString(lang), currency: p.currency }) : t("premises.free"),
    ],
    [t("premises.rules"), p.houseRules || null],
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
        {props.canBook && p.bookable && <ButtonLink href={bookHref(p.id, {})}>{t("premises.book")}</ButtonLink>}
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
  alternatives?: Alternative[];
}) {
  const { t } = usePage();
  const v = props.values;
  const errors = props.errors ?? {};
  return (
    <div class="stack form">
      <Heading>{t("premises.bookTitle", { premise: props.premise.name })}</Heading>
      <P>{t(props.premise.approval === "auto" ? "premises.bookIntro.auto" : "premises.bookIntro.manual")}</P>
      <ErrorSummary errors={errors} />
      {(props.alternatives ?? []).length > 0 && (
        <div class="stack">
          <P>{t("premises.instead")}</P>
          <Alternatives items={props.alternatives ?? []} />
        </div>
      )}
      <Form action={`/premises/${props.premise.id}/book`}>
        <Select
          name="associationId"
          label="premises.association"
          value={v.associationId}
          error={errors.associationId}
          options={[
            ...props.associations.map((a) => ({ value: a.id, label: a.name })),
            ...(props.premise.whoMayBook === "everyone" ? [{ value: "", label: t("premises.private") }] : []),
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
