import type { Context } from "hono";
import { Hono } from "hono";
import { listOf } from "../../../db/lists.js";
import { csvResponse } from "../../../platform/http/csv.js";
import type { AppEnv } from "../../../platform/http/env.js";
import { formFailure, invalid } from "../../../platform/http/errors.js";
import { parseForm } from "../../../platform/http/forms.js";
import { render } from "../../../platform/http/render.js";
import { formats } from "../../../platform/i18n/format.js";
import { serviceContext } from "../../../platform/service-context.js";
import { summarise } from "../answers-summary.js";
import { askApplicant } from "../ask.js";
import { addNote, assessment, declare, judgeEligibility, openForAssessment, recommend, score } from "../assess.js";
import { declarationInput, eligibilityInput, noteInput, QUESTION_LISTS, questionInput, recommendInput, scoresInput } from "../assess.schema.js";
import { caseList, roundsToWork } from "../case-list.js";
import { type AssessFailure, type AssessForm, AssessPage, STATUS_LABELS } from "../views/assess-views.js";
import { CaseListPage, RoundsPage } from "../views/rounds-views.js";

/** The caseworker's page, drawn again with a form's errors when one failed. */
async function showAssessment(c: Context<AppEnv>, id: string, failed?: AssessFailure, status: 200 | 409 | 413 | 415 | 422 | 429 = 200) {
  const ctx = serviceContext(c);
  const a = await assessment(ctx, id);
  const summary = summarise(a.form, a.application.answers, a.files, {
    t: c.get("t"),
    lang: ctx.lang,
    fmt: formats(ctx.lang, ctx.tenant.timeZone),
    currency: a.currency,
  });
  return render(c, `${a.application.reference} ${a.application.title}`, <AssessPage a={a} summary={summary} failed={failed} />, status);
}

/** One of the page's forms: parse, do, and go back to the page with a confirmation, or show it again with what went wrong. */
function assessPost<S extends Parameters<typeof parseForm>[1]>(
  form: AssessForm,
  schema: (c: Context<AppEnv>, id: string) => Promise<S> | S,
  work: (c: Context<AppEnv>, id: string, data: Awaited<ReturnType<typeof parseForm<S>>> & { ok: true }) => Promise<void>,
  notice: string,
  lists: string[] = [],
) {
  return async (c: Context<AppEnv>) => {
    const id = c.req.param("id") ?? "";
    const parsed = await parseForm(c, await schema(c, id), lists);
    try {
      if (!parsed.ok) throw invalid(parsed.errors);
      await work(c, id, parsed);
      return c.redirect(`/grants/applications/${id}/assess?notice=${notice}#${form === "declare" ? "conflicts" : form}`, 303);
    } catch (error) {
      const f = formFailure(error);
      const chosen = lists.length ? listOf(parsed.values.fields) : undefined;
      return showAssessment(c, id, { form, errors: f.fields, values: parsed.values, chosen }, f.status);
    }
  };
}

export const assessRoutes = new Hono<AppEnv>()
  .get("/rounds", async (c) => {
    const data = await roundsToWork(serviceContext(c));
    return render(c, c.get("t")("grants.rounds.title"), <RoundsPage data={data} />);
  })
  .get("/rounds/:id/applications", async (c) => {
    const data = await caseList(serviceContext(c), c.req.param("id"));
    if (c.req.query("format") === "csv") return caseCsv(c, data);
    return render(c, data.round.title, <CaseListPage data={data} />);
  })
  .get("/rounds/:id/applications.csv", async (c) => caseCsv(c, await caseList(serviceContext(c), c.req.param("id"))))
  .get("/applications/:id/assess", (c) => showAssessment(c, c.req.param("id")))
  .post(
    "/applications/:id/assess/declaration",
    assessPost(
      "declare",
      () => declarationInput,
      (c, id, f) => declare(serviceContext(c), id, f.data),
      "assessDeclared",
    ),
  )
  .post(
    "/applications/:id/assess/eligibility",
    assessPost(
      "eligibility",
      () => eligibilityInput,
      (c, id, f) => judgeEligibility(serviceContext(c), id, f.data),
      "assessJudged",
    ),
  )
  .post(
    "/applications/:id/assess/scores",
    assessPost(
      "scores",
      async (c, id) => scoresInput((await openForAssessment(serviceContext(c), id, { free: false })).scheme.criteria),
      async (c, id, f) => {
        const values = Object.fromEntries(Object.entries(f.data as Record<string, number>).map(([k, v]) => [k.replace(/^score_/, ""), v]));
        await score(serviceContext(c), id, values);
      },
      "assessScored",
    ),
  )
  .post(
    "/applications/:id/assess/recommendation",
    assessPost(
      "recommend",
      () => recommendInput,
      (c, id, f) => recommend(serviceContext(c), id, f.data),
      "assessRecommended",
    ),
  )
  .post(
    "/applications/:id/assess/notes",
    assessPost(
      "note",
      () => noteInput,
      (c, id, f) => addNote(serviceContext(c), id, f.data.body),
      "assessNoted",
    ),
  )
  .post(
    "/applications/:id/assess/questions",
    assessPost(
      "question",
      () => questionInput,
      (c, id, f) => askApplicant(serviceContext(c), id, f.data),
      "assessAsked",
      QUESTION_LISTS,
    ),
  );

/** The round's list as a spreadsheet: sums as numbers in whole currency units, in the reader's decimal mark. */
function caseCsv(c: Context<AppEnv>, data: Awaited<ReturnType<typeof caseList>>) {
  const t = c.get("t");
  const sum = (minor: number | null) => (minor === null ? null : minor / 100);
  return csvResponse(
    c,
    `applications-${data.round.id}.csv`,
    [
      t("grants.cases.reference"),
      t("grants.cases.association"),
      t("grants.cases.title"),
      t("grants.cases.requested"),
      t("grants.cases.status"),
      t("grants.cases.eligibility"),
      t("grants.cases.score"),
      t("grants.cases.reviewers"),
      t("grants.cases.recommended"),
    ],
    data.rows.map((r) => [
      r.application.reference,
      r.associationName,
      r.application.title,
      sum(r.application.amountRequested),
      t(STATUS_LABELS[r.application.status]),
      r.application.eligibility?.verdict
        ? t(r.application.eligibility.verdict === "eligible" ? "grants.assess.verdict.eligible" : "grants.assess.verdict.notEligible")
        : "",
      r.weighted,
      r.reviewers,
      sum(r.application.recommendedAmount),
    ]),
  );
}
