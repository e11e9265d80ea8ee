import type { FieldErrors } from "../../../platform/http/errors.js";
import {
  Alert,
  Button,
  ButtonLink,
  Checkbox,
  Checkboxes,
  DataTable,
  EmptyState,
  ErrorSummary,
  Field,
  Form,
  Heading,
  P,
} from "../../../platform/ui/components.js";
import { Breadcrumbs } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { sessionText } from "../event-times.js";
import { registrationStatusLabels } from "../events.labels.js";
import type { CommunityEvent, Registration } from "../events.model.js";
import type { Participants } from "../participants.js";

/** A person's answers to the event's questions, the sensitive ones included, as "question: answer" lines. */
export function answersText(e: CommunityEvent, r: Registration, sensitive: Record<string, string> | undefined): string {
  return e.questions
    .map((q) => [q.label, (q.sensitive ? sensitive?.[q.id] : r.answers[q.id]) ?? ""] as const)
    .filter(([, a]) => a)
    .map(([q, a]) => `${q}: ${a}`)
    .join("; ");
}

function Status(props: { r: Registration }) {
  const { t } = usePage();
  const { r } = props;
  return (
    <>
      {r.status === "waiting" ? t("participants.waitingNo", { n: r.queueNo ?? 0 }) : t(registrationStatusLabels[r.status])}
      {r.overbooked && (
        <>
          {" "}
          <span class="ds-tag" data-color="warning">
            {t("participants.overbooked")}
          </span>
        </>
      )}
    </>
  );
}

/** The organiser's list: how full, who has a place, who waits, who left; export, registration by hand and attendance. */
export function ParticipantsPage(props: { p: Participants; form?: { values: Record<string, string>; errors: FieldErrors } }) {
  const { t, fmt, tenant } = usePage();
  const { event: e, registrations, sensitive } = props.p;
  const seated = registrations.filter((r) => r.status === "registered" || r.status === "offered");
  const waiting = registrations.filter((r) => r.status === "waiting");
  const errors = props.form?.errors ?? {};
  const values = props.form?.values ?? {};
  const shown = registrations.filter((r) => r.status !== "unconfirmed");
  return (
    <div class="stack">
      <Breadcrumbs trail={[{ href: `/events/${e.id}`, label: e.title, back: t("event.backToEvent") }]} current={t("participants.title")} />
      <Heading>{t("participants.title")}</Heading>
      <P>
        <strong>{e.title}</strong> · {fmt.when(e.startsAt)}
      </P>
      <P>{t("participants.summary", { taken: seated.length, capacity: e.capacity, waiting: waiting.length })}</P>
      <div class="actions">
        <ButtonLink href={`/events/${e.id}/participants.csv`}>{t("participants.export")}</ButtonLink>
        {e.sessions.map((s, i) => (
          <ButtonLink href={`/events/${e.id}/attendance?session=${s.id}`} variant="secondary">
            {e.sessions.length > 1 ? t("participants.attendanceFor", { n: i + 1 }) : t("participants.attendance")}
          </ButtonLink>
        ))}
      </div>
      {shown.length === 0 ? (
        <EmptyState title="participants.empty" text="participants.emptyText" />
      ) : (
        <DataTable
          caption={t("participants.title")}
          rows={shown}
          columns={[
            { key: "name", label: "auth.name", cell: (r) => r.name },
            { key: "email", label: "auth.email", cell: (r) => r.email },
            { key: "phone", label: "association.phone", cell: (r) => r.phone ?? "" },
            { key: "status", label: "participants.status", cell: (r) => <Status r={r} /> },
            ...(e.questions.length
              ? [{ key: "answers", label: "participants.answers" as const, cell: (r: Registration) => answersText(e, r, sensitive.get(r.id)) }]
              : []),
            { key: "created", label: "table.created", cell: (r) => fmt.dateTime(r.confirmedAt ?? r.createdAt) },
          ]}
        />
      )}
      {e.questions.some((q) => q.sensitive) && <P>{t("participants.sensitiveNote")}</P>}
      {e.status !== "cancelled" && (
        <section class="stack form" aria-labelledby="by-hand">
          <h2 class="ds-heading" data-size="sm" id="by-hand">
            {t("participants.byHand")}
          </h2>
          <P>{t("participants.byHandIntro", { organiser: tenant.name })}</P>
          <ErrorSummary errors={errors} />
          <Form action={`/events/${e.id}/participants`}>
            <Field name="name" label="auth.name" required value={values.name} error={errors.name} />
            <Field name="email" label="auth.email" type="email" required value={values.email} error={errors.email} />
            <Field name="phone" label="association.phone" type="tel" value={values.phone} error={errors.phone} />
            <Checkbox name="overbook" label="participants.overbook" checked={values.overbook === "on"} />
            <Button>{t("participants.add")}</Button>
          </Form>
        </section>
      )}
    </div>
  );
}

/** Attendance for one session, made for a phone: a tick per person with a place, then save. */
export function AttendancePage(props: { p: Participants; sessionId: string; opensOn: string | null }) {
  const { t, fmt, tenant } = usePage();
  const { event: e, registrations, attendance } = props.p;
  const session = e.sessions.find((s) => s.id === props.sessionId) ?? e.sessions[0];
  const seated = registrations.filter((r) => r.status === "registered");
  const present = seated.filter((r) => attendance.get(`${r.id}:${props.sessionId}`) === true).map((r) => r.id);
  const marked = seated.some((r) => attendance.has(`${r.id}:${props.sessionId}`));
  return (
    <div class="stack form">
      <Breadcrumbs
        trail={[{ href: `/events/${e.id}/participants`, label: t("participants.title"), back: t("participants.back") }]}
        current={t("participants.attendance")}
      />
      <Heading>{t("participants.attendance")}</Heading>
      <P>
        <strong>{e.title}</strong>
        {session && <> · {sessionText(fmt, tenant.timeZone, session)}</>}
      </P>
      {marked && <Alert color="info">{t("participants.attendanceMarked", { present: present.length, total: seated.length })}</Alert>}
      {props.opensOn ? (
        <Alert color="info">{t("participants.attendanceNotYet", { date: fmt.date(props.opensOn) })}</Alert>
      ) : seated.length === 0 ? (
        <EmptyState title="participants.empty" text="participants.emptyText" />
      ) : (
        <Form action={`/events/${e.id}/attendance`}>
          <input type="hidden" name="session" value={props.sessionId} />
          <Checkboxes name="present" legend="participants.whoCame" options={seated.map((r) => ({ value: r.id, label: r.name }))} chosen={present} />
          <P>{t("participants.noShowHint")}</P>
          <Button>{t("participants.saveAttendance")}</Button>
        </Form>
      )}
    </div>
  );
}
