import type { FieldErrors } from "../../../platform/http/errors.js";
import { accessibilityLabels, labelOf } from "../../../platform/search/labels.js";
import { addDays } from "../../../platform/time/recurrence.js";
import { Button, ButtonLink, Checkbox, EmptyState, ErrorSummary, Field, Form, Heading, Link, P, Select } from "../../../platform/ui/components.js";
import { Breadcrumbs, type Fact, FactBox, MapPin, Paragraphs, PrimaryAction } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { type CalendarDay, WeekCalendar } from "../../../platform/ui/week-calendar.js";
import { PartOfAgreements } from "../../agreements/index.js";
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

/** A room's page: what it is in a fact box, its photos, and its week as a grid that works without JavaScript. */
export function PremisePage(props: {
  premise: Premise;
  tree: PremiseTree;
  days: CalendarDay[];
  monday: string;
  today: string;
  canBook: boolean;
  photos: PremisePhoto[];
  /** The cooperation agreements the premise is part of, as the reader may see them. */
  partOf?: { id: string; title: string; href: string }[];
}) {
  const { t, fmt } = usePage();
  const p = props.premise;
  const lineage = props.tree.lineage(p.id);
  const parts = props.tree.all.filter((x) => x.parentId === p.id);
  const address = props.tree.addressOf(p.id) || null;
  const facts: Fact[] = [
    [
      "premises.partOf",
      lineage.length > 1
        ? lineage
            .slice(1)
            .map((x) => x.name)
            .join(", ")
        : null,
    ],
    ["premises.address", address ? <MapPin place={address} /> : null],
    ["premises.capacityLabel", p.capacity ? fmt.number(p.capacity) : null],
    ["premises.size", p.sizeM2 ? `${fmt.number(p.sizeM2)} m²` : null],
    ["premises.facilities", p.facilities.join(", ") || null],
    ["search.facet.accessibility", p.accessibility.map((a) => labelOf(accessibilityLabels, a, t)).join(", ") || null],
    [
      "premises.price",
      p.pricePerHour ? t("premises.priceOthers", { price: fmt.money(p.pricePerHour, p.currency), currency: "" }).replace(/\s{2,}/g, " ") : t("premises.free"),
    ],
  ];
  const weekCaption = t("premises.week", { date: fmt.date(props.monday) });
  return (
    <article class="detail">
      <Breadcrumbs trail={[{ href: "/premises", label: t("premises.title"), back: t("premises.title") }]} current={p.name} />
      <header class="detail-head">
        <Heading>{p.name}</Heading>
        {props.canBook && p.bookable && <PrimaryAction href={bookHref(p.id, {})} label={t("premises.book")} />}
      </header>
      <div class="detail-body">
        <FactBox facts={facts} />
        <div class="detail-main stack">
          <PartOfAgreements agreements={props.partOf ?? []} />
          {p.description && <Paragraphs text={p.description} />}
          {props.photos.length > 0 && (
            <div class="detail-photos">
              {props.photos.map((photo) => (
                <img src={`/premises/${p.id}/photos/${photo.id}`} alt={photo.alt} loading="lazy" />
              ))}
            </div>
          )}
          {p.houseRules && (
            <section class="stack">
              <Heading level={2} size="md">
                {t("premises.rules")}
              </Heading>
              <Paragraphs text={p.houseRules} />
            </section>
          )}
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
        </div>
      </div>
      <section class="stack" aria-labelledby="week-heading">
        <h2 class="ds-heading" data-size="md" id="week-heading">
          {weekCaption}
        </h2>
        <WeekCalendar
          days={props.days}
          today={props.today}
          caption={weekCaption}
          prevHref={`/premises/${p.id}?week=${addDays(props.monday, -7)}`}
          nextHref={`/premises/${p.id}?week=${addDays(props.monday, 7)}`}
        />
        <P>
          <Link href={`/premises/${p.id}/calendar.ics`}>{t("premises.feed")}</Link>
        </P>
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
