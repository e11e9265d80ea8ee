import type { Child } from "hono/jsx";
import type { FieldErrors } from "../../../platform/http/errors.js";
import type { MessageKey } from "../../../platform/i18n/i18n.js";
import { accessibilityLabels, labelOf } from "../../../platform/search/labels.js";
import { Alert, Button, ButtonLink, EmptyState, ErrorSummary, Field, Form, Heading, JsonLd, P } from "../../../platform/ui/components.js";
import { Breadcrumbs, ContactLinks, type Fact, FactBox, MapPin, Organiser, Paragraphs, PrimaryAction } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { EventPageData } from "../event-page.js";
import type { SessionRoom } from "../event-room.js";
import { sessionText } from "../event-times.js";
import { closedLabels, kindLabels, notPublicLabels, registrationStatusLabels } from "../events.labels.js";
import { type CommunityEvent, LIVE, type Occupancy, type Registration } from "../events.model.js";
import type { GroupView } from "../my-registration.js";
import type { MembersOnly } from "../register.js";
import { answerField } from "../registration.schema.js";
import type { Closed } from "../waiting-list.js";
import { RoomBookings } from "./room-views.js";

/** How full an event is, in words: places left, or full with how many waiting. */
export function PlacesLeft(props: { o: Occupancy }) {
  const { t } = usePage();
  const left = props.o.capacity - props.o.taken;
  if (left > 0 && props.o.waiting === 0) return <>{t("event.placesLeft", { left, capacity: props.o.capacity })}</>;
  return <>{t("event.full", { waiting: props.o.waiting })}</>;
}

/** Full for a newcomer: no free place, or people already waiting for one. */
const isFull = (o: Occupancy) => o.waiting > 0 || o.taken >= o.capacity;

function Sessions(props: { e: CommunityEvent }) {
  const { fmt, tenant } = usePage();
  if (props.e.sessions.length === 1) return <>{sessionText(fmt, tenant.timeZone, props.e.sessions[0] as CommunityEvent["sessions"][0])}</>;
  return (
    <ol class="event-sessions">
      {props.e.sessions.map((s) => (
        <li>{sessionText(fmt, tenant.timeZone, s)}</li>
      ))}
    </ol>
  );
}

export function placeOf(e: CommunityEvent): string {
  return [e.placeName, e.address, e.postcode].filter(Boolean).join(", ");
}

function Facts(props: { e: CommunityEvent; o: Occupancy }) {
  const { t, fmt } = usePage();
  const { e } = props;
  const facts: Fact[] = [
    [e.sessions.length > 1 ? "event.sessions" : "event.when", <Sessions e={e} />],
    ["event.where", e.place === "online" ? t("event.online") : placeOf(e) ? <MapPin place={placeOf(e)} /> : null],
    ["event.price", e.price === "free" || e.priceMinor === null ? t("search.price.free") : fmt.money(e.priceMinor, e.currency)],
    ["event.places", e.status !== "cancelled" && <PlacesLeft o={props.o} />],
    ["event.registrationCloses", e.registrationClosesAt ? fmt.dateTime(e.registrationClosesAt) : null],
    ["opportunity.languages", e.languages.length ? fmt.languages(e.languages) : null],
    ["search.facet.accessibility", e.accessibility.length ? e.accessibility.map((a) => labelOf(accessibilityLabels, a, t)).join(", ") : null],
  ];
  return <FactBox facts={facts} />;
}

export interface RegistrationFormState {
  values: Record<string, string>;
  others: string[];
  errors: FieldErrors;
}

/** The reader's own registration, where the form would be: where each person stands, and the way to it. */
function MyPlace(props: { mine: NonNullable<EventPageData["mine"]> }) {
  const { t } = usePage();
  return (
    <section class="stack detail-apply" aria-labelledby="register-heading">
      <h2 class="ds-heading" data-size="md" id="register-heading">
        {t("registration.yours")}
      </h2>
      <ul class="registration-people">
        {props.mine.group.map((r) => (
          <li>
            <strong>{r.name}</strong>{" "}
            <span class="ds-tag" data-color={STATUS_COLORS[r.status]}>
              {r.status === "waiting" ? t("registration.waitingAs", { place: props.mine.places.get(r.id) ?? 0 }) : t(registrationStatusLabels[r.status])}
            </span>
          </li>
        ))}
      </ul>
      <P>
        <a class="ds-link" href={`/events/registration?key=${encodeURIComponent(props.mine.manageKey)}`}>
          {t("registration.mail.manageAction")}
        </a>
      </P>
    </section>
  );
}

