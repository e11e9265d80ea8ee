import { Hono } from "hono";
import { deleteCookie } from "hono/cookie";
import { SESSION_COOKIE } from "../../platform/auth/sessions.js";
import type { AppEnv } from "../../platform/http/env.js";
import { parseForm } from "../../platform/http/forms.js";
import { noStore, render } from "../../platform/http/render.js";
import { serviceContext } from "../../platform/service-context.js";
import { eraseMe, exportMyData } from "../privacy/index.js";
import { profileInput } from "./account.schema.js";
import * as account from "./account.service.js";
import { AccountPage, DeleteAccountPage, MyDataPage } from "./views/account-views.js";
import { MyDataView } from "./views/my-data-view.js";

export const accountRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const mine = await account.myAccount(serviceContext(c));
    return render(c, c.get("t")("account.title"), <AccountPage values={{ name: mine.name, language: mine.language ?? c.get("lang") }} email={mine.email} />);
  })
  .post("/", async (c) => {
    const ctx = serviceContext(c);
    const person = account.owner(ctx);
    const form = await parseForm(c, profileInput);
    if (!form.ok) return render(c, c.get("t")("account.title"), <AccountPage values={form.values} errors={form.errors} email={person.email} />, 422);
    await account.updateMyProfile(ctx, form.data);
    return c.redirect("/account?notice=accountSaved", 303);
  })
  .post("/sign-out-everywhere", async (c) => {
    await account.signOutEverywhere(serviceContext(c));
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.redirect("/sign-in?notice=signedOutEverywhere", 303);
  })
  .get("/data", (c) => {
    account.owner(serviceContext(c));
    return render(c, c.get("t")("mydata.title"), <MyDataPage />);
  })
  .get("/data/view", async (c) => {
    const data = await exportMyData(serviceContext(c));
    noStore(c);
    return render(c, c.get("t")("mydata.view.title"), <MyDataView data={data} />);
  })
  .get("/data.json", async (c) => {
    const data = await exportMyData(serviceContext(c));
    c.header("Content-Disposition", 'attachment; filename="sammen-my-data.json"');
    noStore(c);
    return c.json(data);
  })
  .get("/delete", (c) => {
    account.owner(serviceContext(c));
    return render(c, c.get("t")("delete.title"), <DeleteAccountPage />);
  })
  .post("/delete", async (c) => {
    await eraseMe(serviceContext(c));
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.redirect("/?notice=accountDeleted", 303);
  });
