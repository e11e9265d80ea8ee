import type { FieldErrors } from "../../../platform/http/errors.js";
import type { MessageKey } from "../../../platform/i18n/i18n.js";
import { AccessibilityChoices, CategorySelect, LanguageChoices, TargetGroupChoices } from "../../../platform/ui/audience-fields.js";
import {
  Alert,
  Button,
  ButtonLink,
  ConfirmStep,
  DataTable,
  DecisionCard,
  EmptyState,
  ErrorSummary,
  excerptOf,
  Field,
  Form,
  Heading,
  Link,
  P,
  Select,
  ValidationMessage,
} from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { MemberGroup } from "../../members/index.js";
import type { PremisePlace } from "../../premises/index.js";
import type { Term } from "../../taxonomy/index.js";
import type { EventChange } from "../event-change.model.js";
import { kindLabels } from "../events.labels.js";
import { type CommunityEvent, EVENT_KINDS, type EventStatus, type Occupancy, PLACES } from "../events.model.js";

const statusLabels: Record<EventStatus, MessageKey> = {
  pending: "eventForm.status.pending",
  published: "eventForm.status.published",
  rejected: "eventForm.status.rejected",
  cancelled: "eventForm.status.cancelled",
};

const statusColors: Record<EventStatus, string> = { pending: "warning", published: "success", rejected: "danger", cancelled: "neutral" };

const placeLabels: Record<(typeof PLACES)[number], MessageKey> = {
  premise: "eventForm.place.premise",
  address: "eventForm.place.address",
  online: "eventForm.place.online",
};

/** The form's fields: text as typed, ticked lists, and its rows of dates and questions. */
export interface EventForm {
  values: Record<string, string>;
  chosen: { targetGroups: string[]; languages: string[]; accessibility: string[] };
  sessions: { id: string; date: string; start: string; end: string }[];
  questions: { id: string; label: string; sensitive: boolean }[];
}

/** A section of the form under its own heading. */
function Part(props: { id: string; title: MessageKey; hint?: MessageKey; children?: unknown }) {
  const { t } = usePage();
  return (
    <section class="event-form-part stack" aria-labelledby={`part-${props.id}`}>
      <Heading level={2} size="md">
        <span id={`part-${props.id}`}>{t(props.title)}</span>
      </Heading>
      {props.hint && <P>{t(props.hint)}</P>}
      {props.children}
    </section>
  );
}

/** One small input of a row (a session's date or time), with its label and its own error. */
function RowInput(props: { name: string; n: number; label: string; type: "date" | "time" | "text"; value: string; error?: FieldErrors[string] }) {
  const id = `f-${props.name}-${props.n}`;
  return (
    <div class="ds-field">
      <label class="ds-label" for={id}>
        {props.label}
      </label>
      <input
        class="ds-input"
        id={id}
        name={props.name}
        type={props.type}
        value={props.value}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      />
      <ValidationMessage id={`${id}-error`} error={props.error} />
    </div>
  );
}

/**
 * Repeated rows without JavaScript: the filled ones (at least `shown`) in view, the empty rest behind a
 * disclosure that opens by itself when one of them has an error. The rows keep their order, so the lists
 * the form sends line up.
 */
function Rows<R>(props: {
  rows: R[];
  filled: (r: R) => boolean;
  failed: (n: number) => boolean;
  more: MessageKey;
  shown?: number;
  draw: (r: R, n: number) => unknown;
}) {
  const { t } = usePage();
  let last = props.shown ?? 1;
  props.rows.forEach((r, i) => {
    if (props.filled(r) || props.failed(i + 1)) last = Math.max(last, i + 1);
  });
  const rest = props.rows.slice(last);
  return (
    <>
      {props.rows.slice(0, last).map((r, i) => props.draw(r, i + 1))}
      {rest.length > 0 && (
        <details class="ds-details event-more-rows">
          <summary>{t(props.more)}</summary>
          <div class="stack">{rest.map((r, i) => props.draw(r, last + i + 1))}</div>
        </details>
      )}
    </>
  );
}

