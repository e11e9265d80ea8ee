import { Hono } from "hono";
import { setCookie } from "hono/cookie";
import { isPerson } from "../../platform/auth/policy.js";
import type { AppEnv } from "../../platform/http/env.js";
import { unauthenticated } from "../../platform/http/errors.js";
import { readForm, safeBack } from "../../platform/http/forms.js";
import { cookieOptions, LANG_COOKIE } from "../../platform/http/middleware.js";
import { keptPages } from "../../platform/http/page-cache.js";
import { render } from "../../platform/http/render.js";
import { isLang } from "../../platform/i18n/i18n.js";
import { serviceContext } from "../../platform/service-context.js";
import { rememberLanguage } from "../account/index.js";
import { namesForMember } from "../associations/index.js";
import { frontPage, searchesVersion } from "../search/index.js";
import { startSections } from "./start.js";
import { AccessibilityPage, HomePage, PrivacyPage } from "./views/home-views.js";
import { StartPage } from "./views/start-views.js";

export const homeRoutes = new Hono<AppEnv>()
  .get(
    "/",
    keptPages((c) => searchesVersion(serviceContext(c))),
    async (c) => render(c, c.get("t")("home.title"), <HomePage front={await frontPage(serviceContext(c))} />),
  )
  .get("/start", async (c) => {
    const ctx = serviceContext(c);
    const actor = ctx.actor;
    if (!isPerson(actor)) throw unauthenticated();
    const t = c.get("t");
    const [items, shell] = await Promise.all([c.get("waiting")(ctx), c.get("shell")(c)]);
    const admin = new Set([...actor.memberships].filter(([, role]) => role === "admin").map(([id]) => id));
    const postFor = admin.size > 0 ? (await namesForMember(ctx.db, ctx.tenant.id, actor.userId)).filter((a) => admin.has(a.id)) : [];
    return render(c, t("nav.start"), <StartPage name={actor.name} sections={startSections(items, shell.nav, t)} postFor={postFor} />);
  })
  .get("/accessibility", (c) => render(c, c.get("t")("a11y.title"), <AccessibilityPage />))
  .get("/privacy", (c) => render(c, c.get("t")("privacy.title"), <PrivacyPage />))
  .post("/language", async (c) => {
    const form = await readForm(c);
    const tenant = c.get("tenant");
    const lang = isLang(form.lang) && tenant.languages.includes(form.lang) ? form.lang : tenant.defaultLanguage;
    setCookie(c, LANG_COOKIE, lang, { ...cookieOptions(c), maxAge: 365 * 24 * 3600 });
    await rememberLanguage(serviceContext(c), lang);
    return c.redirect(safeBack(form.back), 303);
  });
