import type { FieldErrors } from "../../../platform/http/errors.js";
import {
  Alert,
  Button,
  ButtonLink,
  Checkboxes,
  type Column,
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
import { Breadcrumbs, FactBox, Paragraphs } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { canSkillLabels, matchStatusLabels, requestStatusLabels, skillLabels } from "../experts.labels.js";
import {
  type ExpertProfile,
  type ExpertReason,
  type ExpertSuggestion,
  type HoursFigures,
  type MatchItem,
  type MatchPage,
  type RequestItem,
  type RequestPage,
  type RequestStatus,
  SKILLS,
} from "../experts.model.js";

export type FormState = { values: Record<string, string>; errors: FieldErrors };

/** Minutes as hours in the reader's numbers: "1,5 timer". */
function useHours() {
  const { t, fmt } = usePage();
  return (minutes: number) => t("experts.hoursText", { hours: fmt.number(minutes / 60, 2) });
}

function StatusTag(props: { status: RequestStatus }) {
  const { t } = usePage();
  const color = props.status === "open" ? "warning" : props.status === "closed" ? "neutral" : "info";
  return (
    <span class="ds-tag" data-color={color}>
      {t(requestStatusLabels[props.status])}
    </span>
  );
}

// ——— The expert

export function JoinPage(props: { profile: ExpertProfile | undefined; email: string; chosen: string[]; form?: FormState }) {
  const { t } = usePage();
  const p = props.profile;
  const v = props.form?.values ?? (p ? { experience: p.experience, hoursPerMonth: String(p.hoursPerMonth), phone: p.phone ?? "" } : {});
  const errors = props.form?.errors ?? {};
  const signedUp = p && p.status !== "left";
  return (
    <div class="stack experts">
      <Breadcrumbs trail={[{ href: "/experts/me", label: t("experts.me.title") }]} current={t(signedUp ? "experts.join.editTitle" : "experts.join.title")} />
      <Heading>{t(signedUp ? "experts.join.editTitle" : "experts.join.title")}</Heading>
      <P>{t("experts.join.intro")}</P>
      <ErrorSummary errors={errors} />
      <Form action="/experts/join">
        <Checkboxes name="skills" legend="experts.skills" options={SKILLS.map((s) => ({ value: s, label: t(skillLabels[s]) }))} chosen={props.chosen} />
        <ValidationMessage id="f-skills" error={errors.skills} />
        <Field
          name="experience"
          label="experts.experience"
          hint="experts.experience.hint"
          multiline
          rows={4}
          required
          value={v.experience}
          error={errors.experience}
        />
        <Field
          name="hoursPerMonth"
          label="experts.hoursPerMonth"
          hint="experts.hoursPerMonth.hint"
          type="number"
          required
          value={v.hoursPerMonth}
          error={errors.hoursPerMonth}
        />
        <Field name="phone" label="experts.phone" hint="experts.phone.hint" type="tel" autocomplete="tel" value={v.phone} error={errors.phone} />
        <P>{t("experts.join.email", { email: props.email })}</P>
        <div class="actions">
          <Button variant="primary">{t(signedUp ? "experts.join.save" : "experts.join.submit")}</Button>
        </div>
      </Form>
      {signedUp && (
        <section class="stack" aria-labelledby="pause">
          <Heading level={2} size="sm">
            <span id="pause">{t("experts.pause.title")}</span>
          </Heading>
          <P>{t("experts.pause.text")}</P>
          <div class="actions">
            <Form action="/experts/status">
              <input type="hidden" name="status" value={p.status === "paused" ? "active" : "paused"} />
              <Button variant="secondary">{t(p.status === "paused" ? "experts.pause.resume" : "experts.pause.pause")}</Button>
            </Form>
            <Form action="/experts/leave">
              <Button variant="tertiary">{t("experts.leave")}</Button>
            </Form>
          </div>
        </section>
      )}
    </div>
  );
}

export function ExpertHomePage(props: { profile: ExpertProfile | undefined; matches: MatchItem[] }) {
  const { t, fmt } = usePage();
  const p = props.profile;
  if (!p || p.status === "left")
    return (
      <div class="stack experts">
        <Heading>{t("experts.me.title")}</Heading>
        <EmptyState title="experts.me.none" text="experts.me.noneText" action={<ButtonLink href="/experts/join">{t("experts.join.title")}</ButtonLink>} />
      </div>
    );
  const waiting = props.matches.filter((m) => m.match.status === "proposed");
  const running = props.matches.filter((m) => m.match.status !== "proposed" && m.match.status !== "declined");
  return (
    <div class="stack experts">
      <Heading>{t("experts.me.title")}</Heading>
      {p.status === "paused" && <Alert color="warning">{t("experts.me.paused")}</Alert>}
      <FactBox
        facts={[
          ["experts.skills", fmt.list(p.skills.map((s) => t(skillLabels[s])))],
          ["experts.hoursPerMonth", t("experts.perMonth", { count: p.hoursPerMonth })],
          ["experts.phone", p.phone],
        ]}
      />
      <P>
        <Link href="/experts/join">{t("experts.me.edit")}</Link>
      </P>
      <section class="stack" aria-labelledby="asked">
        <Heading level={2} size="md">
          <span id="asked">{t("experts.me.asked")}</span>
        </Heading>
        {waiting.length === 0 ? (
          <P>{t("experts.me.askedNone")}</P>
        ) : (
          <ul class="experts-list">
            {waiting.map((m) => (
              <li class="ds-card stack">
                <Heading level={3} size="sm">
                  {t("experts.me.askedBy", { association: m.association, skill: t(skillLabels[m.request.skill]) })}
                </Heading>
                <Paragraphs text={m.request.description} />
                {m.request.neededBy && <P>{t("experts.neededByText", { date: fmt.date(m.request.neededBy) })}</P>}
                <Form action={`/experts/matches/${m.match.id}/answer`}>
                  <div class="actions">
                    <Button variant="primary" name="answer" value="accept">
                      {t("experts.answer.accept")}
                    </Button>
                    <Button variant="secondary" name="answer" value="decline">
                      {t("experts.answer.decline")}
                    </Button>
                  </div>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="stack" aria-labelledby="helping">
        <Heading level={2} size="md">
          <span id="helping">{t("experts.me.helping")}</span>
        </Heading>
        {running.length === 0 ? (
          <P>{t("experts.me.helpingNone")}</P>
        ) : (
          <ul class="experts-list">
            {running.map((m) => (
              <li class="ds-card">
                <Link href={`/experts/matches/${m.match.id}`}>{m.association}</Link>
                <span>
                  {" · "}
                  {t(skillLabels[m.request.skill])}
                  {" · "}
                  {t(matchStatusLabels[m.match.status])}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

// ——— The board

export function AskPage(props: { associations: { id: string; name: string }[]; form?: FormState }) {
  const { t } = usePage();
  const v = props.form?.values ?? { association: props.associations[0]?.id ?? "" };
  const errors = props.form?.errors ?? {};
  return (
    <div class="stack experts">
      <Breadcrumbs trail={[{ href: "/experts/mine", label: t("experts.mine.title") }]} current={t("experts.ask.title")} />
      <Heading>{t("experts.ask.title")}</Heading>
      <P>{t("experts.ask.intro")}</P>
      <ErrorSummary errors={errors} />
      <Form action="/experts/ask">
        <Select
          name="association"
          label="experts.association"
          options={props.associations.map((a) => ({ value: a.id, label: a.name }))}
          value={v.association}
          error={errors.association}
        />
        <Select
          name="skill"
          label="experts.skill"
          options={[{ value: "", label: t("experts.skill.choose") }, ...SKILLS.map((s) => ({ value: s, label: t(skillLabels[s]) }))]}
          value={v.skill}
          error={errors.skill}
        />
        <Field
          name="description"
          label="experts.description"
          hint="experts.description.hint"
          multiline
          rows={5}
          required
          value={v.description}
          error={errors.description}
        />
        <Field name="neededBy" label="experts.neededBy" type="date" value={v.neededBy} error={errors.neededBy} />
        <div class="actions">
          <Button variant="primary">{t("experts.ask.submit")}</Button>
        </div>
      </Form>
    </div>
  );
}

function RequestTable(props: { items: RequestItem[]; caption: string }) {
  const { t, fmt } = usePage();
  const columns: Column<RequestItem>[] = [
    { key: "association", label: "experts.association", cell: (r) => <Link href={`/experts/requests/${r.request.id}`}>{r.association}</Link> },
    { key: "skill", label: "experts.skill", cell: (r) => t(skillLabels[r.request.skill]) },
    { key: "asked", label: "experts.asked", cell: (r) => fmt.date(r.request.createdAt.slice(0, 10)) },
    { key: "neededBy", label: "experts.neededBy", cell: (r) => (r.request.neededBy ? fmt.date(r.request.neededBy) : "–") },
    { key: "status", label: "experts.status", cell: (r) => <StatusTag status={r.request.status} /> },
    {
      key: "expert",
      label: "experts.expert",
      cell: (r) => (r.expert ? <Link href={`/experts/matches/${r.expert.matchId}`}>{r.expert.name}</Link> : "–"),
    },
  ];
  return <DataTable caption={props.caption} columns={columns} rows={props.items} />;
}

export function MyRequestsPage(props: { items: RequestItem[] }) {
  const { t } = usePage();
  return (
    <div class="stack experts">
      <Heading>{t("experts.mine.title")}</Heading>
      <P>{t("experts.mine.intro")}</P>
      <div class="actions">
        <ButtonLink href="/experts/ask" variant="primary">
          {t("experts.ask.title")}
        </ButtonLink>
      </div>
      {props.items.length === 0 ? (
        <EmptyState title="experts.mine.none" text="experts.mine.noneText" />
      ) : (
        <RequestTable items={props.items} caption={t("experts.mine.title")} />
      )}
    </div>
  );
}

// ——— Staff

export function RequestsPage(props: { items: RequestItem[] }) {
  const { t } = usePage();
  return (
    <div class="stack experts">
      <Heading>{t("experts.requests.title")}</Heading>
      <P>{t("experts.requests.intro")}</P>
      <P>
        <Link href="/experts/hours">{t("experts.figures.title")}</Link>
      </P>
      {props.items.length === 0 ? (
        <EmptyState title="experts.requests.none" text="experts.requests.noneText" />
      ) : (
        <RequestTable items={props.items} caption={t("experts.requests.title")} />
      )}
    </div>
  );
}

function useReason() {
  const { t } = usePage();
  return (r: ExpertReason): string => {
    switch (r.code) {
      case "skill":
        return t(canSkillLabels[r.skill ?? "finance"]);
      case "hours":
        return t("experts.reason.hours", { count: r.count ?? 0 });
      case "free":
        return t("experts.reason.free");
      case "busy":
        return t("experts.reason.busy", { count: r.count ?? 0 });
    }
  };
}

function Suggestion(props: { requestId: string; s: ExpertSuggestion }) {
  const { t } = usePage();
  const reason = useReason();
  const s = props.s;
  return (
    <li class="ds-card stack">
      <Heading level={3} size="sm">
        {s.expert.name}
      </Heading>
      <ul class="ds-list fits">
        {s.fits.map((r) => (
          <li>{reason(r)}</li>
        ))}
        {s.misfits.map((r) => (
          <li>{reason(r)}</li>
        ))}
      </ul>
      {s.expert.experience && <P>{s.expert.experience}</P>}
      <Form action={`/experts/requests/${props.requestId}/propose`}>
        <input type="hidden" name="expert" value={s.expert.id} />
        <Button variant="secondary">{t("experts.propose", { name: s.expert.name })}</Button>
      </Form>
    </li>
  );
}

export function RequestPageView(props: { page: RequestPage; staff: boolean; error?: FormState }) {
  const { t, fmt } = usePage();
  const p = props.page;
  const back = props.staff ? { href: "/experts/requests", label: t("experts.requests.title") } : { href: "/experts/mine", label: t("experts.mine.title") };
  return (
    <div class="stack experts">
      <Breadcrumbs trail={[back]} current={p.association} />
      <Heading>{t("experts.request.title", { association: p.association, skill: t(skillLabels[p.request.skill]) })}</Heading>
      <StatusTag status={p.request.status} />
      <ErrorSummary errors={props.error?.errors ?? {}} />
      <FactBox
        facts={[
          ["experts.association", p.association],
          ["experts.skill", t(skillLabels[p.request.skill])],
          ["experts.asked", fmt.date(p.request.createdAt.slice(0, 10))],
          ["experts.neededBy", p.request.neededBy ? fmt.date(p.request.neededBy) : null],
        ]}
      />
      <Paragraphs text={p.request.description} />
      {p.matches.length > 0 && (
        <section class="stack" aria-labelledby="asked">
          <Heading level={2} size="md">
            <span id="asked">{t("experts.request.asked")}</span>
          </Heading>
          <ul class="experts-list">
            {p.matches.map((m) => (
              <li class="ds-card">
                <Link href={`/experts/matches/${m.match.id}`}>{m.expert.name}</Link>
                <span>
                  {" · "}
                  {t(matchStatusLabels[m.match.status])}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {p.mayPropose && (
        <section class="stack" aria-labelledby="suggested">
          <Heading level={2} size="md">
            <span id="suggested">{t("experts.request.suggested")}</span>
          </Heading>
          {p.suggestions.length === 0 ? (
            <P>{t("experts.request.noSuggestions")}</P>
          ) : (
            <ol class="experts-list">
              {p.suggestions.map((s) => (
                <Suggestion requestId={p.request.id} s={s} />
              ))}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}

export function FiguresPage(props: { figures: HoursFigures }) {
  const { t } = usePage();
  const hours = useHours();
  const f = props.figures;
  return (
    <div class="stack experts">
      <Breadcrumbs trail={[{ href: "/experts/requests", label: t("experts.requests.title") }]} current={t("experts.figures.title")} />
      <Heading>{t("experts.figures.title")}</Heading>
      <P>{t("experts.figures.total", { hours: hours(f.totalMinutes) })}</P>
      <P>
        <Link href="/experts/hours.csv" download>
          {t("experts.figures.csv")}
        </Link>
      </P>
      {f.byExpert.length === 0 ? (
        <EmptyState title="experts.figures.none" text="experts.figures.noneText" />
      ) : (
        <>
          <Heading level={2} size="md">
            {t("experts.figures.bySkill")}
          </Heading>
          <DataTable
            caption={t("experts.figures.bySkill")}
            columns={[
              { key: "skill", label: "experts.skill", cell: (r) => t(skillLabels[r.skill]) },
              { key: "hours", label: "experts.hours", cell: (r) => hours(r.minutes) },
            ]}
            rows={f.bySkill}
          />
          <Heading level={2} size="md">
            {t("experts.figures.byExpert")}
          </Heading>
          <DataTable
            caption={t("experts.figures.byExpert")}
            columns={[
              { key: "expert", label: "experts.expert", cell: (r) => r.expert.name },
              { key: "hours", label: "experts.hours", cell: (r) => hours(r.minutes) },
            ]}
            rows={f.byExpert}
          />
        </>
      )}
    </div>
  );
}

// ——— A match

export function MatchPageView(props: { page: MatchPage; hoursForm?: FormState; rateForm?: FormState; today: string }) {
  const { t, fmt } = usePage();
  const hours = useHours();
  const p = props.page;
  const hv = props.hoursForm?.values ?? { onDate: props.today };
  const he = props.hoursForm?.errors ?? {};
  const rv = props.rateForm?.values ?? {};
  const re = props.rateForm?.errors ?? {};
  const back =
    p.side === "expert" ? { href: "/experts/me", label: t("experts.me.title") } : { href: `/experts/requests/${p.request.id}`, label: p.association };
  return (
    <div class="stack experts">
      <Breadcrumbs trail={[back]} current={p.expert.name} />
      <Heading>{t("experts.match.title", { name: p.expert.name, association: p.association })}</Heading>
      <span class="ds-tag" data-color="info">
        {t(matchStatusLabels[p.match.status])}
      </span>
      <FactBox
        facts={[
          ["experts.association", p.association],
          ["experts.skill", t(skillLabels[p.request.skill])],
          ["experts.expert", p.expert.name],
          ["experts.email", p.showContact ? <a href={`mailto:${p.expert.email}`}>{p.expert.email}</a> : null],
          ["experts.phone", p.showContact && p.expert.phone ? <a href={`tel:${p.expert.phone.replace(/\s/g, "")}`}>{p.expert.phone}</a> : null],
          ["experts.hoursTotal", hours(p.totalMinutes)],
        ]}
      />
      <Paragraphs text={p.request.description} />
      {p.mayAnswer && (
        <Form action={`/experts/matches/${p.match.id}/answer`}>
          <div class="actions">
            <Button variant="primary" name="answer" value="accept">
              {t("experts.answer.accept")}
            </Button>
            <Button variant="secondary" name="answer" value="decline">
              {t("experts.answer.decline")}
            </Button>
          </div>
        </Form>
      )}
      <section class="stack" aria-labelledby="hours">
        <Heading level={2} size="md">
          <span id="hours">{t("experts.hours.title")}</span>
        </Heading>
        {p.hours.length === 0 ? (
          <P>{t("experts.hours.none")}</P>
        ) : (
          <DataTable
            caption={t("experts.hours.title")}
            columns={[
              { key: "date", label: "experts.hours.date", cell: (h) => fmt.date(h.onDate) },
              { key: "hours", label: "experts.hours", cell: (h) => hours(h.minutes) },
              { key: "what", label: "experts.hours.what", cell: (h) => h.what },
            ]}
            rows={p.hours}
          />
        )}
        {p.mayLogHours && (
          <>
            <ErrorSummary errors={he} />
            <Form action={`/experts/matches/${p.match.id}/hours`}>
              <Field name="onDate" label="experts.hours.date" type="date" required value={hv.onDate} error={he.onDate} />
              <Field name="hours" label="experts.hours" hint="experts.hours.hint" required value={hv.hours} error={he.hours} />
              <Field name="what" label="experts.hours.what" required value={hv.what} error={he.what} />
              <div class="actions">
                <Button variant="secondary">{t("experts.hours.log")}</Button>
              </div>
            </Form>
          </>
        )}
      </section>
      {(p.match.expertRating !== null || p.match.boardRating !== null) && (
        <section class="stack" aria-labelledby="ratings">
          <Heading level={2} size="md">
            <span id="ratings">{t("experts.ratings")}</span>
          </Heading>
          <ul class="ds-list">
            {p.match.expertRating !== null && <li>{t("experts.rating.fromExpert", { rating: p.match.expertRating, comment: p.match.expertComment ?? "" })}</li>}
            {p.match.boardRating !== null && <li>{t("experts.rating.fromBoard", { rating: p.match.boardRating, comment: p.match.boardComment ?? "" })}</li>}
          </ul>
        </section>
      )}
      {p.mayRate && (
        <section class="stack" aria-labelledby="rate">
          <Heading level={2} size="md">
            <span id="rate">{t(p.match.status === "accepted" ? "experts.rate.closeTitle" : "experts.rate.title")}</span>
          </Heading>
          <P>{t(p.match.status === "accepted" ? "experts.rate.closeText" : "experts.rate.text")}</P>
          <ErrorSummary errors={re} />
          <Form action={`/experts/matches/${p.match.id}/rate`}>
            <Select
              name="rating"
              label="experts.rating"
              options={[
                { value: "", label: t("experts.rating.choose") },
                ...[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t("experts.rating.stars", { count: n }) })),
              ]}
              value={rv.rating}
              error={re.rating}
            />
            <Field name="comment" label="experts.comment" required value={rv.comment} error={re.comment} />
            <div class="actions">
              <Button variant="primary">{t(p.match.status === "accepted" ? "experts.rate.close" : "experts.rate.submit")}</Button>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
