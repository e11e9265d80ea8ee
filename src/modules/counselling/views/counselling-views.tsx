import type { FieldErrors } from "../../../platform/http/errors.js";
import type { MessageKey } from "../../../platform/i18n/i18n.js";
import { BarChart } from "../../../platform/ui/charts.js";
import { Button, ButtonLink, DataTable, EmptyState, ErrorSummary, Field, Form, Heading, Link, P, Select } from "../../../platform/ui/components.js";
import { Breadcrumbs, FactBox, Paragraphs } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { type BoardCase, type CaseList, type CasePage, TOPICS, type Topic } from "../counselling.model.js";
import type { Figures } from "../figures.js";

type FormState = { values: Record<string, string>; errors: FieldErrors };

export const TOPIC_LABELS: Record<Topic, MessageKey> = {
  recruitment: "counselling.topic.recruitment",
  retention: "counselling.topic.retention",
  board: "counselling.topic.board",
  fundraising: "counselling.topic.fundraising",
  startup: "counselling.topic.startup",
  cooperation: "counselling.topic.cooperation",
  other: "counselling.topic.other",
};

const STATUS_LABELS: Record<"open" | "closed", MessageKey> = { open: "counselling.status.open", closed: "counselling.status.closed" };

function useTopics() {
  const { t } = usePage();
  return TOPICS.map((topic) => ({ value: topic, label: t(TOPIC_LABELS[topic]) }));
}

/** Hours from minutes, as the reader writes numbers: "1,5". */
function useHours() {
  const { fmt } = usePage();
  return (minutes: number) => fmt.number(minutes / 60, 1);
}

export function CaseListPage(props: { list: CaseList; filter: { topic: string; staff: string; status: string } }) {
  const { t, fmt } = usePage();
  const hours = useHours();
  const f = props.filter;
  return (
    <div class="stack counselling">
      <Heading>{t("counselling.title")}</Heading>
      <P>{t("counselling.intro")}</P>
      <div class="actions">
        <ButtonLink href="/counselling/new" variant="primary">
          {t("counselling.new.title")}
        </ButtonLink>
        <ButtonLink href="/counselling/figures" variant="secondary">
          {t("counselling.figures.title")}
        </ButtonLink>
      </div>
      <Form action="/counselling" method="get" class="form filters" aria-label={t("counselling.filter.label")}>
        <Select name="topic" label="counselling.topic" value={f.topic} options={[{ value: "", label: t("counselling.filter.all") }, ...useTopics()]} />
        <Select
          name="staff"
          label="counselling.staff"
          value={f.staff}
          options={[{ value: "", label: t("counselling.filter.all") }, ...props.list.staff.map((s) => ({ value: s.id, label: s.name }))]}
        />
        <Select
          name="status"
          label="counselling.status"
          value={f.status}
          options={[
            { value: "", label: t("counselling.filter.all") },
            { value: "open", label: t("counselling.status.open") },
            { value: "closed", label: t("counselling.status.closed") },
          ]}
        />
        <div class="actions">
          <Button variant="secondary">{t("counselling.filter.apply")}</Button>
        </div>
      </Form>
      {props.list.rows.length ? (
        <DataTable
          caption={t("counselling.title")}
          rows={props.list.rows}
          columns={[
            { key: "name", label: "counselling.case", cell: (r) => <Link href={`/counselling/${r.id}`}>{r.name}</Link> },
            { key: "topic", label: "counselling.topic", cell: (r) => t(TOPIC_LABELS[r.topic]) },
            {
              key: "next",
              label: "counselling.nextStep",
              cell: (r) =>
                r.nextStep ? (
                  <span>
                    {r.nextStep}
                    {r.nextStepOn && ` (${fmt.date(r.nextStepOn)})`}{" "}
                    {r.overdue && (
                      <span class="ds-tag" data-color="danger">
                        {t("counselling.overdue")}
                      </span>
                    )}
                  </span>
                ) : (
                  "–"
                ),
            },
            { key: "staff", label: "counselling.staff", cell: (r) => r.staffName ?? "–" },
            { key: "hours", label: "counselling.hours", cell: (r) => hours(r.minutes) },
            { key: "status", label: "counselling.status", cell: (r) => t(STATUS_LABELS[r.status]) },
          ]}
        />
      ) : (
        <EmptyState title="counselling.empty.title" text="counselling.empty.text" />
      )}
    </div>
  );
}

