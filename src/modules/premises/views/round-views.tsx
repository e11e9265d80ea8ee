import type { FieldErrors } from "../../../platform/http/errors.js";
import { Alert, Button, Checkbox, DataTable, EmptyState, ErrorSummary, Field, Form, Heading, Link, P, Select } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { weekdayLabel } from "../../../platform/week-slots.js";
import { PRIORITY_KEYS, STATUS_KEYS } from "../rounds.labels.js";
import type { ApplicationLine, Round, RoundView } from "../rounds.model.js";

export function RoundsPage(props: { rounds: Round[]; mayCreate: boolean; errors?: FieldErrors; values?: Record<string, string> }) {
  const { t, fmt } = usePage();
  return (
    <div class="stack">
      <Heading>{t("round.title")}</Heading>
      <P>{t("round.intro")}</P>
      {props.rounds.length === 0 ? (
        <EmptyState title="round.none" />
      ) : (
        <DataTable
          caption={t("round.title")}
          rows={props.rounds}
          columns={[
            { key: "name", label: "premise.name", cell: (r) => <Link href={`/premises/rounds/${r.id}`}>{r.name}</Link> },
            { key: "season", label: "round.season", cell: (r) => fmt.dateRange(r.seasonFrom, r.seasonTo) },
            { key: "status", label: "application.status", cell: (r) => t(STATUS_KEYS[r.status]) },
          ]}
        />
      )}
      {props.mayCreate && (
        <Form action="/premises/rounds" class="stack" aria-label={t("round.new")}>
          <Heading level={2} size="sm">
            {t("round.new")}
          </Heading>
          <ErrorSummary errors={props.errors ?? {}} />
          <Field name="name" label="premise.name" required value={props.values?.name} error={props.errors?.name} />
          <Field name="from" label="usage.from" type="date" required value={props.values?.from} error={props.errors?.from} />
          <Field name="to" label="usage.to" type="date" required value={props.values?.to} error={props.errors?.to} />
          <Button variant="secondary">{t("round.create")}</Button>
        </Form>
      )}
    </div>
  );
}

function placedText(a: ApplicationLine, t: ReturnType<typeof usePage>["t"], fmt: ReturnType<typeof usePage>["fmt"]) {
  if (!a.placed) return t("round.notPlaced");
  return `${a.placedPremiseName}, ${fmt.weekday(a.placed.weekday)} ${fmt.time(a.placed.start)}`;
}

