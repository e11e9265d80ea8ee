import type { FieldErrors } from "../../../platform/http/errors.js";
import { Alert, Button, DataTable, EmptyState, ErrorSummary, Field, Form, Heading, Link, P, ValidationMessage } from "../../../platform/ui/components.js";
import { type Fact, FactBox } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { describeSlots } from "../../../platform/week-slots.js";
import type { BridgeReferral, SharedDetails } from "../bridge.model.js";
import { needLabels, referralStatusLabels } from "../handover.labels.js";

const statusColor = (s: BridgeReferral["status"]) => (s === "declined" || s === "withdrawn" ? "danger" : s === "accepted" ? "success" : "info");

/** Exactly what the person agreed to share: the fields present, nothing else. */
export function SharedFacts(props: { shared: SharedDetails; id?: string }) {
  const { t, fmt, lang } = usePage();
  const s = props.shared;
  const facts: Fact[] = [
    ["bridge.shared.field.first_name", s.firstName],
    ["bridge.shared.field.contact", s.contact],
    ["bridge.shared.field.languages", s.languages?.length ? fmt.languages(s.languages) : null],
    ["bridge.shared.field.needs", s.needs?.length ? fmt.list(s.needs.map((n) => t(needLabels[n]))) : null],
    ["bridge.shared.field.wishes", s.wishes],
    ["bridge.shared.field.times", s.times?.length ? describeSlots(t, s.times, lang) : null],
  ];
  const shown = facts.filter(([, v]) => v);
  if (shown.length === 0) return <P>{t("bridge.shared.nothing")}</P>;
  return <FactBox facts={shown} id={props.id ?? "shared-heading"} />;
}

export interface ReferralListRow {
  id: string;
  sentAt: string;
  associationName: string;
  firstName: string | null;
  status: BridgeReferral["status"];
  met: boolean;
}