export function NewCasePage(props: { associations: { id: string; name: string }[]; staff: { id: string; name: string }[]; form?: FormState }) {
  const { t } = usePage();
  const v = props.form?.values ?? {};
  const errors = props.form?.errors ?? {};
  return (
    <div class="stack counselling">
      <Breadcrumbs trail={[{ href: "/counselling", label: t("counselling.title") }]} current={t("counselling.new.title")} />
      <Heading>{t("counselling.new.title")}</Heading>
      <ErrorSummary errors={errors} />
      <Form action="/counselling/new">
        <fieldset class="ds-fieldset">
          <legend class="ds-label">{t("counselling.kind")}</legend>
          {(["association", "initiative"] as const).map((kind) => (
            <div class="ds-field">
              <input class="ds-input" type="radio" name="kind" value={kind} id={`f-kind-${kind}`} checked={(v.kind || "association") === kind} />
              <label class="ds-label" for={`f-kind-${kind}`}>
                {t(kind === "association" ? "counselling.kind.association" : "counselling.kind.initiative")}
              </label>
            </div>
          ))}
        </fieldset>
        <Select
          name="associationId"
          label="counselling.association"
          value={v.associationId}
          error={errors.associationId}
          options={[{ value: "", label: t("counselling.association.choose") }, ...props.associations.map((a) => ({ value: a.id, label: a.name }))]}
        />
        <Field name="initiativeName" label="counselling.initiative" hint="counselling.initiative.hint" value={v.initiativeName} error={errors.initiativeName} />
        <Field name="contactName" label="counselling.contactName" value={v.contactName} error={errors.contactName} />
        <Field name="contactEmail" label="counselling.contactEmail" type="email" value={v.contactEmail} error={errors.contactEmail} />
        <Select name="topic" label="counselling.topic" value={v.topic} error={errors.topic} options={useTopics()} />
        <Field name="about" label="counselling.about" hint="counselling.about.hint" multiline value={v.about} error={errors.about} />
        <Select
          name="staffId"
          label="counselling.staff"
          value={v.staffId}
          error={errors.staffId}
          options={[{ value: "", label: t("counselling.staff.me") }, ...props.staff.map((s) => ({ value: s.id, label: s.name }))]}
        />
        <div class="actions">
          <Button variant="primary">{t("counselling.new.create")}</Button>
          <Link href="/counselling">{t("form.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}

export function CasePageView(props: { page: CasePage; form?: FormState }) {
  const { t, fmt } = usePage();
  const hours = useHours();
  const { page } = props;
  const c = page.case;
  const v = props.form?.values ?? {};
  const errors = props.form?.errors ?? {};
  return (
    <div class="stack counselling">
      <Breadcrumbs trail={[{ href: "/counselling", label: t("counselling.title") }]} current={page.name} />
      <Heading>{page.name}</Heading>
      <FactBox
        facts={[
          ["counselling.topic", t(TOPIC_LABELS[c.topic])],
          ["counselling.status", t(STATUS_LABELS[c.status])],
          ["counselling.opened", fmt.date(c.createdAt.slice(0, 10))],
          ["counselling.staff", page.staffName],
          ["counselling.contactName", c.contactName],
          [
            "counselling.contactEmail",
            c.contactEmail && (
              <a class="ds-link" href={`mailto:${c.contactEmail}`}>
                {c.contactEmail}
              </a>
            ),
          ],
          ["counselling.phone", c.contactPhone],
          ["counselling.hours", hours(page.minutes)],
        ]}
      />
      {c.about && (
        <section class="stack" aria-labelledby="about">
          <Heading level={2} size="sm">
            <span id="about">{t("counselling.about")}</span>
          </Heading>
          <Paragraphs text={c.about} />
        </section>
      )}
      <section class="stack" aria-labelledby="conversations">
        <Heading level={2} size="md">
          <span id="conversations">{t("counselling.conversations")}</span>
        </Heading>
        {page.entries.length ? (
          <ol class="stack counselling-entries">
            {page.entries.map((e) => (
              <li class="ds-card">
                <Heading level={3} size="sm">
                  {t("counselling.entry.heading", { date: fmt.date(e.heldOn), minutes: e.minutes })}
                </Heading>
                {e.agreed && (
                  <div>
                    <strong>{t("counselling.agreed")}</strong>
                    <Paragraphs text={e.agreed} />
                  </div>
                )}
                {e.internalNote && (
                  <div class="counselling-internal">
                    <strong>{t("counselling.internalNote")}</strong>
                    <Paragraphs text={e.internalNote} />
                  </div>
                )}
                {e.nextStep && (
                  <P>
                    <strong>{t("counselling.nextStep")}:</strong> {e.nextStep}
                    {e.nextStepOn && ` (${fmt.date(e.nextStepOn)})`}
                    {e.responsibleName && ` – ${e.responsibleName}`}
                  </P>
                )}
              </li>
            ))}
          </ol>
        ) : (
          <EmptyState title="counselling.entries.empty.title" text="counselling.entries.empty.text" />
        )}
      </section>
      {page.overdue && (
        <P>
          <span class="ds-tag" data-color="danger">
            {t("counselling.overdue")}
          </span>
        </P>
      )}
      <section class="stack" aria-labelledby="log">
        <Heading level={2} size="md">
          <span id="log">{t("counselling.entry.title")}</span>
        </Heading>
        <ErrorSummary errors={errors} />
        <Form action={`/counselling/${c.id}/entries`}>
          <Field name="heldOn" label="counselling.heldOn" type="date" required value={v.heldOn ?? page.today} error={errors.heldOn} />
          <Field name="minutes" label="counselling.minutes" hint="counselling.minutes.hint" type="number" required value={v.minutes} error={errors.minutes} />
          <Field name="agreed" label="counselling.agreed" hint="counselling.agreed.hint" multiline rows={3} value={v.agreed} error={errors.agreed} />
          <Field
            name="internalNote"
            label="counselling.internalNote"
            hint="counselling.internalNote.hint"
            multiline
            rows={3}
            value={v.internalNote}
            error={errors.internalNote}
          />
          <Field name="nextStep" label="counselling.nextStep" value={v.nextStep} error={errors.nextStep} />
          <Field name="nextStepOn" label="counselling.nextStepOn" type="date" value={v.nextStepOn} error={errors.nextStepOn} />
          <Select
            name="responsibleId"
            label="counselling.responsible"
            value={v.responsibleId ?? c.staffId}
            error={errors.responsibleId}
            options={[{ value: "", label: t("counselling.staff.case") }, ...page.staff.map((s) => ({ value: s.id, label: s.name }))]}
          />
          <div class="actions">
            <Button variant="primary">{t("counselling.entry.save")}</Button>
          </div>
        </Form>
      </section>
      <Form action={`/counselling/${c.id}/${c.status === "open" ? "close" : "reopen"}`}>
        <div class="actions">
          <Button variant="secondary">{t(c.status === "open" ? "counselling.close" : "counselling.reopen")}</Button>
        </div>
      </Form>
    </div>
  );
}

export function BoardPage(props: { cases: BoardCase[] }) {
  const { t, fmt } = usePage();
  return (
    <div class="stack counselling">
      <Heading>{t("counselling.mine.title")}</Heading>
      <P>{t("counselling.mine.intro")}</P>
      {props.cases.length ? (
        <ul class="stack counselling-board">
          {props.cases.map((c) => (
            <li class="ds-card">
              <Heading level={2} size="sm">
                {c.association}: {t(TOPIC_LABELS[c.topic])}
              </Heading>
              <P>
                {t("counselling.mine.opened", { date: fmt.date(c.openedOn.slice(0, 10)) })} · {t(STATUS_LABELS[c.status])}
              </P>
              {c.entries.length ? (
                <ol class="stack">
                  {c.entries.map((e) => (
                    <li>
                      <strong>{fmt.date(e.heldOn)}</strong>
                      {e.agreed && <Paragraphs text={e.agreed} />}
                      {e.nextStep && (
                        <P>
                          {t("counselling.nextStep")}: {e.nextStep}
                          {e.nextStepOn && ` (${fmt.date(e.nextStepOn)})`}
                        </P>
                      )}
                    </li>
                  ))}
                </ol>
              ) : (
                <P>{t("counselling.mine.nothingYet")}</P>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState
          title="counselling.mine.empty.title"
          text="counselling.mine.empty.text"
          action={<Link href="/counselling/start">{t("counselling.start.title")}</Link>}
        />
      )}
    </div>
  );
}

export function FiguresPage(props: { figures: Figures }) {
  const { t, fmt } = usePage();
  const hours = useHours();
  const f = props.figures;
  const periodName = (key: string) => (f.by === "month" ? fmt.month(key) : t("counselling.figures.quarter", { q: Number(key.slice(-1)), year: f.year }));
  const tick = (key: string) => (f.by === "month" ? fmt.monthShort(key) : key.slice(-2));
  const other = f.by === "month" ? "quarter" : "month";
  return (
    <div class="stack counselling">
      <Breadcrumbs trail={[{ href: "/counselling", label: t("counselling.title") }]} current={t("counselling.figures.title")} />
      <Heading>{t("counselling.figures.heading", { year: f.year })}</Heading>
      <P>{t("counselling.figures.intro")}</P>
      <div class="actions">
        <Link href={`/counselling/figures?year=${f.year - 1}&by=${f.by}`}>{t("counselling.figures.year", { year: f.year - 1 })}</Link>
        <Link href={`/counselling/figures?year=${f.year + 1}&by=${f.by}`}>{t("counselling.figures.year", { year: f.year + 1 })}</Link>
        <Link href={`/counselling/figures?year=${f.year}&by=${other}`}>
          {t(other === "month" ? "counselling.figures.byMonth" : "counselling.figures.byQuarter")}
        </Link>
        <Link href={`/counselling/figures.csv?year=${f.year}&by=${f.by}`} download>
          {t("counselling.figures.csv")}
        </Link>
      </div>
      <section class="stack" aria-labelledby="by-topic">
        <Heading level={2} size="md">
          <span id="by-topic">{t("counselling.figures.byTopic")}</span>
        </Heading>
        <DataTable
          caption={t("counselling.figures.byTopic")}
          rows={[...f.byTopic, { ...f.total, topic: null }]}
          columns={[
            { key: "topic", label: "counselling.topic", cell: (r) => (r.topic ? t(TOPIC_LABELS[r.topic]) : <strong>{t("counselling.figures.total")}</strong>) },
            { key: "cases", label: "counselling.figures.cases", cell: (r) => fmt.number(r.cases, 0) },
            { key: "hours", label: "counselling.hours", cell: (r) => hours(r.minutes) },
          ]}
        />
      </section>
      <section class="stack" aria-labelledby="by-period">
        <Heading level={2} size="md">
          <span id="by-period">{t(f.by === "month" ? "counselling.figures.byMonth" : "counselling.figures.byQuarter")}</span>
        </Heading>
        <BarChart
          id="counselling-hours"
          title={t("counselling.figures.chart")}
          valueLabel={t("counselling.hours")}
          categoryLabel={t(f.by === "month" ? "counselling.figures.month" : "counselling.figures.quarterLabel")}
          bars={f.byPeriod.map((p) => ({ tick: tick(p.key), name: periodName(p.key), value: p.minutes / 60 }))}
          format={(v) => fmt.number(v, 1)}
          total
          table={false}
        />
        <DataTable
          caption={t(f.by === "month" ? "counselling.figures.byMonth" : "counselling.figures.byQuarter")}
          rows={f.byPeriod}
          columns={[
            { key: "period", label: f.by === "month" ? "counselling.figures.month" : "counselling.figures.quarterLabel", cell: (r) => periodName(r.key) },
            { key: "cases", label: "counselling.figures.cases", cell: (r) => fmt.number(r.cases, 0) },
            { key: "hours", label: "counselling.hours", cell: (r) => hours(r.minutes) },
          ]}
        />
      </section>
    </div>
  );
}

export function StartPage(props: { register: string; form?: FormState }) {
  const { t } = usePage();
  const v = props.form?.values ?? {};
  const errors = props.form?.errors ?? {};
  const steps: [MessageKey, MessageKey][] = [
    ["counselling.start.statutes.title", "counselling.start.statutes.text"],
    ["counselling.start.meeting.title", "counselling.start.meeting.text"],
    ["counselling.start.register.title", "counselling.start.register.text"],
    ["counselling.start.bank.title", "counselling.start.bank.text"],
  ];
  return (
    <div class="stack counselling-start">
      <Heading>{t("counselling.start.title")}</Heading>
      <P>{t("counselling.start.intro")}</P>
      <ol class="stack counselling-steps">
        {steps.map(([title, text], i) => (
          <li class="ds-card">
            <Heading level={2} size="sm">
              {t("counselling.start.step", { n: i + 1, title: t(title, { register: props.register }) })}
            </Heading>
            <P>{t(text, { register: props.register })}</P>
          </li>
        ))}
      </ol>
      <section class="stack" aria-labelledby="book">
        <Heading level={2} size="md">
          <span id="book">{t("counselling.start.book")}</span>
        </Heading>
        <P>{t("counselling.start.book.intro")}</P>
        <ErrorSummary errors={errors} />
        <Form action="/counselling/start">
          <Field name="name" label="counselling.start.name" required autocomplete="name" value={v.name} error={errors.name} />
          <Field name="email" label="counselling.start.email" type="email" required autocomplete="email" value={v.email} error={errors.email} />
          <Field name="phone" label="counselling.phone" type="tel" autocomplete="tel" value={v.phone} error={errors.phone} />
          <Field name="about" label="counselling.start.about" hint="counselling.start.about.hint" required multiline value={v.about} error={errors.about} />
          <div class="actions">
            <Button variant="primary">{t("counselling.start.send")}</Button>
          </div>
        </Form>
      </section>
    </div>
  );
}