/** Whether saving the event books its premise for each session (the premises module's rules decide). */
function BookRoomChoice(props: { checked: boolean }) {
  const { t } = usePage();
  return (
    <div class="ds-field event-book-room">
      <input class="ds-input" type="checkbox" name="bookRoom" value="on" id="f-bookRoom" checked={props.checked} aria-describedby="f-bookRoom-hint" />
      <label class="ds-label" for="f-bookRoom">
        {t("events.room.book")}
      </label>
      <div class="ds-paragraph" data-field="description" id="f-bookRoom-hint">
        {t("events.room.book.hint")}
      </div>
    </div>
  );
}

export function EventFormPage(
  props: EventForm & {
    action: string;
    /** Who the person may organise as; empty when an event is changed (its organiser stays). */
    organisers: { value: string; association: string | null }[];
    categories: Term[];
    targetGroups: Term[];
    premises: PremisePlace[];
    /** Staff only: the member groups an event may be kept for; null when the person may not choose. */
    memberGroups?: MemberGroup[] | null;
    /** Places taken already: the capacity may not go below. */
    taken: number;
    errors?: FieldErrors;
    /** A network's meeting (networks): the network's name; the kind is fixed and the form goes back to the network. */
    network?: { name: string; href: string };
  },
) {
  const { t, fmt } = usePage();
  const v = props.values;
  const errors = props.errors ?? {};
  const isNew = props.action === "/events/new" || props.network !== undefined;
  const organiserLabel = (o: { value: string; association: string | null }) =>
    o.association ?? t(o.value === "municipality" ? "eventForm.organiser.municipality" : "eventForm.organiser.centre");
  const place = v.place ?? "address";
  // networks: a network's meeting speaks of a meeting, not a course, and leaves out who organises it and for which groups.
  const meeting = props.network !== undefined;
  const words = meeting
    ? ({
        intro: "networks.form.intro",
        title: "networks.form.title.hint",
        sessions: "networks.form.sessions.hint",
        more: "networks.form.sessions.more",
      } as const)
    : ({
        intro: isNew ? "eventForm.new.intro" : "eventForm.edit.intro",
        title: "eventForm.title.hint",
        sessions: "eventForm.sessions.hint",
        more: "eventForm.sessions.more",
      } as const);
  return (
    <div class="stack form event-form">
      <Heading>
        {props.network ? t("networks.meetings.new.title", { network: props.network.name }) : t(isNew ? "eventForm.new.title" : "eventForm.edit.title")}
      </Heading>
      <P>{t(words.intro)}</P>
      <ErrorSummary errors={errors} />
      <Form action={props.action} class="stack">
        <Part id="what" title="eventForm.part.what">
          {isNew ? (
            props.organisers.length > 1 ? (
              <Select
                name="organiser"
                label="eventForm.organiser"
                value={v.organiser}
                error={errors.organiser}
                options={props.organisers.map((o) => ({ value: o.value, label: organiserLabel(o) }))}
              />
            ) : (
              <>
                <input type="hidden" name="organiser" value={props.organisers[0]?.value ?? ""} />
                {props.organisers[0] && !meeting && (
                  <P>
                    {t("eventForm.organiser")}: <strong>{organiserLabel(props.organisers[0])}</strong>
                  </P>
                )}
              </>
            )
          ) : (
            <input type="hidden" name="organiser" value={v.organiser} />
          )}
          {props.network ? (
            <input type="hidden" name="kind" value="network_meeting" />
          ) : (
            <Select
              name="kind"
              label="eventForm.kind"
              value={v.kind}
              error={errors.kind}
              options={EVENT_KINDS.map((k) => ({ value: k, label: t(kindLabels[k]) }))}
            />
          )}
          <Field name="title" label="eventForm.title" hint={words.title} required value={v.title} error={errors.title} />
          <Field
            name="description"
            label="eventForm.description"
            hint="eventForm.description.hint"
            multiline
            required
            value={v.description}
            error={errors.description}
          />
          {!meeting && <CategorySelect categories={props.categories} value={v.categoryId} error={errors.categoryId} />}
          {!meeting && <TargetGroupChoices targetGroups={props.targetGroups} chosen={props.chosen.targetGroups} />}
          <LanguageChoices chosen={props.chosen.languages} />
        </Part>

        <Part id="when" title="eventForm.part.when" hint={words.sessions}>
          <Rows
            rows={props.sessions}
            filled={(s) => Boolean(s.date || s.start || s.end)}
            failed={(n) => Boolean(errors[`sessionDate-${n}`] || errors[`sessionStart-${n}`] || errors[`sessionEnd-${n}`])}
            more={words.more}
            draw={(s, n) => (
              <fieldset class="ds-fieldset event-session">
                <legend class="ds-label">{t("eventForm.session", { n })}</legend>
                <input type="hidden" name="sessionId" value={s.id} />
                <div class="event-session-fields">
                  <RowInput name="sessionDate" n={n} label={t("eventForm.session.date")} type="date" value={s.date} error={errors[`sessionDate-${n}`]} />
                  <RowInput name="sessionStart" n={n} label={t("eventForm.session.start")} type="time" value={s.start} error={errors[`sessionStart-${n}`]} />
                  <RowInput name="sessionEnd" n={n} label={t("eventForm.session.end")} type="time" value={s.end} error={errors[`sessionEnd-${n}`]} />
                </div>
              </fieldset>
            )}
          />
        </Part>

        <Part id="where" title="eventForm.part.where">
          <fieldset class="ds-fieldset" aria-describedby={errors.place ? "f-place-error" : undefined}>
            <legend class="ds-label">{t("eventForm.place")}</legend>
            {PLACES.map((p) => (
              <div class="ds-field">
                <input class="ds-input" type="radio" name="place" value={p} id={`f-place-${p}`} checked={place === p} />
                <label class="ds-label" for={`f-place-${p}`}>
                  {t(placeLabels[p])}
                </label>
              </div>
            ))}
            <ValidationMessage id="f-place-error" error={errors.place} />
          </fieldset>
          <div class="event-place stack" data-place="premise">
            <Select
              name="premiseId"
              label="eventForm.premise"
              value={v.premiseId}
              error={errors.premiseId}
              options={[
                { value: "", label: t("eventForm.premise.choose") },
                ...props.premises.map((p) => ({
                  value: p.id,
                  label: p.capacity ? t("eventForm.premise.option", { name: p.name, count: p.capacity }) : p.name,
                })),
              ]}
            />
            <P class="event-hint">{t("eventForm.premise.hint")}</P>
            <BookRoomChoice checked={v.bookRoom === "on"} />
          </div>
          <div class="event-place stack" data-place="address">
            <Field name="placeName" label="eventForm.placeName" value={v.placeName} error={errors.placeName} />
            <Field name="address" label="eventForm.address" required value={v.address} error={errors.address} autocomplete="street-address" />
            <Field name="postcode" label="opportunity.postcode" value={v.postcode} error={errors.postcode} autocomplete="postal-code" />
          </div>
          <div class="event-place stack" data-place="online">
            <Field
              name="onlineUrl"
              label="eventForm.onlineUrl"
              hint="eventForm.onlineUrl.hint"
              type="url"
              required
              value={v.onlineUrl}
              error={errors.onlineUrl}
            />
          </div>
          <AccessibilityChoices chosen={props.chosen.accessibility} />
        </Part>

        <Part id="registration" title="eventForm.part.registration">
          {!meeting && props.memberGroups && (
            <Select
              name="memberGroupId"
              label="eventForm.memberGroup"
              value={v.memberGroupId ?? ""}
              error={errors.memberGroupId}
              options={[
                { value: "", label: t("eventForm.memberGroup.everyone") },
                ...props.memberGroups.map((g) => ({ value: g.id, label: t("eventForm.memberGroup.only", { name: g.name }) })),
              ]}
            />
          )}
          <div class="event-pair">
            <Field
              name="capacity"
              label="eventForm.capacity"
              type="number"
              required
              value={v.capacity}
              error={errors.capacity}
              hint={props.taken > 0 ? undefined : "eventForm.capacity.hint"}
            />
            <Field
              name="maxPerRegistration"
              label="eventForm.maxPerRegistration"
              hint="eventForm.maxPerRegistration.hint"
              type="number"
              required
              value={v.maxPerRegistration}
              error={errors.maxPerRegistration}
            />
          </div>
          {props.taken > 0 && <P class="event-hint">{t("eventForm.capacity.taken", { count: fmt.number(props.taken) })}</P>}
          <fieldset class="ds-fieldset">
            <legend class="ds-label">{t("eventForm.window")}</legend>
            <div class="ds-paragraph" data-field="description">
              {t("eventForm.window.hint")}
            </div>
            <div class="event-pair">
              <Field name="opensDate" label="eventForm.opensDate" type="date" value={v.opensDate} error={errors.opensDate} />
              <Field name="opensTime" label="eventForm.opensTime" type="time" value={v.opensTime} error={errors.opensTime} />
            </div>
            <div class="event-pair">
              <Field name="closesDate" label="eventForm.closesDate" type="date" value={v.closesDate} error={errors.closesDate} />
              <Field name="closesTime" label="eventForm.closesTime" type="time" value={v.closesTime} error={errors.closesTime} />
            </div>
          </fieldset>
          <fieldset class="ds-fieldset">
            <legend class="ds-label">{t("eventForm.price")}</legend>
            {(["free", "cost"] as const).map((p) => (
              <div class="ds-field">
                <input class="ds-input" type="radio" name="price" value={p} id={`f-price-${p}`} checked={(v.price ?? "free") === p} />
                <label class="ds-label" for={`f-price-${p}`}>
                  {t(p === "free" ? "eventForm.price.free" : "eventForm.price.cost")}
                </label>
              </div>
            ))}
          </fieldset>
          <div class="event-amount">
            <Field name="amount" label="eventForm.amount" hint="eventForm.amount.hint" value={v.amount} error={errors.amount} />
          </div>
        </Part>

        <Part id="questions" title="eventForm.part.questions" hint="eventForm.questions.hint">
          <ValidationMessage error={errors["questionLabel-1"]} />
          <Rows
            rows={props.questions}
            filled={(q) => Boolean(q.label)}
            failed={(n) => n === 1 && Boolean(errors["questionLabel-1"])}
            more="eventForm.questions.more"
            shown={0}
            draw={(q, n) => (
              <fieldset class="ds-fieldset event-question">
                <legend class="ds-label">{t("eventForm.question", { n })}</legend>
                <input type="hidden" name="questionId" value={q.id} />
                <div class="ds-field">
                  <label class="ds-label ds-sr-only" for={`f-questionLabel-${n}`}>
                    {t("eventForm.question.label", { n })}
                  </label>
                  <input class="ds-input" id={`f-questionLabel-${n}`} name="questionLabel" value={q.label} />
                </div>
                <div class="ds-field">
                  <input class="ds-input" type="checkbox" name="questionSensitive" value={String(n)} id={`f-questionSensitive-${n}`} checked={q.sensitive} />
                  <label class="ds-label" for={`f-questionSensitive-${n}`}>
                    {t("eventForm.question.sensitive")}
                  </label>
                </div>
              </fieldset>
            )}
          />
        </Part>

        <Part id="contact" title="eventForm.part.contact">
          <Field
            name="contactEmail"
            label="opportunity.contactEmail"
            hint="eventForm.contactEmail.hint"
            type="email"
            required
            value={v.contactEmail}
            error={errors.contactEmail}
            autocomplete="email"
          />
        </Part>
        <div class="actions">
          <Button variant="primary">{t(isNew ? "eventForm.create" : "form.save")}</Button>
          <ButtonLink href={props.network?.href ?? "/events/manage"} variant="tertiary">
            {t("form.cancel")}
          </ButtonLink>
        </div>
      </Form>
    </div>
  );
}