/** Why one may not register for an event only for a member group's members, and whom to ask. */
function MembersOnlyRefusal(props: { group: string }) {
  const { t, tenant, actor } = usePage();
  return (
    <section class="stack detail-apply" aria-labelledby="register-heading">
      <h2 class="ds-heading" data-size="md" id="register-heading">
        {t("event.register")}
      </h2>
      <Alert color="info">
        <P>{t("event.membersOnly.refused", { group: props.group })}</P>
        <P>
          {t(actor.kind === "person" ? "event.membersOnly.ask" : "event.membersOnly.signIn")}{" "}
          <a href={`mailto:${tenant.contactEmail}`}>{tenant.contactEmail}</a>
        </P>
      </Alert>
    </section>
  );
}

function RegistrationForm(props: {
  e: CommunityEvent;
  o: Occupancy;
  closed: Closed | null;
  form?: RegistrationFormState | undefined;
  membersOnly?: MembersOnly | null | undefined;
}) {
  const { t, fmt, actor } = usePage();
  const { e } = props;
  if (!props.closed && props.membersOnly && !props.membersOnly.mayRegister) return <MembersOnlyRefusal group={props.membersOnly.groupName} />;
  if (props.closed) {
    const text =
      props.closed === "notOpen" && e.registrationOpensAt ? t("event.opensAt", { when: fmt.dateTime(e.registrationOpensAt) }) : t(closedLabels[props.closed]);
    return (
      <section class="stack detail-apply" aria-labelledby="register-heading">
        <h2 class="ds-heading" data-size="md" id="register-heading">
          {t("event.register")}
        </h2>
        <Alert color={props.closed === "cancelled" ? "danger" : "info"}>{text}</Alert>
      </section>
    );
  }
  const errors = props.form?.errors ?? {};
  const values = props.form?.values ?? (actor.kind === "person" ? { name: actor.name, email: actor.email } : {});
  const others = props.form?.others ?? [];
  const full = isFull(props.o);
  return (
    <section class="stack form detail-apply" aria-labelledby="register-heading">
      <h2 class="ds-heading" data-size="md" id="register-heading">
        {full ? t("event.joinWaitingList") : t("event.register")}
      </h2>
      {full && <Alert color="warning">{t("event.fullIntro", { waiting: props.o.waiting })}</Alert>}
      <P>{actor.kind === "person" ? t("event.introSignedIn", { email: actor.email }) : t("event.intro")}</P>
      <ErrorSummary errors={errors} />
      <Form action={`/events/${e.id}/register`}>
        <Field name="name" label="auth.name" autocomplete="name" required value={values.name} error={errors.name} />
        <Field name="email" label="auth.email" type="email" autocomplete="email" required value={values.email} error={errors.email} />
        <Field name="phone" label="association.phone" type="tel" autocomplete="tel" value={values.phone} error={errors.phone} />
        {e.maxPerRegistration > 1 && (
          <fieldset class="ds-fieldset stack">
            <legend class="ds-label">{t("event.others", { max: e.maxPerRegistration - 1 })}</legend>
            {Array.from({ length: e.maxPerRegistration - 1 }, (_, i) => (
              <Field
                name="others"
                id={i === 0 ? "f-others" : `f-others-${i + 2}`}
                label={{ text: t("event.otherName", { n: i + 2 }) }}
                value={others[i] ?? ""}
                error={i === 0 ? errors.others : undefined}
              />
            ))}
          </fieldset>
        )}
        {e.questions.map((q) => (
          <Field
            name={answerField(q.id)}
            label={{ text: q.label }}
            hint={q.sensitive ? "event.sensitiveHint" : undefined}
            value={values[answerField(q.id)]}
            error={errors[answerField(q.id)]}
          />
        ))}
        <Button>{full ? t("event.joinWaitingList") : t("event.registerButton")}</Button>
      </Form>
    </section>
  );
}

