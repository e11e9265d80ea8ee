import { type Context, Hono } from "hono";
import { can, isPerson } from "../../platform/auth/policy.js";
import { csvResponse } from "../../platform/http/csv.js";
import type { AppEnv } from "../../platform/http/env.js";
import { formFailure, notFound, unauthenticated } from "../../platform/http/errors.js";
import { parseForm } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { formats } from "../../platform/i18n/format.js";
import { serviceContext, tenantToday } from "../../platform/service-context.js";
import { skillLabels } from "./experts.labels.js";
import { SKILLS } from "./experts.model.js";
import { canMatchExperts } from "./experts.policy.js";
import { answerInput, EXPERT_LISTS, expertInput, hoursInput, proposeInput, rateInput, requestInput, statusInput } from "./experts.schema.js";
import {
  allRequests,
  answer,
  askForHelp,
  boardAssociations,
  expertHome,
  hoursFigures,
  logHours,
  matchPage,
  myProfile,
  myRequests,
  propose,
  rate,
  requestPage,
  saveProfile,
  setMyStatus,
} from "./experts.service.js";
import {
  AskPage,
  ExpertHomePage,
  FiguresPage,
  type FormState,
  JoinPage,
  MatchPageView,
  MyRequestsPage,
  RequestPageView,
  RequestsPage,
} from "./views/experts-views.js";

type Status = 200 | 409 | 413 | 415 | 422 | 429;

const signedIn = (c: Context<AppEnv>) => {
  const actor = c.get("actor");
  if (!isPerson(actor)) throw unauthenticated();
  return actor;
};

async function showJoin(c: Context<AppEnv>, form?: FormState, status: Status = 200) {
  const me = signedIn(c);
  const profile = await myProfile(serviceContext(c));
  const chosen = form ? SKILLS.filter((s) => (form.values.skills ?? "").includes(s)) : (profile?.skills ?? []);
  return render(c, c.get("t")("experts.join.title"), <JoinPage profile={profile} email={me.email} chosen={chosen} form={form} />, status);
}

async function showAsk(c: Context<AppEnv>, form?: FormState, status: Status = 200) {
  const associations = await boardAssociations(serviceContext(c));
  return render(c, c.get("t")("experts.ask.title"), <AskPage associations={associations} form={form} />, status);
}

async function showRequest(c: Context<AppEnv>, error?: FormState, status: Status = 200) {
  const ctx = serviceContext(c);
  const page = await requestPage(ctx, c.req.param("id") as string);
  const staff = can(ctx.actor, canMatchExperts, { tenantId: ctx.tenant.id });
  return render(c, page.association, <RequestPageView page={page} staff={staff} error={error} />, status);
}

async function showMatch(c: Context<AppEnv>, forms: { hours?: FormState; rate?: FormState } = {}, status: Status = 200) {
  const ctx = serviceContext(c);
  const page = await matchPage(ctx, c.req.param("id") as string);
  const today = tenantToday(ctx);
  return render(c, page.expert.name, <MatchPageView page={page} hoursForm={forms.hours} rateForm={forms.rate} today={today} />, status);
}

const matchPath = (c: Context<AppEnv>) => `/experts/matches/${c.req.param("id")}`;