/** When an event is: its first date, and how many dates a course has. */
function When(props: { event: CommunityEvent }) {
  const { t, fmt } = usePage();
  const e = props.event;
  return (
    <span>
      {fmt.dateTime(e.startsAt)}
      {e.sessions.length > 1 && (
        <>
          <br />
          <span class="event-more">{t("eventForm.sessions.count", { count: e.sessions.length })}</span>
        </>
      )}
    </span>
  );
}

export function StatusTag(props: { status: EventStatus }) {
  const { t } = usePage();
  return (
    <span class="ds-tag" data-color={statusColors[props.status]}>
      {t(statusLabels[props.status])}
    </span>
  );
}

/** The organiser's events, newest first, each with how full it is and what can be done with it. */
export function ManageEventsPage(props: {
  rows: { event: CommunityEvent; occupancy: Occupancy; network?: string | null; group?: string | null }[];
  mayModerate: boolean;
  pending: number;
  now: string;
}) {
  const { t, fmt } = usePage();
  return (
    <div class="stack">
      <Heading size="lg">{t("eventForm.manage.title")}</Heading>
      <P>{t("eventForm.manage.intro")}</P>
      <div class="actions">
        <ButtonLink href="/events/new" variant="primary">
          {t("eventForm.new.title")}
        </ButtonLink>
        {props.mayModerate && <ButtonLink href="/events/moderation">{t("eventForm.manage.toApprove", { count: props.pending })}</ButtonLink>}
      </div>
      {props.rows.length === 0 ? (
        <EmptyState title="eventForm.manage.empty" text="eventForm.manage.emptyText" />
      ) : (
        <DataTable
          caption={t("eventForm.manage.title")}
          rows={props.rows}
          columns={[
            {
              key: "title",
              label: "eventForm.title",
              cell: ({ event: e }) => (
                <span class="event-title-cell">
                  <Link href={`/events/${e.id}`}>{e.title}</Link>
                  <span class="event-more">{[t(kindLabels[e.kind]), e.associationName].filter(Boolean).join(" · ")}</span>
                </span>
              ),
            },
            { key: "when", label: "eventForm.when", cell: ({ event: e }) => <When event={e} /> },
            {
              key: "status",
              label: "eventForm.status",
              cell: ({ event: e, network, group }) => (
                <span class="event-status">
                  {e.status === "published" && e.endsAt < props.now ? (
                    t("eventForm.status.ended")
                  ) : e.status === "published" && e.networkId ? (
                    <span class="ds-tag networks-members-only" data-color="info">
                      {t("networks.manage.membersOnly", { network: network ?? "" })}
                    </span>
                  ) : e.status === "published" && e.memberGroupId ? (
                    <span class="ds-tag networks-members-only" data-color="info">
                      {t("event.membersOnly.line", { group: group ?? "" })}
                    </span>
                  ) : (
                    <StatusTag status={e.status} />
                  )}
                </span>
              ),
            },
            {
              key: "places",
              label: "eventForm.places",
              cell: ({ occupancy: o }) => t("eventForm.places.value", { taken: fmt.number(o.taken), capacity: fmt.number(o.capacity) }),
            },
            { key: "waiting", label: "eventForm.waiting", cell: ({ occupancy: o }) => fmt.number(o.waiting) },
            {
              key: "actions",
              label: "eventForm.actions",
              cell: ({ event: e }) => (
                <span class="event-actions">
                  {e.status !== "cancelled" && <Link href={`/events/${e.id}/edit`}>{t("eventForm.action.edit")}</Link>}
                  <Link href={`/events/${e.id}/participants`}>{t("eventForm.action.participants")}</Link>
                  {e.status !== "cancelled" && e.endsAt >= props.now && <Link href={`/events/${e.id}/cancel`}>{t("eventForm.action.cancel")}</Link>}
                </span>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}

/** The step before cancelling: who will hear, and that it cannot be undone. */
export function CancelEventPage(props: { event: CommunityEvent; occupancy: Occupancy }) {
  const { t, fmt } = usePage();
  const e = props.event;
  const people = props.occupancy.taken + props.occupancy.waiting;
  return (
    <ConfirmStep
      title={t("eventForm.cancel.title", { title: e.title })}
      action={`/events/${e.id}/cancel`}
      confirm="eventForm.cancel.confirm"
      cancelHref="/events/manage"
      danger
    >
      {e.status === "cancelled" ? (
        <Alert color="info">{t("eventForm.cancelled")}</Alert>
      ) : (
        <>
          <P>{t("eventForm.cancel.when", { when: fmt.when(e.startsAt) })}</P>
          <P>{t("eventForm.cancel.who", { count: people })}</P>
          <P>{t("eventForm.cancel.undone")}</P>
        </>
      )}
    </ConfirmStep>
  );
}

/** What a waiting change alters, in the form's own words (several fields read as one part of the form). */
const FIELD_LABELS: Record<string, MessageKey> = {
  kind: "eventForm.kind",
  title: "eventForm.title",
  description: "eventForm.description",
  categoryId: "eventForm.part.what",
  targetGroups: "eventForm.part.what",
  languages: "eventForm.part.what",
  accessibility: "eventForm.part.where",
  place: "eventForm.place",
  premiseId: "eventForm.place",
  placeName: "eventForm.place",
  address: "eventForm.place",
  postcode: "eventForm.place",
  onlineUrl: "eventForm.place",
  price: "eventForm.price",
  priceMinor: "eventForm.price",
  capacity: "eventForm.capacity",
  maxPerRegistration: "eventForm.maxPerRegistration",
  registrationOpensAt: "eventForm.window",
  registrationClosesAt: "eventForm.window",
  questions: "eventForm.part.questions",
  contactEmail: "opportunity.contactEmail",
  sessions: "eventForm.when",
};
const changedLabels = (fields: string[]): MessageKey[] => [...new Set(fields.flatMap((f) => (FIELD_LABELS[f] ? [FIELD_LABELS[f]] : [])))];

/** Staff's queue of associations' events: what, who sent it and when; approve or send back with a note. */
export function EventModerationPage(props: { rows: CommunityEvent[]; changes?: { event: CommunityEvent; change: EventChange }[] }) {
  const { t, fmt } = usePage();
  const changes = props.changes ?? [];
  return (
    <div class="stack moderation">
      <Heading>{t("eventForm.moderation.title")}</Heading>
      <P>{t("eventForm.moderation.intro")}</P>
      {props.rows.length === 0 && changes.length === 0 && <EmptyState title="eventForm.moderation.empty" />}
      {changes.map(({ event: e, change }) => (
        <DecisionCard
          item={{
            id: e.id,
            kind: t("eventroom.moderation.change"),
            title: e.title,
            href: `/events/${e.id}`,
            association: e.associationName ?? "",
            person: e.contactEmail,
            sent: change.since,
            excerpt: t("eventroom.moderation.changed", {
              fields: changedLabels(change.fields)
                .map((k) => t(k))
                .join(", "),
            }),
            action: `/events/${e.id}/decision`,
          }}
        />
      ))}
      {props.rows.map((e) => (
        <DecisionCard
          item={{
            id: e.id,
            kind: t(kindLabels[e.kind]),
            title: e.title,
            href: `/events/${e.id}`,
            association: e.associationName ?? "",
            person: e.contactEmail,
            sent: e.updatedAt,
            excerpt: excerptOf(e.description),
            action: `/events/${e.id}/decision`,
          }}
        >
          <dl class="decision-meta">
            <dt>{t("eventForm.when")}</dt>
            <dd>
              {fmt.when(e.startsAt)}
              {e.sessions.length > 1 && ` · ${t("eventForm.sessions.count", { count: e.sessions.length })}`}
            </dd>
            <dt>{t("eventForm.place")}</dt>
            <dd>{e.place === "online" ? t("eventForm.place.online") : [e.placeName, e.address, e.postcode].filter(Boolean).join(", ")}</dd>
            <dt>{t("eventForm.capacity")}</dt>
            <dd>{fmt.number(e.capacity)}</dd>
          </dl>
        </DecisionCard>
      ))}
    </div>
  );
}