/** An event's own page: what, when, where, how full, and the form to register (or why one cannot). */
export function EventPage(props: {
  e: CommunityEvent;
  o: Occupancy;
  closed: Closed | null;
  mayManage: boolean;
  /** An event only for a member group's members. */
  membersOnly?: MembersOnly | null | undefined;
  organiserHref: string | null;
  form?: RegistrationFormState | undefined;
  jsonLd?: Record<string, unknown> | undefined;
  mine?: EventPageData["mine"];
  /** What a kind of event adds to its page (a fair's exhibitors). */
  extra?: Child;
  /** For its organiser, when the event is in a premise: each session's booking of the room. */
  rooms?: SessionRoom[] | null;
}) {
  const { t, tenant } = usePage();
  const { e } = props;
  return (
    <article class="detail">
      <Breadcrumbs trail={[{ href: "/events", label: t("event.calendar"), back: t("event.backToCalendar") }]} current={e.title} />
      {props.jsonLd && <JsonLd data={props.jsonLd} />}
      {e.status === "cancelled" && <Alert color="danger">{t("event.cancelledNotice")}</Alert>}
      {notPublicLabels[e.status] && <Alert color="warning">{t(notPublicLabels[e.status] as MessageKey)}</Alert>}
      <header class="detail-head">
        <p class="detail-kind">{t(kindLabels[e.kind])}</p>
        <Heading>{e.title}</Heading>
        {props.organiserHref && e.associationName ? (
          <Organiser name={e.associationName} href={props.organiserHref} />
        ) : (
          <P>{t("event.organisedBy", { name: tenant.name })}</P>
        )}
        {props.membersOnly && (
          <p class="ds-tag event-members-only" data-color="warning">
            {t("event.membersOnly.line", { group: props.membersOnly.groupName })}
          </p>
        )}
        {!props.closed && !props.mine && (!props.membersOnly || props.membersOnly.mayRegister) && (
          <PrimaryAction href="#register-heading" label={isFull(props.o) ? t("event.joinWaitingList") : t("event.register")} />
        )}
      </header>
      <div class="detail-body">
        <Facts e={e} o={props.o} />
        <div class="stack">
          <Paragraphs text={e.description} />
          <section aria-labelledby="contact-heading">
            <h2 class="ds-heading" data-size="xs" id="contact-heading">
              {t("event.questions")}
            </h2>
            <ContactLinks email={e.contactEmail} subject={e.title} />
          </section>
        </div>
      </div>
      {props.extra}
      {props.mayManage && (
        <div class="actions">
          {e.status !== "cancelled" && <ButtonLink href={`/events/${e.id}/edit`}>{t("event.edit")}</ButtonLink>}
          <ButtonLink href={`/events/${e.id}/participants`}>{t("participants.title")}</ButtonLink>
        </div>
      )}
      {props.mayManage && props.rooms && <RoomBookings e={e} rooms={props.rooms} />}
      {props.mine ? (
        <MyPlace mine={props.mine} />
      ) : (
        <RegistrationForm e={e} o={props.o} closed={props.closed} form={props.form} membersOnly={props.membersOnly} />
      )}
    </article>
  );
}

/** After registering without an account: the confirmation link is on its way. */
export function CheckEmailPage(props: { email: string; e: CommunityEvent }) {
  const { t } = usePage();
  return (
    <div class="stack form">
      <Heading>{t("auth.checkEmail.title")}</Heading>
      <P>{t("event.confirmFirst", { email: props.email, title: props.e.title })}</P>
      <P>
        <a class="ds-link" href={`/events/${props.e.id}`}>
          {t("event.backToEvent")}
        </a>
      </P>
    </div>
  );
}

const STATUS_COLORS: Record<Registration["status"], string> = {
  unconfirmed: "neutral",
  registered: "success",
  waiting: "warning",
  offered: "info",
  cancelled: "neutral",
  expired: "neutral",
};

