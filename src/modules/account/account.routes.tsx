import type { Context } from "hono";
import { Hono } from "hono";
import { deleteCookie } from "hono/cookie";
import { isPerson, type Person } from "../../platform/auth/policy.js";
import { endAllSessions, SESSION_COOKIE } from "../../platform/auth/sessions.js";
import type { AppEnv } from "../../platform/http/env.js";
import { unauthenticated } from "../../platform/http/errors.js";
import { parseForm } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { serviceContext } from "../../platform/service-context.js";
import { erasePerson, exportPersonalData, subjectOfAccount } from "../privacy/index.js";
import { profileInput } from "./account.schema.js";
import * as account from "./account.service.js";
import { AccountPage, DeleteAccountPage, MyDataPage } from "./views/account-views.js";

function me(c: Context<AppEnv>): Person {
  const actor = c.get("actor");
  if (!isPerson(actor)) throw unauthenticated();
  return actor;
}

export const accountRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const person = me(c);
    const user = await account.profile(c.get("deps").db, person.tenantId, person.userId);
    return render(c, c.get("t")("account.title"), <AccountPage values={{ name: user.name, language: user.language ?? c.get("lang") }} email={user.email} />);
  })
  .post("/", async (c) => {
    const person = me(c);
    const form = await parseForm(c, profileInput);
    if (!form.ok) return render(c, c.get("t")("account.title"), <AccountPage values={form.values} errors={form.errors} email={person.email} />, 422);
    await account.updateProfile(serviceContext(c), person.userId, form.data);
    return c.redirect("/account?notice=saved", 303);
  })
  .post("/sign-out-everywhere", async (c) => {
    const person = me(c);
    await endAllSessions(c.get("deps").db, person.tenantId, person.userId);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.redirect("/sign-in?notice=signedOutEverywhere", 303);
  })
  .get("/data", (c) => {
    me(c);
    return render(c, c.get("t")("mydata.title"), <MyDataPage />);
  })
  .get("/data.json", async (c) => {
    const person = me(c);
    const ctx = serviceContext(c);
    const data = await exportPersonalData(ctx, await subjectOfAccount(ctx, person.userId));
    c.header("Content-Disposition", 'attachment; filename="sammen-my-data.json"');
    c.header("Cache-Control", "no-store");
    return c.json(data);
  })
  .get("/delete", (c) => {
    me(c);
    return render(c, c.get("t")("delete.title"), <DeleteAccountPage />);
  })
  .post("/delete", async (c) => {
    const person = me(c);
    const ctx = serviceContext(c);
    await erasePerson(ctx, await subjectOfAccount(ctx, person.userId));
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.redirect("/?notice=accountDeleted", 303);
  });
