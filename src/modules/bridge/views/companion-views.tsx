import type { FieldErrors } from "../../../platform/http/errors.js";
import { LanguageChoices } from "../../../platform/ui/audience-fields.js";
import {
  Alert,
  Button,
  type Column,
  DataTable,
  EmptyState,
  ErrorSummary,
  Field,
  Form,
  Heading,
  Link,
  P,
  ValidationMessage,
  WeekGrid,
} from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { describeSlots } from "../../../platform/week-slots.js";
import type { Candidate, CandidateReason, MyPerson, PoolMember } from "../companions.js";

/** What was typed into a companion's form, its checkbox groups as lists. */
export interface CompanionForm {
  email?: string;
  postcode?: string | null;
  languages: string[];
  slots: string[];
  trainedOn?: string | null;
}

function CompanionFields(props: { values: CompanionForm; errors: FieldErrors }) {
  const v = props.values;
  return (
    <>
      <Field
        name="postcode"
        label="bridge.companions.postcode"
        hint="bridge.companions.postcode.hint"
        value={v.postcode}
        error={props.errors.postcode}
        autocomplete="off"
      />
      <LanguageChoices chosen={v.languages} legend="bridge.companions.languages" />
      <WeekGrid name="slots" legend="bridge.companions.slots" hint="bridge.companions.slots.hint" chosen={v.slots} />
      <Field name="trainedOn" type="date" label="bridge.companions.trainedOn" value={v.trainedOn} error={props.errors.trainedOn} />
    </>
  );
}

/** The pool of companions: who they are, where, what they speak, when they can; add, edit, take out. */
export function CompanionPoolPage(props: { pool: PoolMember[]; values?: CompanionForm; errors?: FieldErrors }) {
  const { t, fmt, lang } = usePage();
  const errors = props.errors ?? {};
  const columns: Column<PoolMember>[] = [
    { key: "name", label: "bridge.companions.name", cell: (c) => <Link href={`/bridge/companions/${c.userId}`}>{c.name}</Link> },
    { key: "area", label: "bridge.companions.area", cell: (c) => c.postcode ?? t("bridge.part.none") },
    { key: "languages", label: "bridge.companions.languages", cell: (c) => (c.languages.length ? fmt.languages(c.languages) : t("bridge.part.none")) },
    { key: "times", label: "bridge.companions.slots", cell: (c) => (c.slots.length ? describeSlots(t, c.slots, lang) : t("bridge.part.none")) },
    { key: "trained", label: "bridge.companions.trainedOn", cell: (c) => (c.trainedOn ? fmt.date(c.trainedOn) : t("bridge.companions.notTrained")) },
    {
      key: "active",
      label: "bridge.companions.status",
      cell: (c) => (
        <Form action={`/bridge/companions/${c.userId}/${c.active ? "deactivate" : "activate"}`} class="stack" aria-label={c.name}>
          <span>{t(c.active ? "bridge.companions.active" : "bridge.companions.inactive")} </span>
          <Button variant="tertiary" size="sm">
            {t(c.active ? "bridge.companions.deactivate" : "bridge.companions.activate")}
            <span class="ds-sr-only">: {c.name}</span>
          </Button>
        </Form>
      ),
    },
  ];
  return (
    <div class="stack">
      <Heading>{t("bridge.companions.title")}</Heading>
      <P>{t("bridge.companions.intro")}</P>
      {props.pool.length === 0 ? (
        <EmptyState title="bridge.companions.empty" text="bridge.companions.empty.text" />
      ) : (
        <DataTable caption={t("bridge.companions.title")} columns={columns} rows={props.pool} />
      )}
      <section class="stack form" aria-labelledby="add-companion">
        <h2 class="ds-heading" data-size="md" id="add-companion">
          {t("bridge.companions.add")}
        </h2>
        <ErrorSummary errors={errors} />
        <Form action="/bridge/companions" aria-label={t("bridge.companions.add")}>
          <Field
            name="email"
            type="email"
            label="bridge.companions.email"
            hint="bridge.companions.email.hint"
            required
            value={props.values?.email}
            error={errors.email}
            autocomplete="off"
          />
          <CompanionFields values={props.values ?? { languages: [], slots: [] }} errors={errors} />
          <div class="actions">
            <Button>{t("bridge.companions.add.submit")}</Button>
          </div>
        </Form>
      </section>
    </div>
  );
}

export function CompanionEditPage(props: { member: PoolMember; values: CompanionForm; errors?: FieldErrors }) {
  const { t } = usePage();
  const errors = props.errors ?? {};
  return (
    <div class="stack form">
      <P>
        <Link href="/bridge/companions">{t("bridge.companions.back")}</Link>
      </P>
      <Heading>{props.member.name}</Heading>
      <P>{props.member.email}</P>
      <ErrorSummary errors={errors} />
      <Form action={`/bridge/companions/${props.member.userId}`} aria-label={props.member.name}>
        <CompanionFields values={props.values} errors={errors} />
        <div class="actions">
          <Button>{t("form.save")}</Button>
        </div>
      </Form>
    </div>
  );
}

