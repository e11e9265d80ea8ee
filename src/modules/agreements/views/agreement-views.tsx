import type { FieldErrors } from "../../../platform/http/errors.js";
import {
  Alert,
  Button,
  ButtonLink,
  Checkbox,
  DataTable,
  EmptyState,
  ErrorSummary,
  Field,
  Form,
  Heading,
  Link,
  P,
  Select,
  ValidationMessage,
} from "../../../platform/ui/components.js";
import { Breadcrumbs, FactBox } from "../../../platform/ui/detail.js";
import { Markdown, MarkdownField } from "../../../platform/ui/markdown.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { linkLabels, linkPaths, statusLabels } from "../agreements.labels.js";
import { type Agreement, type AgreementPageData, type FormChoices, type LevelName, nameOfLevel, type PublicAgreement, STATUSES } from "../agreements.model.js";

/** A form as it was sent: its text fields, the repeating party rows and links, and its errors. */
export interface AgreementForm {
  values: Record<string, string>;
  party: string[];
  partyGives: string[];
  link: string[];
  errors: FieldErrors;
  /** The purpose as it will look, when the person asked for a preview. */
  preview?: string | undefined;
}

/** Days left until the end, in words, from the route (a view computes no dates). */
function Period(props: { startsOn: string; endsOn: string | null }) {
  const { t, fmt } = usePage();
  return (
    <>
      {props.endsOn
        ? t("agreements.period", { from: fmt.date(props.startsOn), to: fmt.date(props.endsOn) })
        : t("agreements.periodOpen", { from: fmt.date(props.startsOn) })}
    </>
  );
}