/** The expert pool: experts sign up, boards ask, staff match, both sides log hours and rate the help. */
export const expertsRoutes = new Hono<AppEnv>()
  .get("/", (c) => c.redirect("/experts/me", 303))
  .get("/join", (c) => showJoin(c))
  .post("/join", async (c) => {
    signedIn(c);
    const form = await parseForm(c, expertInput, EXPERT_LISTS);
    if (!form.ok) return showJoin(c, form, 422);
    try {
      await saveProfile(serviceContext(c), form.data);
      return c.redirect("/experts/me?notice=expertSaved", 303);
    } catch (error) {
      const f = formFailure(error);
      return showJoin(c, { values: form.values, errors: f.fields }, f.status);
    }
  })
  .post("/status", async (c) => {
    signedIn(c);
    const form = await parseForm(c, statusInput);
    if (!form.ok) throw notFound();
    await setMyStatus(serviceContext(c), form.data.status);
    return c.redirect(`/experts/me?notice=${form.data.status === "paused" ? "expertPaused" : "expertResumed"}`, 303);
  })
  .post("/leave", async (c) => {
    signedIn(c);
    await setMyStatus(serviceContext(c), "left");
    return c.redirect("/experts/me?notice=expertLeft", 303);
  })
  .get("/me", async (c) => {
    signedIn(c);
    const home = await expertHome(serviceContext(c));
    return render(c, c.get("t")("experts.me.title"), <ExpertHomePage profile={home.profile} matches={home.matches} />);
  })
  .get("/ask", (c) => showAsk(c))
  .post("/ask", async (c) => {
    signedIn(c);
    const form = await parseForm(c, requestInput);
    if (!form.ok) return showAsk(c, form, 422);
    try {
      const request = await askForHelp(serviceContext(c), form.data);
      return c.redirect(`/experts/requests/${request.id}?notice=expertAsked`, 303);
    } catch (error) {
      const f = formFailure(error);
      return showAsk(c, { values: form.values, errors: f.fields }, f.status);
    }
  })
  .get("/mine", async (c) => {
    signedIn(c);
    const items = await myRequests(serviceContext(c));
    return render(c, c.get("t")("experts.mine.title"), <MyRequestsPage items={items} />);
  })
  .get("/requests", async (c) => {
    signedIn(c);
    const items = await allRequests(serviceContext(c));
    return render(c, c.get("t")("experts.requests.title"), <RequestsPage items={items} />);
  })
  .get("/requests/:id", (c) => showRequest(c))
  .post("/requests/:id/propose", async (c) => {
    signedIn(c);
    const form = await parseForm(c, proposeInput);
    if (!form.ok) return showRequest(c, form, 422);
    try {
      await propose(serviceContext(c), c.req.param("id"), form.data.expert);
      return c.redirect(`/experts/requests/${c.req.param("id")}?notice=expertProposed`, 303);
    } catch (error) {
      const f = formFailure(error);
      return showRequest(c, { values: form.values, errors: f.fields }, f.status);
    }
  })
  .get("/hours", async (c) => {
    signedIn(c);
    const figures = await hoursFigures(serviceContext(c));
    return render(c, c.get("t")("experts.figures.title"), <FiguresPage figures={figures} />);
  })
  .get("/hours.csv", async (c) => {
    signedIn(c);
    const figures = await hoursFigures(serviceContext(c));
    const t = c.get("t");
    const fmt = formats(c.get("lang"), c.get("tenant").timeZone);
    const hours = (minutes: number) => fmt.number(minutes / 60, 2);
    return csvResponse(
      c,
      "expert-hours.csv",
      [t("experts.expert"), ...SKILLS.map((s) => t(skillLabels[s])), t("experts.hoursTotal")],
      figures.byExpert.map((r) => [r.expert.name, ...SKILLS.map((s) => hours(r.bySkill[s] ?? 0)), hours(r.minutes)]),
    );
  })
  .get("/matches/:id", (c) => showMatch(c))
  .post("/matches/:id/answer", async (c) => {
    signedIn(c);
    const form = await parseForm(c, answerInput);
    if (!form.ok) throw notFound();
    await answer(serviceContext(c), c.req.param("id"), form.data.answer);
    if (form.data.answer === "accept") return c.redirect(`${matchPath(c)}?notice=expertAccepted`, 303);
    return c.redirect("/experts/me?notice=expertDeclined", 303);
  })
  .post("/matches/:id/hours", async (c) => {
    signedIn(c);
    const form = await parseForm(c, hoursInput);
    if (!form.ok) return showMatch(c, { hours: form }, 422);
    try {
      await logHours(serviceContext(c), c.req.param("id"), form.data);
      return c.redirect(`${matchPath(c)}?notice=expertHoursLogged#hours`, 303);
    } catch (error) {
      const f = formFailure(error);
      return showMatch(c, { hours: { values: form.values, errors: f.fields } }, f.status);
    }
  })
  .post("/matches/:id/rate", async (c) => {
    signedIn(c);
    const form = await parseForm(c, rateInput);
    if (!form.ok) return showMatch(c, { rate: form }, 422);
    try {
      await rate(serviceContext(c), c.req.param("id"), form.data);
      return c.redirect(`${matchPath(c)}?notice=expertRated`, 303);
    } catch (error) {
      const f = formFailure(error);
      return showMatch(c, { rate: { values: form.values, errors: f.fields } }, f.status);
    }
  });
