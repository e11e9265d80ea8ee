import { type Context, Hono } from "hono";
import { csvResponse } from "../../platform/http/csv.js";
import type { AppEnv } from "../../platform/http/env.js";
import { type FieldErrors, formFailure } from "../../platform/http/errors.js";
import { parseForm } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { formats } from "../../platform/i18n/format.js";
import { serviceContext } from "../../platform/service-context.js";
import { type CaseStatus, isTopic } from "./counselling.model.js";
import { entryInput, newCaseInput, startInput } from "./counselling.schema.js";
import { addEntry, boardCases, caseList, casePage, newCaseChoices, openCase, setCaseStatus } from "./counselling.service.js";
import { figures, type Period } from "./figures.js";
import { bookConversation, registerName } from "./start-help.js";
import { BoardPage, CaseListPage, CasePageView, FiguresPage, NewCasePage, StartPage, TOPIC_LABELS } from "./views/counselling-views.js";

type FormState = { values: Record<string, string>; errors: FieldErrors };
type Status = 200 | 409 | 413 | 415 | 422 | 429;

const statusOf = (v: string | undefined): CaseStatus | null => (v === "open" || v === "closed" ? v : null);
const periodOf = (v: string | undefined): Period => (v === "quarter" ? "quarter" : "month");
const yearOf = (v: string | undefined) => (v && /^\d{4}$/.test(v) && Number(v) >= 2000 && Number(v) <= 2100 ? Number(v) : null);

async function showNew(c: Context<AppEnv>, form?: FormState, status: Status = 200) {
  const choices = await newCaseChoices(serviceContext(c));
  return render(c, c.get("t")("counselling.new.title"), <NewCasePage {...choices} form={form} />, status);
}

async function showCase(c: Context<AppEnv>, form?: FormState, status: Status = 200) {
  const page = await casePage(serviceContext(c), c.req.param("id") as string);
  return render(c, page.name, <CasePageView page={page} form={form} />, status);
}

async function showStart(c: Context<AppEnv>, form?: FormState, status: Status = 200) {
  return render(c, c.get("t")("counselling.start.title"), <StartPage register={registerName(serviceContext(c))} form={form} />, status);
}

/** The counselling log (staff), the board's view of what was agreed, the figures, and the public start-up help. */
// Order matters: the fixed paths come before a case's own "/:id" pages.
export const counsellingRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const topic = c.req.query("topic") ?? "";
    const staff = (c.req.query("staff") ?? "").slice(0, 100);
    const status = c.req.query("status") ?? "";
    const list = await caseList(serviceContext(c), { topic: isTopic(topic) ? topic : null, staffId: staff || null, status: statusOf(status) });
    const filter = { topic: isTopic(topic) ? topic : "", staff, status: statusOf(status) ?? "" };
    return render(c, c.get("t")("counselling.title"), <CaseListPage list={list} filter={filter} />);
  })
  .get("/new", (c) => showNew(c))
  .post("/new", async (c) => {
    const form = await parseForm(c, newCaseInput);
    if (!form.ok) return showNew(c, form, 422);
    try {
      const created = await openCase(serviceContext(c), form.data);
      return c.redirect(`/counselling/${created.id}?notice=counsellingOpened`, 303);
    } catch (error) {
      const f = formFailure(error);
      return showNew(c, { values: form.values, errors: f.fields }, f.status);
    }
  })
  .get("/mine", async (c) => {
    const cases = await boardCases(serviceContext(c));
    return render(c, c.get("t")("counselling.mine.title"), <BoardPage cases={cases} />);
  })
  .get("/figures", async (c) => {
    const data = await figures(serviceContext(c), yearOf(c.req.query("year")), periodOf(c.req.query("by")));
    return render(c, c.get("t")("counselling.figures.title"), <FiguresPage figures={data} />);
  })
  .get("/figures.csv", async (c) => {
    const ctx = serviceContext(c);
    const data = await figures(ctx, yearOf(c.req.query("year")), periodOf(c.req.query("by")));
    const t = c.get("t");
    const fmt = formats(ctx.lang, ctx.tenant.timeZone);
    const hours = (m: number) => Math.round((m / 60) * 10) / 10;
    const period = (key: string) => (data.by === "month" ? fmt.month(key) : t("counselling.figures.quarter", { q: Number(key.slice(-1)), year: data.year }));
    return csvResponse(
      c,
      `counselling-${data.year}.csv`,
      [t("counselling.figures.group"), t("counselling.figures.cases"), t("counselling.hours")],
      [
        ...data.byTopic.map((r) => [t(TOPIC_LABELS[r.topic]), r.cases, hours(r.minutes)]),
        [t("counselling.figures.total"), data.total.cases, hours(data.total.minutes)],
        ...data.byPeriod.map((r) => [period(r.key), r.cases, hours(r.minutes)]),
      ],
    );
  })
  .get("/start", (c) => showStart(c))
  .post("/start", async (c) => {
    const form = await parseForm(c, startInput);
    if (!form.ok) return showStart(c, form, 422);
    try {
      await bookConversation(serviceContext(c), form.data);
      return c.redirect("/counselling/start?notice=counsellingBooked", 303);
    } catch (error) {
      const f = formFailure(error);
      return showStart(c, { values: form.values, errors: f.fields }, f.status);
    }
  })
  .get("/:id", (c) => showCase(c))
  .post("/:id/entries", async (c) => {
    const form = await parseForm(c, entryInput);
    if (!form.ok) {
      await casePage(serviceContext(c), c.req.param("id")); // a case that is not hers stays a 404, whatever the form
      return showCase(c, form, 422);
    }
    try {
      await addEntry(serviceContext(c), c.req.param("id"), form.data);
      return c.redirect(`/counselling/${c.req.param("id")}?notice=counsellingLogged`, 303);
    } catch (error) {
      const f = formFailure(error);
      return showCase(c, { values: form.values, errors: f.fields }, f.status);
    }
  })
  .post("/:id/close", async (c) => {
    await setCaseStatus(serviceContext(c), c.req.param("id"), "closed");
    return c.redirect(`/counselling/${c.req.param("id")}?notice=counsellingClosed`, 303);
  })
  .post("/:id/reopen", async (c) => {
    await setCaseStatus(serviceContext(c), c.req.param("id"), "open");
    return c.redirect(`/counselling/${c.req.param("id")}?notice=counsellingReopened`, 303);
  });