function PartyList(props: { agreement: Pick<PublicAgreement, "parties" | "municipalUnit" | "municipalityGives"> }) {
  const { t } = usePage();
  const a = props.agreement;
  return (
    <dl class="stacked-facts agreement-gives">
      <div>
        <dt>{a.municipalUnit}</dt>
        <dd>{a.municipalityGives || t("agreements.givesNothingWritten")}</dd>
      </div>
      {a.parties.map((p) => (
        <div>
          <dt>{p.name}</dt>
          <dd>{p.gives || t("agreements.givesNothingWritten")}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The public register: the agreements marked public that are agreed and running. */
export function RegisterPage(props: { agreements: PublicAgreement[]; levels: LevelName[] }) {
  const { t } = usePage();
  return (
    <div class="stack">
      <Heading>{t("agreements.register.title")}</Heading>
      <P>{t("agreements.register.intro")}</P>
      {props.agreements.length === 0 ? (
        <EmptyState title="agreements.register.none" text="agreements.register.noneText" />
      ) : (
        <ul class="stack agreement-cards" aria-label={t("agreements.register.title")}>
          {props.agreements.map((a) => (
            <li class="ds-card stack" id={a.id}>
              <Heading level={2} size="sm">
                {a.title}
              </Heading>
              <p class="ds-paragraph">
                <span class="agreement-level">{nameOfLevel(props.levels, a.level)}</span>
                <br />
                <Period startsOn={a.startsOn} endsOn={a.endsOn} />
              </p>
              <Markdown text={a.purpose} />
              <Heading level={3} size="sm">
                {t("agreements.whoGivesWhat")}
              </Heading>
              <PartyList agreement={a} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function AgreementTable(props: { agreements: Agreement[]; levels: LevelName[]; caption: string; endsIn: Record<string, number | null> }) {
  const { t } = usePage();
  return (
    <DataTable
      caption={props.caption}
      rows={props.agreements}
      columns={[
        { key: "title", label: "agreements.field.title", cell: (a) => <Link href={`/agreements/${a.id}`}>{a.title}</Link> },
        { key: "parties", label: "agreements.field.parties", cell: (a) => a.parties.map((p) => p.name).join(", ") },
        { key: "level", label: "agreements.field.level", cell: (a) => <span class="agreement-level-cell">{nameOfLevel(props.levels, a.level)}</span> },
        { key: "status", label: "agreements.field.status", cell: (a) => t(statusLabels[a.status]) },
        {
          key: "period",
          label: "agreements.field.period",
          cell: (a) => (
            <>
              <Period startsOn={a.startsOn} endsOn={a.endsOn} />
              {props.endsIn[a.id] !== null && props.endsIn[a.id] !== undefined && (
                <>
                  {" "}
                  <span class="ds-tag" data-color="warning">
                    {t("agreements.endsInShort", { count: props.endsIn[a.id] ?? 0 })}
                  </span>
                </>
              )}
            </>
          ),
        },
      ]}
    />
  );
}

/** The keepers' list: filters by level and status, a CSV of what is shown, and a new agreement. */
export function ManagePage(props: {
  agreements: Agreement[];
  levels: LevelName[];
  filter: { level?: string | undefined; status?: string | undefined };
  endsIn: Record<string, number | null>;
  csvHref: string;
}) {
  const { t } = usePage();
  return (
    <div class="stack">
      <Heading>{t("agreements.manage.title")}</Heading>
      <P>{t("agreements.manage.intro")}</P>
      <div class="actions">
        <ButtonLink href="/agreements/new" variant="primary">
          {t("agreements.new.title")}
        </ButtonLink>
        <ButtonLink href="/agreements">{t("agreements.register.title")}</ButtonLink>
        <ButtonLink href="/agreements/manage/levels">{t("agreements.levels.title")}</ButtonLink>
      </div>
      <Form action="/agreements/manage" method="get" class="filters" aria-label={t("agreements.manage.filter")}>
        <Select
          name="level"
          label="agreements.field.level"
          value={props.filter.level ?? ""}
          options={[{ value: "", label: t("agreements.manage.all") }, ...props.levels.map((l) => ({ value: l.id, label: l.name }))]}
        />
        <Select
          name="status"
          label="agreements.field.status"
          value={props.filter.status ?? ""}
          options={[{ value: "", label: t("agreements.manage.all") }, ...STATUSES.map((s) => ({ value: s, label: t(statusLabels[s]) }))]}
        />
        <Button variant="secondary">{t("agreements.manage.show")}</Button>
      </Form>
      {props.agreements.length === 0 ? (
        <EmptyState title="agreements.manage.none" text="agreements.manage.noneText" />
      ) : (
        <>
          <AgreementTable agreements={props.agreements} levels={props.levels} caption={t("agreements.manage.title")} endsIn={props.endsIn} />
          <P>
            <Link href={props.csvHref} download>
              {t("agreements.manage.csv")}
            </Link>
          </P>
        </>
      )}
    </div>
  );
}

/** A board's agreements with the municipality. */
export function MinePage(props: { agreements: Agreement[]; levels: LevelName[]; endsIn: Record<string, number | null> }) {
  const { t } = usePage();
  return (
    <div class="stack">
      <Heading>{t("agreements.mine.title")}</Heading>
      <P>{t("agreements.mine.intro")}</P>
      {props.agreements.length === 0 ? (
        <EmptyState title="agreements.mine.none" text="agreements.mine.noneText" />
      ) : (
        <AgreementTable agreements={props.agreements} levels={props.levels} caption={t("agreements.mine.title")} endsIn={props.endsIn} />
      )}
    </div>
  );
}

const PARTY_ROWS = 3;

function AgreementFields(props: { form: AgreementForm; choices: FormChoices }) {
  const { t } = usePage();
  const { values, errors } = props.form;
  const rows = Math.max(PARTY_ROWS, props.form.party.length);
  return (
    <>
      <Field name="title" label="agreements.field.title" hint="agreements.hint.title" required value={values.title} error={errors.title} />
      <MarkdownField
        name="purpose"
        label="agreements.field.purpose"
        value={values.purpose ?? ""}
        error={errors.purpose}
        preview={props.form.preview}
        required
      />
      <Select
        name="level"
        label="agreements.field.level"
        value={values.level ?? ""}
        error={errors.level}
        options={props.choices.levels.map((l) => ({ value: l.id, label: l.description ? `${l.name} – ${l.description}` : l.name }))}
      />
      <Select
        name="status"
        label="agreements.field.status"
        value={values.status ?? "draft"}
        error={errors.status}
        options={STATUSES.map((s) => ({ value: s, label: t(statusLabels[s]) }))}
      />
      <Field
        name="municipalUnit"
        label="agreements.field.municipalUnit"
        hint="agreements.hint.municipalUnit"
        required
        value={values.municipalUnit}
        error={errors.municipalUnit}
      />
      <Field
        name="municipalityGives"
        label="agreements.field.municipalityGives"
        hint="agreements.hint.gives"
        multiline
        rows={3}
        value={values.municipalityGives}
        error={errors.municipalityGives}
      />
      <fieldset class="ds-fieldset stack" aria-describedby={errors.party ? "f-party-error" : undefined}>
        <legend class="ds-label">{t("agreements.field.parties")}</legend>
        <div class="ds-paragraph" data-field="description">
          {t("agreements.hint.parties")}
        </div>
        <ValidationMessage id="f-party-error" error={errors.party} />
        {Array.from({ length: rows }, (_, i) => {
          const id = i === 0 ? "f-party" : `f-party-${i + 1}`;
          return (
            <div class="stack agreement-party">
              <div class="ds-field">
                <label class="ds-label" for={id}>
                  {t("agreements.field.party", { n: i + 1 })}
                </label>
                <select class="ds-input" id={id} name="party" aria-invalid={i === 0 && errors.party ? "true" : undefined}>
                  <option value="">{t("agreements.field.partyNone")}</option>
                  {props.choices.associations.map((a) => (
                    <option value={a.id} selected={props.form.party[i] === a.id}>
                      {a.name}
                    </option>
                  ))}
                </select>
              </div>
              <div class="ds-field">
                <label class="ds-label" for={`f-partyGives-${i + 1}`}>
                  {t("agreements.field.partyGives", { n: i + 1 })}
                </label>
                <textarea class="ds-input" id={`f-partyGives-${i + 1}`} name="partyGives" rows={2}>
                  {props.form.partyGives[i] ?? ""}
                </textarea>
              </div>
            </div>
          );
        })}
      </fieldset>
      <Field name="startsOn" label="agreements.field.startsOn" type="date" required value={values.startsOn} error={errors.startsOn} />
      <Field name="endsOn" label="agreements.field.endsOn" hint="agreements.hint.endsOn" type="date" value={values.endsOn} error={errors.endsOn} />
      <fieldset class="ds-fieldset stack">
        <legend class="ds-label">{t("agreements.field.contact")}</legend>
        <Field name="contactName" label="agreements.field.contactName" value={values.contactName} error={errors.contactName} autocomplete="off" />
        <Field
          name="contactEmail"
          label="agreements.field.contactEmail"
          type="email"
          value={values.contactEmail}
          error={errors.contactEmail}
          autocomplete="off"
        />
        <Field
          name="contactPhone"
          label="agreements.field.contactPhone"
          type="tel"
          value={values.contactPhone}
          error={errors.contactPhone}
          autocomplete="off"
        />
      </fieldset>
      {props.choices.links.length > 0 && (
        <fieldset class="ds-fieldset">
          <legend class="ds-label">{t("agreements.field.links")}</legend>
          <div class="ds-paragraph" data-field="description">
            {t("agreements.hint.links")}
          </div>
          <ValidationMessage error={errors.link} />
          {props.choices.links.map((l) => {
            const value = `${l.kind}:${l.id}`;
            return (
              <div class="ds-field">
                <input class="ds-input" type="checkbox" name="link" value={value} id={`link-${l.id}`} checked={props.form.link.includes(value)} />
                <label class="ds-label" for={`link-${l.id}`}>
                  {t(linkLabels[l.kind])}: {l.name}
                </label>
              </div>
            );
          })}
        </fieldset>
      )}
      <Field name="notes" label="agreements.field.notes" hint="agreements.hint.notes" multiline rows={3} value={values.notes} error={errors.notes} />
      <Checkbox name="isPublic" label="agreements.field.isPublic" checked={values.isPublic === "on"} error={errors.isPublic} />
      <P>{t("agreements.hint.isPublic")}</P>
    </>
  );
}

/** A new agreement. */
export function NewAgreementPage(props: { form: AgreementForm; choices: FormChoices }) {
  const { t } = usePage();
  return (
    <div class="stack form">
      <Breadcrumbs trail={[{ href: "/agreements/manage", label: t("agreements.manage.title") }]} current={t("agreements.new.title")} />
      <Heading>{t("agreements.new.title")}</Heading>
      <P>{t("agreements.new.intro")}</P>
      <ErrorSummary errors={props.form.errors} />
      <Form action="/agreements/new" class="stack">
        <AgreementFields form={props.form} choices={props.choices} />
        <div class="actions">
          <Button>{t("agreements.new.save")}</Button>
        </div>
      </Form>
    </div>
  );
}

/** One agreement: the facts, who gives what, documents and periods; for its keepers, the form, renew and end. */
export function AgreementPage(props: { page: AgreementPageData; form: AgreementForm; fileError?: FieldErrors; endsIn: number | null }) {
  const { t, fmt } = usePage();
  const { agreement: a, documents, links, series, mayEdit } = props.page;
  return (
    <div class="stack">
      <Breadcrumbs
        trail={[
          mayEdit ? { href: "/agreements/manage", label: t("agreements.manage.title") } : { href: "/agreements/mine", label: t("agreements.mine.title") },
        ]}
        current={a.title}
      />
      <Heading>{a.title}</Heading>
      {props.endsIn !== null && a.status === "agreed" && (
        <Alert color="warning">{t("agreements.endsIn", { count: props.endsIn, date: fmt.date(a.endsOn ?? a.startsOn) })}</Alert>
      )}
      <FactBox
        facts={[
          ["agreements.field.status", t(statusLabels[a.status])],
          ["agreements.field.level", nameOfLevel(props.page.choices.levels, a.level)],
          ["agreements.field.period", <Period startsOn={a.startsOn} endsOn={a.endsOn} />],
          ["agreements.field.municipalUnit", a.municipalUnit],
          ["agreements.field.parties", a.parties.map((p) => p.name).join(", ")],
          ["agreements.field.inRegister", a.isPublic ? t("agreements.yes") : t("agreements.no")],
          ["agreements.field.responsible", props.page.responsible],
          [
            "agreements.field.contact",
            a.contactName || a.contactEmail || a.contactPhone ? [a.contactName, a.contactEmail, a.contactPhone].filter(Boolean).join(" · ") : null,
          ],
        ]}
      />
      <section class="stack" aria-labelledby="purpose-heading">
        <Heading level={2} size="sm">
          <span id="purpose-heading">{t("agreements.field.purpose")}</span>
        </Heading>
        <Markdown text={a.purpose} />
      </section>
      <section class="stack" aria-labelledby="gives-heading">
        <Heading level={2} size="sm">
          <span id="gives-heading">{t("agreements.whoGivesWhat")}</span>
        </Heading>
        <PartyList agreement={a} />
      </section>
      {a.status === "ended" && a.endNote && (
        <section class="stack" aria-labelledby="end-note-heading">
          <Heading level={2} size="sm">
            <span id="end-note-heading">{t("agreements.endPage.noteHeading")}</span>
          </Heading>
          <P>{a.endNote}</P>
        </section>
      )}
      {a.notes && (
        <section class="stack" aria-labelledby="notes-heading">
          <Heading level={2} size="sm">
            <span id="notes-heading">{t("agreements.field.notes")}</span>
          </Heading>
          <P>{a.notes}</P>
        </section>
      )}
      {links.length > 0 && (
        <section class="stack" aria-labelledby="links-heading">
          <Heading level={2} size="sm">
            <span id="links-heading">{t("agreements.field.links")}</span>
          </Heading>
          <ul class="ds-list">
            {links.map((l) => (
              <li>
                {t(linkLabels[l.kind])}: <Link href={linkPaths[l.kind](l.refId)}>{l.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="stack" aria-labelledby="documents-heading" id="documents">
        <Heading level={2} size="sm">
          <span id="documents-heading">{t("agreements.documents.title")}</span>
        </Heading>
        {documents.length === 0 ? (
          <P>{mayEdit ? t("agreements.documents.noneKeeper") : t("agreements.documents.none")}</P>
        ) : (
          <ul class="ds-list">
            {documents.map((d) => (
              <li>
                <Link href={`/agreements/${a.id}/documents/${d.id}`} download>
                  {d.name}
                </Link>{" "}
                ({fmt.date(d.createdAt)})
                {mayEdit && (
                  <Form
                    action={`/agreements/${a.id}/documents/${d.id}/remove`}
                    class="inline"
                    aria-label={t("agreements.documents.removeNamed", { name: d.name })}
                  >
                    <Button variant="tertiary" size="sm">
                      {t("agreements.documents.remove")}
                    </Button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
        {mayEdit && (
          <Form action={`/agreements/${a.id}/documents`} multipart class="stack" aria-label={t("agreements.documents.add")}>
            <div class="ds-field">
              <label class="ds-label" for="f-file">
                {t("agreements.documents.file")}
              </label>
              <div class="ds-paragraph" data-field="description" id="f-file-hint">
                {t("agreements.documents.hint")}
              </div>
              <input
                class="ds-input"
                type="file"
                id="f-file"
                name="file"
                aria-describedby="f-file-hint"
                aria-invalid={props.fileError?.file ? "true" : undefined}
              />
              <ValidationMessage error={props.fileError?.file} />
            </div>
            <div class="actions">
              <Button variant="secondary">{t("agreements.documents.add")}</Button>
            </div>
          </Form>
        )}
      </section>
      {series.length > 1 && (
        <section class="stack" aria-labelledby="series-heading">
          <Heading level={2} size="sm">
            <span id="series-heading">{t("agreements.series.title")}</span>
          </Heading>
          <ol class="ds-list">
            {series.map((s) => (
              <li>
                {s.id === a.id ? (
                  <strong>
                    <Period startsOn={s.startsOn} endsOn={s.endsOn} /> · {t(statusLabels[s.status])} · {t("agreements.series.this")}
                  </strong>
                ) : (
                  <Link href={`/agreements/${s.id}`}>
                    <Period startsOn={s.startsOn} endsOn={s.endsOn} /> · {t(statusLabels[s.status])}
                  </Link>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
      {mayEdit && (
        <>
          <section class="stack" aria-labelledby="next-heading">
            <Heading level={2} size="sm">
              <span id="next-heading">{t("agreements.next.title")}</span>
            </Heading>
            <P>{t("agreements.next.intro")}</P>
            <div class="actions">
              <Form action={`/agreements/${a.id}/renew`} class="inline" aria-label={t("agreements.renew")}>
                <Button variant="secondary">{t("agreements.renew")}</Button>
              </Form>
              {a.status !== "ended" && <ButtonLink href={`/agreements/${a.id}/end`}>{t("agreements.end")}</ButtonLink>}
            </div>
          </section>
          <section class="stack form" aria-labelledby="edit-heading" id="edit">
            <Heading level={2} size="sm">
              <span id="edit-heading">{t("agreements.edit.title")}</span>
            </Heading>
            <ErrorSummary errors={props.form.errors} />
            <Form action={`/agreements/${a.id}`} class="stack">
              <AgreementFields form={props.form} choices={props.page.choices} />
              <div class="actions">
                <Button>{t("agreements.edit.save")}</Button>
              </div>
            </Form>
          </section>
        </>
      )}
    </div>
  );
}

/** Before an agreement ends: what ending means, its last day, a note, and a way back. */
export function EndPage(props: { agreement: Agreement; values: { endsOn: string; endNote: string }; latest: string; errors: FieldErrors }) {
  const { t, fmt } = usePage();
  const a = props.agreement;
  return (
    <div class="stack form">
      <Breadcrumbs
        trail={[
          { href: "/agreements/manage", label: t("agreements.manage.title") },
          { href: `/agreements/${a.id}`, label: a.title },
        ]}
        current={t("agreements.end")}
      />
      <Heading>{t("agreements.endPage.title", { title: a.title })}</Heading>
      <ErrorSummary errors={props.errors} />
      {a.status === "ended" ? (
        <Alert color="info">{t("agreements.endPage.already")}</Alert>
      ) : (
        <>
          <P>{t("agreements.endPage.means")}</P>
          <ul class="ds-list">
            <li>{t("agreements.endPage.register")}</li>
            <li>{t("agreements.endPage.history")}</li>
            <li>{t("agreements.endPage.noMail")}</li>
          </ul>
          <P>{t("agreements.endPage.later")}</P>
          <Form action={`/agreements/${a.id}/end`} class="stack">
            <input type="hidden" name="confirm" value="yes" />
            <Field
              name="endsOn"
              label="agreements.endPage.endsOn"
              hint="agreements.endPage.endsOnHint"
              type="date"
              required
              value={props.values.endsOn}
              error={props.errors.endsOn}
            />
            <P>{t("agreements.endPage.range", { from: fmt.date(a.startsOn), to: fmt.date(props.latest) })}</P>
            <Field
              name="endNote"
              label="agreements.endPage.note"
              hint="agreements.endPage.noteHint"
              multiline
              rows={3}
              value={props.values.endNote}
              error={props.errors.endNote}
            />
            <div class="actions">
              <Button color="danger">{t("agreements.endPage.confirm")}</Button>
              <Link href={`/agreements/${a.id}`}>{t("agreements.endPage.cancel")}</Link>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
