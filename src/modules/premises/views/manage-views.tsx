import type { FieldErrors } from "../../../platform/http/errors.js";
import { AccessibilityChoices } from "../../../platform/ui/audience-fields.js";
import {
  Button,
  ButtonLink,
  Checkbox,
  DataTable,
  ErrorSummary,
  Field,
  Form,
  Heading,
  Link,
  P,
  Select,
  ValidationMessage,
} from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { weekdayLabel } from "../../../platform/week-slots.js";
import type { PremiseTree } from "../premise-tree.js";
import { kindLabels } from "../premises.labels.js";
import type { Closure, Premise, PremisePhoto } from "../premises.model.js";
import { PREMISE_KINDS } from "../premises.schema.js";

/** A week of opening hours to fill in; both times empty means closed that day. */
function HoursTable(props: { idPrefix: string; caption: string; hours: { weekday: number; opens: string; closes: string }[]; errors?: FieldErrors }) {
  const { t } = usePage();
  return (
    <table class="ds-table hours-table">
      <caption class="ds-sr-only">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("premises.day")}</th>
          <th scope="col">{t("premise.opens")}</th>
          <th scope="col">{t("premise.closes")}</th>
        </tr>
      </thead>
      <tbody>
        {[1, 2, 3, 4, 5, 6, 7].map((weekday) => {
          const day = t(weekdayLabel(weekday));
          const h = props.hours.find((x) => x.weekday === weekday);
          const error = props.errors?.[`opens${weekday}`];
          return (
            <tr>
              <th scope="row">{day}</th>
              <td>
                <input
                  class="ds-input"
                  type="time"
                  id={`${props.idPrefix}opens${weekday}`}
                  name={`opens${weekday}`}
                  value={h?.opens ?? ""}
                  aria-label={`${day}: ${t("premise.opens")}`}
                  aria-invalid={error ? "true" : undefined}
                />
              </td>
              <td>
                <input class="ds-input" type="time" name={`closes${weekday}`} value={h?.closes ?? ""} aria-label={`${day}: ${t("premise.closes")}`} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Every premise, each under what it is part of. */
export function ManagePage(props: { tree: PremiseTree }) {
  const { t, fmt } = usePage();
  const depth = (p: Premise) => props.tree.lineage(p.id).length - 1;
  const ordered: Premise[] = [];
  const walk = (parent: string | null) => {
    for (const p of props.tree.all.filter((x) => x.parentId === parent)) {
      ordered.push(p);
      walk(p.id);
    }
  };
  walk(null);
  return (
    <div class="stack">
      <Heading>{t("premise.manage.title")}</Heading>
      <div class="actions">
        <ButtonLink href="/premises/manage/new">{t("premise.new")}</ButtonLink>
      </div>
      <DataTable
        caption={t("premise.manage.title")}
        rows={ordered}
        columns={[
          {
            key: "name",
            label: "premise.name",
            cell: (p) => (
              <span class={`depth-${Math.min(depth(p), 3)}`}>
                <Link href={`/premises/${p.id}/edit`}>{p.name}</Link>
              </span>
            ),
          },
          { key: "kind", label: "premise.kind", cell: (p) => t(kindLabels[p.kind]) },
          { key: "capacity", label: "premises.capacityLabel", cell: (p) => (p.capacity === null ? "" : fmt.number(p.capacity)) },
          {
            key: "add",
            label: "premise.parts",
            cell: (p) => <Link href={`/premises/manage/new?parent=${p.id}`}>{t("premise.addPart", { name: p.name })}</Link>,
          },
        ]}
      />
    </div>
  );
}

export function PremiseFormPage(props: {
  action: string;
  tree: PremiseTree;
  values: Record<string, string>;
  /** The accessibility codes ticked in the form. */
  accessibility: string[];
  errors?: FieldErrors;
  editing?: {
    id: string;
    hours: { weekday: number; opens: string; closes: string }[];
    closures: Closure[];
    photos: PremisePhoto[];
    seasons: { from: string; to: string; hours: { weekday: number; opens: string; closes: string }[] }[];
  };
  seasonErrors?: FieldErrors;
  hourErrors?: FieldErrors;
  closureErrors?: FieldErrors;
  photoErrors?: FieldErrors;
  photoAlt?: string;
}) {
  const { t, fmt } = usePage();
  const v = props.values;
  const errors = props.errors ?? {};
  const editing = props.editing;
  const others = props.tree.all.filter((p) => !editing || !props.tree.withParts(editing.id).includes(p.id));
  return (
    <div class="stack form">
      <Heading>{editing ? v.name : t("premise.new")}</Heading>
      <ErrorSummary errors={errors} />
      <Form action={props.action}>
        <Field name="name" label="premise.name" required value={v.name} error={errors.name} />
        <Select name="kind" label="premise.kind" value={v.kind ?? "room"} options={PREMISE_KINDS.map((k) => ({ value: k, label: t(kindLabels[k]) }))} />
        <Select
          name="parentId"
          label="premise.parent"
          value={v.parentId}
          error={errors.parentId}
          options={[{ value: "", label: t("premise.parent.none") }, ...others.map((p) => ({ value: p.id, label: p.name }))]}
        />
        <Field name="description" label="offer.description" multiline value={v.description} />
        <Field name="address" label="premises.address" value={v.address} error={errors.address} />
        <Field name="postcode" label="opportunity.postcode" value={v.postcode} error={errors.postcode} autocomplete="postal-code" />
        <Field name="capacity" label="premises.capacityLabel" type="number" value={v.capacity} error={errors.capacity} />
        <Field name="sizeM2" label="premise.size" type="number" value={v.sizeM2} error={errors.sizeM2} />
        <Field name="facilities" label="premises.facilities" hint="premise.facilities.hint" value={v.facilities} />
        <AccessibilityChoices chosen={props.accessibility} />
        <Field name="houseRules" label="premises.rules" multiline value={v.houseRules} />
        <Field name="accessDetails" label="premise.access" hint="premise.access.hint" multiline value={v.accessDetails} />
        <Checkbox name="bookable" label="premise.bookable" checked={v.bookable === "on"} />
        <Select
          name="whoMayBook"
          label="premise.whoMayBook"
          value={v.whoMayBook}
          options={[
            { value: "associations", label: t("premise.whoMayBook.associations") },
            { value: "everyone", label: t("premise.whoMayBook.everyone") },
          ]}
        />
        <Select
          name="approval"
          label="premise.approval"
          value={v.approval}
          options={[
            { value: "manual", label: t("premise.approval.manual") },
            { value: "auto", label: t("premise.approval.auto") },
          ]}
        />
        <Field name="pricePerHour" label="premise.price" hint="premise.price.hint" value={v.pricePerHour} error={errors.pricePerHour} />
        <Field name="minMinutes" label="premise.minMinutes" type="number" required value={v.minMinutes} error={errors.minMinutes} />
        <Field name="maxMinutes" label="premise.maxMinutes" type="number" required value={v.maxMinutes} error={errors.maxMinutes} />
        <Field name="maxDaysAhead" label="premise.maxDaysAhead" type="number" required value={v.maxDaysAhead} error={errors.maxDaysAhead} />
        <Field
          name="bufferMinutes"
          label="premise.buffer"
          hint="premise.buffer.hint"
          type="number"
          required
          value={v.bufferMinutes}
          error={errors.bufferMinutes}
        />
        <Field name="cancelHours" label="premise.cancelHours" type="number" required value={v.cancelHours} error={errors.cancelHours} />
        <Button variant="primary">{t("form.save")}</Button>
      </Form>
      {editing && (
        <>
          <section class="stack" aria-labelledby="hours-heading">
            <h2 class="ds-heading" data-size="sm" id="hours-heading">
              {t("premises.openHours")}
            </h2>
            <P>{t("premise.hours.intro")}</P>
            <ErrorSummary errors={props.hourErrors ?? {}} />
            <Form action={`/premises/${editing.id}/hours`}>
              <HoursTable idPrefix="f-" caption={t("premises.openHours")} hours={editing.hours} errors={props.hourErrors} />
              <Button variant="secondary">{t("premise.hours.save")}</Button>
            </Form>
          </section>
          <section class="stack" aria-labelledby="seasons-heading">
            <h2 class="ds-heading" data-size="sm" id="seasons-heading">
              {t("premise.seasons")}
            </h2>
            <P>{t("premise.seasons.intro")}</P>
            {editing.seasons.map((season) => (
              <Form action={`/premises/${editing.id}/seasons/delete`} class="inline-form">
                <input type="hidden" name="from" value={season.from} />
                <input type="hidden" name="to" value={season.to} />
                {`${fmt.dateRange(season.from, season.to)}: ${season.hours.map((h) => `${fmt.weekday(h.weekday)} ${fmt.timeRange(h.opens, h.closes)}`).join(", ")} `}
                <Button variant="tertiary">{t("premise.season.remove", { period: fmt.dateRange(season.from, season.to) })}</Button>
              </Form>
            ))}
            <ErrorSummary errors={props.seasonErrors ?? {}} />
            <Form action={`/premises/${editing.id}/hours`}>
              <Field name="from" label="premise.season.from" type="date" required error={props.seasonErrors?.from} />
              <Field name="to" label="premise.season.to" type="date" required error={props.seasonErrors?.to} />
              <HoursTable idPrefix="season-" caption={t("premise.seasons")} hours={[]} errors={props.seasonErrors} />
              <Button variant="secondary">{t("premise.season.add")}</Button>
            </Form>
          </section>
          <section class="stack" aria-labelledby="closures-heading">
            <h2 class="ds-heading" data-size="sm" id="closures-heading">
              {t("premise.closures")}
            </h2>
            {editing.closures.length > 0 && (
              <ul class="ds-list">
                {editing.closures.map((c) => (
                  <li>
                    <Form action={`/premises/${editing.id}/closures/${c.id}/delete`} class="inline-form">
                      {`${fmt.dateRange(c.fromDate, c.toDate)}: ${c.reason} `}
                      <Button variant="tertiary">{t("premise.closure.remove", { reason: c.reason })}</Button>
                    </Form>
                  </li>
                ))}
              </ul>
            )}
            <ErrorSummary errors={props.closureErrors ?? {}} />
            <Form action={`/premises/${editing.id}/closures`}>
              <Field name="from" label="premise.closure.from" type="date" required error={props.closureErrors?.from} />
              <Field name="to" label="premise.closure.to" type="date" required error={props.closureErrors?.to} />
              <Field name="reason" label="premise.closure.reasonLabel" required error={props.closureErrors?.reason} />
              <Button variant="secondary">{t("premise.closure.add")}</Button>
            </Form>
          </section>
          <Form action={`/premises/${editing.id}/delete`}>
            <Button variant="tertiary">{t("premise.delete", { name: v.name ?? "" })}</Button>
          </Form>
          <section class="stack" aria-labelledby="photos-heading">
            <h2 class="ds-heading" data-size="sm" id="photos-heading">
              {t("premise.photos")}
            </h2>
            {editing.photos.map((p) => (
              <Form action={`/premises/${editing.id}/photos/${p.id}/delete`} class="inline-form">
                <img class="premise-photo" src={`/premises/${editing.id}/photos/${p.id}`} alt={p.alt} />
                <Button variant="tertiary">{t("premise.photo.remove", { alt: p.alt })}</Button>
              </Form>
            ))}
            <ErrorSummary errors={props.photoErrors ?? {}} />
            <Form action={`/premises/${editing.id}/photos`} multipart>
              <div class="ds-field">
                <label class="ds-label" for="f-photo">
                  {t("premise.photo")}
                </label>
                <div class="ds-paragraph" data-field="description" id="f-photo-hint">
                  {t("premise.photo.hint")}
                </div>
                <input class="ds-input" type="file" id="f-photo" name="photo" accept="image/png,image/jpeg,image/webp" aria-describedby="f-photo-hint" />
                <ValidationMessage error={props.photoErrors?.photo} />
              </div>
              <Field name="alt" label="premise.photo.alt" hint="premise.photo.alt.hint" required value={props.photoAlt} error={props.photoErrors?.alt} />
              <Button variant="secondary">{t("premise.photo.add")}</Button>
            </Form>
          </section>
        </>
      )}
    </div>
  );
}