export function RoundPage(props: RoundView & { values?: Record<string, string>; errors?: FieldErrors }) {
  const { t, fmt } = usePage();
  const r = props.round;
  const rooms = props.rooms.map((p) => ({ value: p.id, label: p.name }));
  const days = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(weekdayLabel(d)) }));
  const v = props.values ?? {};
  const errors = props.errors ?? {};
  return (
    <div class="stack">
      <Heading>{r.name}</Heading>
      <P>{`${t(props.answered ? "round.status.confirmed" : STATUS_KEYS[r.status])} · ${t("round.season")}: ${fmt.dateRange(r.seasonFrom, r.seasonTo)}`}</P>
      <ErrorSummary errors={errors} />
      {props.quality && (
        <Alert color="info">
          <P>
            {t(props.quality.optimal ? "round.quality" : "round.qualityTimeLimit", {
              percent: fmt.percent(props.quality.ratio, 1),
            })}
          </P>
        </Alert>
      )}
      {props.applications.length === 0 ? (
        <EmptyState title="round.noApplications" />
      ) : (
        <DataTable
          caption={t("round.applications")}
          rows={props.applications}
          columns={[
            { key: "who", label: "premises.association", cell: (a) => a.associationName },
            { key: "purpose", label: "premises.purpose", cell: (a) => a.purpose },
            { key: "priority", label: "round.priority", cell: (a) => t(PRIORITY_KEYS[a.priority]) },
            {
              key: "wish",
              label: "round.firstChoice",
              cell: (a) => `${a.firstPremiseName}, ${fmt.weekday(a.first.weekday)} ${fmt.time(a.first.start)} (${fmt.number(a.minutes)} min)`,
            },
            { key: "placed", label: "round.placed", cell: (a) => (r.status === "open" ? "" : placedText(a, t, fmt)) },
            {
              key: "act",
              label: "round.action",
              cell: (a) =>
                props.may.adjust ? (
                  <Form action={`/premises/rounds/${r.id}/applications/${a.id}`} class="inline-form" aria-label={t("round.adjustFor", { purpose: a.purpose })}>
                    <Select
                      name="premiseId"
                      label="premises.room"
                      value={a.placed?.premiseId}
                      options={[{ value: "", label: t("round.notPlaced") }, ...rooms]}
                    />
                    <Select name="weekday" label="premises.day" value={a.placed?.weekday.toString()} options={days} />
                    <Field name="start" label="premises.start" type="time" value={a.placed?.start} />
                    <Button variant="tertiary">{t("round.adjust")}</Button>
                  </Form>
                ) : a.mayAnswer ? (
                  <Form
                    action={`/premises/rounds/${r.id}/applications/${a.id}/respond`}
                    class="inline-form"
                    aria-label={t("round.respondFor", { purpose: a.purpose })}
                  >
                    <Button name="response" value="confirmed" variant="primary">
                      {t("round.confirm")}
                    </Button>
                    <Button name="response" value="released" variant="secondary">
                      {t("round.release")}
                    </Button>
                  </Form>
                ) : a.response ? (
                  t(a.response === "confirmed" ? "round.confirmed" : "round.released")
                ) : (
                  ""
                ),
            },
          ]}
        />
      )}
      {props.may.propose && (
        <div class="actions">
          <Form action={`/premises/rounds/${r.id}/propose`}>
            <Button variant="secondary">{t("round.propose")}</Button>
          </Form>
          {props.may.publish && (
            <a class="ds-button" data-variant="primary" href={`/premises/rounds/${r.id}/publish`}>
              {t("round.publish")}
            </a>
          )}
        </div>
      )}
      {props.may.apply && (
        <Form action={`/premises/rounds/${r.id}/apply`} class="stack form" aria-label={t("round.apply")}>
          <Heading level={2} size="sm">
            {t("round.apply")}
          </Heading>
          <Select
            name="associationId"
            label="premises.association"
            value={v.associationId}
            options={props.associations.map((a) => ({ value: a.id, label: a.name }))}
            error={errors.associationId}
          />
          <Field name="purpose" label="premises.purpose" required value={v.purpose} error={errors.purpose} />
          <Field name="participants" label="premises.people" type="number" required value={v.participants} error={errors.participants} />
          <Select
            name="priority"
            label="round.priority"
            value={v.priority ?? ""}
            error={errors.priority}
            options={[
              { value: "", label: t("round.priority.choose") },
              ...[1, 2, 3].map((p) => ({ value: String(p), label: t(PRIORITY_KEYS[p as 1 | 2 | 3]) })),
            ]}
          />
          <Checkbox name="disabilityUse" label="round.disabilityUse" checked={v.disabilityUse === "on"} />
          <Field name="minutes" label="round.minutes" type="number" required value={v.minutes ?? "120"} error={errors.minutes} />
          <Select name="firstPremiseId" label="round.firstRoom" value={v.firstPremiseId} error={errors.firstPremiseId} options={rooms} />
          <Select name="firstWeekday" label="round.firstDay" value={v.firstWeekday} options={days} />
          <Field name="firstStart" label="round.firstStart" type="time" required value={v.firstStart} error={errors.firstStart} />
          <Select name="secondPremiseId" label="round.secondRoom" value={v.secondPremiseId} options={[{ value: "", label: t("round.noSecond") }, ...rooms]} />
          <Select name="secondWeekday" label="round.secondDay" value={v.secondWeekday} options={[{ value: "", label: t("round.noSecond") }, ...days]} />
          <Field name="secondStart" label="round.secondStart" hint="round.second.hint" type="time" value={v.secondStart} error={errors.secondStart} />
          <Field name="windowFrom" label="round.windowFrom" hint="round.window.hint" type="time" value={v.windowFrom} error={errors.windowFrom} />
          <Field name="windowTo" label="round.windowTo" type="time" value={v.windowTo} error={errors.windowTo} />
          <Button variant="primary">{t("round.send")}</Button>
        </Form>
      )}
    </div>
  );
}

/** Before a round is published: what will happen, and a button that does it; or why it cannot be published. */
export function PublishRoundPage(props: {
  round: Round;
  associations: number;
  placed: number;
  unplaced: number;
  refusal: "round.publish.empty" | "round.notAllocating" | null;
}) {
  const { t, fmt } = usePage();
  const r = props.round;
  return (
    <div class="stack form">
      <Heading>{t("round.publish.confirmTitle", { name: r.name })}</Heading>
      {props.refusal ? (
        <Alert color="warning">{t(props.refusal)}</Alert>
      ) : (
        <>
          <P>{t("round.publish.willDo")}</P>
          <ul class="ds-list">
            <li>{t("round.publish.mails", { count: props.associations })}</li>
            <li>{t("round.publish.bookings", { count: props.placed, season: fmt.dateRange(r.seasonFrom, r.seasonTo) })}</li>
            {props.unplaced > 0 && <li>{t("round.publish.unplaced", { count: props.unplaced })}</li>}
            <li>{t("round.publish.final")}</li>
          </ul>
          <Form action={`/premises/rounds/${r.id}/publish`}>
            <input type="hidden" name="confirm" value="yes" />
            <div class="actions">
              <Button variant="primary">{t("round.publish")}</Button>
              <a class="ds-button" data-variant="tertiary" href={`/premises/rounds/${r.id}`}>
                {t("round.publish.cancel")}
              </a>
            </div>
          </Form>
        </>
      )}
      {props.refusal && (
        <p>
          <Link href={`/premises/rounds/${r.id}`}>{t("round.publish.cancel")}</Link>
        </p>
      )}
    </div>
  );
}