function ReasonText(props: { reason: CandidateReason }) {
  const { t, fmt, lang } = usePage();
  const r = props.reason;
  switch (r.code) {
    case "near":
      return <>{t("bridge.companion.reason.near", { distance: fmt.distance(r.km) })}</>;
    case "samePostcode":
      return <>{t("bridge.companion.reason.samePostcode")}</>;
    case "sameArea":
      return <>{t("bridge.companion.reason.sameArea")}</>;
    case "languages":
      return <>{t("bridge.companion.reason.languages", { languages: fmt.languages(r.items) })}</>;
    case "slots":
      return <>{t("bridge.companion.reason.slots", { when: describeSlots(t, r.items, lang) })}</>;
  }
}

/** A case's companion: who comes along now, and the candidates from the pool with why each fits. */
export function CaseCompanionPage(props: {
  caseId: string;
  firstName: string;
  current: PoolMember | null;
  candidates: Candidate[];
  consented: boolean;
  errors?: FieldErrors;
}) {
  const { t } = usePage();
  const errors = props.errors ?? {};
  const back = `/bridge/cases/${props.caseId}`;
  return (
    <div class="stack">
      <P>
        <Link href={back}>{t("bridge.part.backToCase", { name: props.firstName })}</Link>
      </P>
      <Heading>{t("bridge.companion.title", { name: props.firstName })}</Heading>
      <P>{t("bridge.companion.intro")}</P>
      <ErrorSummary errors={errors} />
      {props.current ? (
        <section class="ds-card stack" aria-labelledby="current-companion">
          <h2 class="ds-heading" data-size="sm" id="current-companion">
            {t("bridge.companion.current")}
          </h2>
          <P>
            {props.current.name} · {props.current.email}
          </P>
          <Form action={`/bridge/cases/${props.caseId}/companion/remove`} aria-label={t("bridge.companion.remove")}>
            <Button variant="secondary">{t("bridge.companion.remove")}</Button>
          </Form>
        </section>
      ) : (
        <P>{t("bridge.companion.noneYet")}</P>
      )}
      {!props.consented ? (
        <Alert color="warning">{t("bridge.companion.noConsent")}</Alert>
      ) : (
        <section class="stack" aria-labelledby="candidates">
          <h2 class="ds-heading" data-size="md" id="candidates">
            {t("bridge.companion.candidates")}
          </h2>
          <ValidationMessage id="f-companionId" error={errors.companionId} />
          {props.candidates.length === 0 ? (
            <EmptyState title="bridge.companion.noCandidates" action={<Link href="/bridge/companions">{t("bridge.companions.title")}</Link>} />
          ) : (
            <ul class="detail-list">
              {props.candidates.map((c) => (
                <li class="ds-card stack">
                  <h3 class="ds-heading" data-size="sm">
                    {c.companion.name}
                  </h3>
                  {c.reasons.length > 0 ? (
                    <ul class="ds-list">
                      {c.reasons.map((r) => (
                        <li>
                          <ReasonText reason={r} />
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <P>{t("bridge.companion.reason.none")}</P>
                  )}
                  <Form action={`/bridge/cases/${props.caseId}/companion`} aria-label={c.companion.name}>
                    <input type="hidden" name="companionId" value={c.companion.userId} />
                    <Button variant="secondary">
                      {t("bridge.companion.ask")}
                      <span class="ds-sr-only">: {c.companion.name}</span>
                    </Button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}

/** The companion's own page: first name, the first meeting's day, time and place, and whom to call. */
export function MyCompanionPage(props: { people: MyPerson[] }) {
  const { t, fmt } = usePage();
  return (
    <div class="stack">
      <Heading>{t("bridge.myCompanion.title")}</Heading>
      <P>{t("bridge.myCompanion.intro")}</P>
      {props.people.length === 0 ? (
        <EmptyState title="bridge.myCompanion.empty" />
      ) : (
        <ul class="detail-list">
          {props.people.map((p) => (
            <li class="ds-card stack">
              <h2 class="ds-heading" data-size="sm">
                {p.firstName}
              </h2>
              <dl>
                <div class="detail-fact">
                  <dt>{t("bridge.myCompanion.when")}</dt>
                  <dd>
                    {p.meetingDate
                      ? p.meetingTime
                        ? t("bridge.myCompanion.at", { date: fmt.dateWithWeekday(p.meetingDate), time: fmt.time(p.meetingTime) })
                        : fmt.dateWithWeekday(p.meetingDate)
                      : t("bridge.myCompanion.notYet")}
                  </dd>
                </div>
                <div class="detail-fact">
                  <dt>{t("bridge.myCompanion.where")}</dt>
                  <dd>{p.place ?? t("bridge.myCompanion.notYet")}</dd>
                </div>
                <div class="detail-fact">
                  <dt>{t("bridge.myCompanion.call")}</dt>
                  <dd>
                    {p.builder ? (
                      <>
                        {p.builder.name} ·{" "}
                        <a class="ds-link" href={`mailto:${p.builder.email}`}>
                          {p.builder.email}
                        </a>
                      </>
                    ) : (
                      t("bridge.myCompanion.centre")
                    )}
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