/** What the link in a registration's mails opens: each person's place, and what they can do about it. */
export function RegistrationPage(props: { view: GroupView; manageKey: string }) {
  const { t, fmt, tenant } = usePage();
  const { event: e, group, places } = props.view;
  const seated = group.some((r) => r.status === "registered");
  const live = group.filter((r) => LIVE.includes(r.status));
  return (
    <article class="stack form">
      <Breadcrumbs trail={[{ href: `/events/${e.id}`, label: e.title, back: t("event.backToEvent") }]} current={t("registration.yours")} />
      <Heading>{t("registration.yours")}</Heading>
      {e.status === "cancelled" && <Alert color="danger">{t("event.cancelledNotice")}</Alert>}
      <section class="ds-card stack" aria-labelledby="reg-event">
        <h2 class="ds-heading" data-size="sm" id="reg-event">
          <a class="ds-link" href={`/events/${e.id}`}>
            {e.title}
          </a>
        </h2>
        <Sessions e={e} />
        <P>{e.place === "online" ? (seated && e.onlineUrl ? t("event.onlineLink", { url: e.onlineUrl }) : t("event.online")) : placeOf(e)}</P>
        {seated && (
          <P>
            <a class="ds-link" href={`/events/registration/calendar.ics?key=${encodeURIComponent(props.manageKey)}`} download>
              {t("registration.addToCalendar")}
            </a>
          </P>
        )}
      </section>
      <ul class="registration-people">
        {group.map((r) => (
          <li class="ds-card stack">
            <p class="ds-paragraph">
              <strong>{r.name}</strong>{" "}
              <span class="ds-tag" data-color={STATUS_COLORS[r.status]}>
                {r.status === "waiting" ? t("registration.waitingAs", { place: places.get(r.id) ?? 0 }) : t(registrationStatusLabels[r.status])}
              </span>
            </p>
            {r.status === "offered" && r.offerExpiresAt && (
              <Form action="/events/registration/accept">
                <input type="hidden" name="key" value={props.manageKey} />
                <input type="hidden" name="registration" value={r.id} />
                <P>{t("registration.offeredUntil", { when: fmt.dateTime(r.offerExpiresAt) })}</P>
                <Button>{t("registration.accept")}</Button>
              </Form>
            )}
            {LIVE.includes(r.status) && e.status !== "cancelled" && (
              <Form action="/events/registration/cancel">
                <input type="hidden" name="key" value={props.manageKey} />
                <input type="hidden" name="registration" value={r.id} />
                <Button variant="secondary">{r.status === "waiting" ? t("registration.leaveList") : t("registration.cancelOne", { name: r.name })}</Button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      {live.length > 1 && e.status !== "cancelled" && (
        <Form action="/events/registration/cancel">
          <input type="hidden" name="key" value={props.manageKey} />
          <Button variant="tertiary">{t("registration.cancelAll")}</Button>
        </Form>
      )}
      <P>{t("registration.questions", { organiser: e.associationName ?? tenant.name })}</P>
      <ContactLinks email={e.contactEmail} subject={e.title} />
    </article>
  );
}

/** A signed-in person's own registrations, soonest first. */
export function MyEventsPage(props: { rows: { event: CommunityEvent; registration: Registration; manageKey: string; place: number | null }[] }) {
  const { t, fmt } = usePage();
  return (
    <div class="stack">
      <Heading>{t("registration.mine")}</Heading>
      {props.rows.length === 0 ? (
        <EmptyState title="registration.mine.empty" text="registration.mine.emptyText" action={<ButtonLink href="/events">{t("event.calendar")}</ButtonLink>} />
      ) : (
        <ul class="registration-people">
          {props.rows.map(({ event: e, registration: r, manageKey, place }) => (
            <li class="ds-card stack">
              <h2 class="ds-heading" data-size="xs">
                <a class="ds-link" href={`/events/registration?key=${encodeURIComponent(manageKey)}`}>
                  {e.title}
                </a>
              </h2>
              <P>
                {fmt.when(e.startsAt)}
                {" · "}
                {r.status === "waiting" && place ? t("registration.waitingAs", { place }) : t(registrationStatusLabels[r.status])}
              </P>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