export function ReferralsPage(props: { rows: ReferralListRow[] }) {
  const { t, fmt } = usePage();
  return (
    <div class="stack">
      <Heading>{t("bridge.referrals.title")}</Heading>
      <P>{t("bridge.referrals.intro")}</P>
      {props.rows.length === 0 ? (
        <EmptyState title="bridge.referrals.none" text="bridge.referrals.noneText" />
      ) : (
        <DataTable
          caption={t("bridge.referrals.title")}
          rows={props.rows}
          columns={[
            { key: "sent", label: "bridge.referrals.sentOn", cell: (r) => fmt.date(r.sentAt.slice(0, 10)) },
            {
              key: "who",
              label: "bridge.referrals.who",
              cell: (r) => <Link href={`/bridge/referrals/${r.id}`}>{r.firstName ?? t("bridge.referrals.someone")}</Link>,
            },
            { key: "association", label: "bridge.referrals.association", cell: (r) => r.associationName },
            {
              key: "status",
              label: "bridge.referrals.status",
              cell: (r) => (
                <span class="ds-tag" data-color={statusColor(r.status)}>
                  {r.met ? t("bridge.referral.status.met") : t(referralStatusLabels[r.status])}
                </span>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}

export function ReferralPage(props: {
  referral: BridgeReferral;
  associationName: string;
  what: string | null;
  mayAnswer: boolean;
  mayPlan: boolean;
  mayMarkMet: boolean;
  /** Where the page was reached from: the association's list or the bridge-builder's handover page. */
  back: { href: string; label: "bridge.referrals.back" | "bridge.backToHandover" };
  today: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { t, fmt } = usePage();
  const r = props.referral;
  const errors = props.errors ?? {};
  const values = props.values ?? {};
  const base = `/bridge/referrals/${r.id}`;
  return (
    <div class="stack">
      <P>
        <Link href={props.back.href}>{t(props.back.label)}</Link>
      </P>
      <Heading>{t("bridge.referral.title", { association: props.associationName })}</Heading>
      <P>
        <span class="ds-tag" data-color={statusColor(r.status)}>
          {r.metAt ? t("bridge.referral.status.met") : t(referralStatusLabels[r.status])}
        </span>{" "}
        {t("bridge.handover.sentOn", { date: fmt.date(r.sentAt.slice(0, 10)) })}
      </P>
      {props.what && <P>{t("bridge.referral.for", { what: props.what })}</P>}
      <ErrorSummary errors={errors} />

      <section class="stack" aria-labelledby="shared-heading-title">
        <Heading level={2} size="md">
          <span id="shared-heading-title">{t("bridge.referral.shared")}</span>
        </Heading>
        <P>{t("bridge.referral.sharedIntro")}</P>
        <SharedFacts shared={r.shared} />
      </section>

      {r.status === "declined" && <Alert color="warning">{t("bridge.referral.declinedNote")}</Alert>}

      {props.mayAnswer && (
        <section class="stack" aria-labelledby="answer-heading">
          <Heading level={2} size="md">
            <span id="answer-heading">{t("bridge.referral.answer")}</span>
          </Heading>
          <Form action={`${base}/accept`} class="inline-form" aria-label={t("bridge.referral.accept")}>
            <Button variant="primary">{t("bridge.referral.accept")}</Button>
          </Form>
          <Form action={`${base}/decline`} class="stack form" aria-label={t("bridge.referral.decline")}>
            <Field
              name="reason"
              label="bridge.referral.reason"
              hint="bridge.referral.reasonHint"
              multiline
              required
              value={values.reason}
              error={errors.reason}
            />
            <Button variant="secondary">{t("bridge.referral.decline")}</Button>
          </Form>
        </section>
      )}

      {r.firstMeetingAt && (
        <P>
          {t("bridge.referral.meetingAt", {
            when: `${fmt.date(r.firstMeetingAt.slice(0, 10))} ${fmt.time(r.firstMeetingAt.slice(11, 16))}`,
            place: r.meetingPlace ?? "",
          })}
        </P>
      )}
      {r.metAt && <P>{t("bridge.referral.metOn", { date: fmt.date(r.metAt) })}</P>}

      {props.mayPlan && (
        <>
          <section class="stack" aria-labelledby="meeting-heading">
            <Heading level={2} size="md">
              <span id="meeting-heading">{t("bridge.referral.meeting")}</span>
            </Heading>
            <Form action={`${base}/meeting`} class="stack form" aria-label={t("bridge.referral.meeting")}>
              <Field name="date" type="date" label="bridge.referral.date" required value={values.date ?? r.firstMeetingAt?.slice(0, 10)} error={errors.date} />
              <Field name="time" type="time" label="bridge.referral.time" required value={values.time ?? r.firstMeetingAt?.slice(11, 16)} error={errors.time} />
              <Field
                name="place"
                label="bridge.referral.place"
                hint="bridge.referral.placeHint"
                required
                value={values.place ?? r.meetingPlace}
                error={errors.place}
              />
              <Button variant="primary">{t("bridge.referral.propose")}</Button>
            </Form>
          </section>
          <section class="stack" aria-labelledby="welcome-heading">
            <Heading level={2} size="md">
              <span id="welcome-heading">{t("bridge.referral.welcome")}</span>
            </Heading>
            <Form action={`${base}/welcome`} class="stack form" aria-label={t("bridge.referral.welcome")}>
              <fieldset class="ds-fieldset">
                <legend class="ds-label">{t("bridge.referral.welcomeLegend")}</legend>
                {r.welcomeItems.map((item, i) => (
                  <div class="ds-field">
                    <input class="ds-input" type="checkbox" name="done" value={String(i)} id={`f-done-${i}`} checked={r.welcomeDone.includes(i)} />
                    <label class="ds-label" for={`f-done-${i}`}>
                      {item}
                    </label>
                  </div>
                ))}
                <ValidationMessage error={errors.done} />
              </fieldset>
              <Button variant="secondary">{t("bridge.referral.saveWelcome")}</Button>
            </Form>
          </section>
        </>
      )}

      {props.mayMarkMet && (
        <section class="stack" aria-labelledby="met-heading">
          <Heading level={2} size="md">
            <span id="met-heading">{t("bridge.referral.met")}</span>
          </Heading>
          <Form action={`${base}/met`} class="stack form" aria-label={t("bridge.referral.met")}>
            <Field name="metOn" type="date" label="bridge.referral.metOnLabel" required value={values.metOn ?? props.today} error={errors.metOn} />
            <Button variant="primary">{t("bridge.referral.met")}</Button>
          </Form>
        </section>
      )}
    </div>
  );
}
