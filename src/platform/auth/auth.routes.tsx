import type { Context } from "hono";
import { Hono } from "hono";
import { deleteCookie, getSignedCookie, setCookie, setSignedCookie } from "hono/cookie";
import type { AppEnv } from "../http/env.js";
import { AppError, type FieldErrors } from "../http/errors.js";
import { parseForm, safeBack } from "../http/forms.js";
import { cookieOptions } from "../http/middleware.js";
import { render } from "../http/render.js";
import { serviceContext } from "../service-context.js";
import { emailOnlyInput, resetInput, signInInput, signUpInput, tokenInput } from "./auth.schema.js";
import * as auth from "./auth.service.js";
import { finishOidc, listProviders, type OidcState, startOidc } from "./oidc.js";
import { endSession, SESSION_COOKIE } from "./sessions.js";
import { CheckEmailPage, EmailOnlyPage, LinkInvalidPage, MagicConfirmPage, ResetPage, SignInPage, SignUpPage } from "./views/auth-views.js";

const OIDC_COOKIE = "sammen_oidc";

function startSignedIn(c: Context<AppEnv>, session: string, next?: string) {
  setCookie(c, SESSION_COOKIE, session, cookieOptions(c));
  return c.redirect(safeBack(next, "/start"), 303);
}

/** Turns a weak-password AppError into the re-rendered form; anything else goes to the error page. */
function fieldErrorsOf(error: unknown) {
  if (error instanceof AppError && error.status === 422) return error.fields;
  throw error;
}

export const authRoutes = new Hono<AppEnv>()
  .get("/sign-up", (c) => render(c, c.get("t")("auth.signUp.title"), <SignUpPage />))
  .post("/sign-up", async (c) => {
    const t = c.get("t");
    const form = await parseForm(c, signUpInput);
    if (!form.ok) return render(c, t("auth.signUp.title"), <SignUpPage values={form.values} errors={form.errors} />, 422);
    try {
      await auth.signUp(serviceContext(c), form.data);
    } catch (error) {
      return render(c, t("auth.signUp.title"), <SignUpPage values={form.values} errors={fieldErrorsOf(error)} />, 422);
    }
    return render(c, t("auth.checkEmail.title"), <CheckEmailPage email={form.data.email} />);
  })
  .get("/verify", async (c) => {
    const token = tokenInput.safeParse({ token: c.req.query("token") });
    if (!token.success || !(await auth.verifyEmail(serviceContext(c), token.data.token))) {
      return render(c, c.get("t")("auth.linkInvalid.title"), <LinkInvalidPage />, 400);
    }
    return c.redirect("/sign-in?notice=verified", 303);
  })
  .get("/sign-in", async (c) => {
    const providers = await listProviders(serviceContext(c));
    return render(c, c.get("t")("auth.signIn.title"), <SignInPage next={c.req.query("next")} providers={providers} />);
  })
  .post("/sign-in", async (c) => {
    const t = c.get("t");
    const ctx = serviceContext(c);
    const providers = await listProviders(ctx);
    const form = await parseForm(c, signInInput);
    if (!form.ok)
      return render(c, t("auth.signIn.title"), <SignInPage values={form.values} errors={form.errors} next={form.values.next} providers={providers} />, 422);
    const result = await auth.signIn(ctx, { ...form.data, userAgent: c.req.header("user-agent") ?? null });
    if (result.ok) return startSignedIn(c, result.session, form.data.next);
    const errors: FieldErrors = result.reason === "invalid" ? { email: "auth.signIn.invalid" } : {};
    return render(
      c,
      t("auth.signIn.title"),
      <SignInPage values={form.values} errors={errors} next={form.data.next} unverified={result.reason === "unverified"} providers={providers} />,
      result.reason === "invalid" ? 401 : 403,
    );
  })
  .post("/sign-in/link/request", async (c) => {
    const form = await parseForm(c, emailOnlyInput);
    if (!form.ok) {
      const providers = await listProviders(serviceContext(c));
      return render(c, c.get("t")("auth.signIn.title"), <SignInPage errors={form.errors} providers={providers} />, 422);
    }
    await auth.requestMagicLink(serviceContext(c), form.data.email);
    return render(c, c.get("t")("auth.checkEmail.title"), <CheckEmailPage email={form.data.email} />);
  })
  // Opening the link shows a button; signing in takes a POST, so mail scanners that follow links use nothing up.
  .get("/sign-in/link", (c) => render(c, c.get("t")("auth.magic.confirmTitle"), <MagicConfirmPage token={c.req.query("token") ?? ""} />))
  .post("/sign-in/link", async (c) => {
    const form = await parseForm(c, tokenInput);
    const session = form.ok ? await auth.signInWithMagicLink(serviceContext(c), form.data.token, c.req.header("user-agent") ?? null) : null;
    if (!session) return render(c, c.get("t")("auth.linkInvalid.title"), <LinkInvalidPage />, 400);
    return startSignedIn(c, session);
  })
  .get("/password/forgot", (c) =>
    render(
      c,
      c.get("t")("auth.forgot.title"),
      <EmailOnlyPage title="auth.forgot.title" intro="auth.forgot.intro" action="/password/forgot" submit="auth.forgot.submit" />,
    ),
  )
  .post("/password/forgot", async (c) => {
    const t = c.get("t");
    const form = await parseForm(c, emailOnlyInput);
    if (!form.ok) {
      return render(
        c,
        t("auth.forgot.title"),
        <EmailOnlyPage
          title="auth.forgot.title"
          intro="auth.forgot.intro"
          action="/password/forgot"
          submit="auth.forgot.submit"
          values={form.values}
          errors={form.errors}
        />,
        422,
      );
    }
    await auth.requestPasswordReset(serviceContext(c), form.data.email);
    return render(c, t("auth.checkEmail.title"), <CheckEmailPage email={form.data.email} />);
  })
  .get("/password/reset", (c) => render(c, c.get("t")("auth.reset.title"), <ResetPage token={c.req.query("token") ?? ""} />))
  .post("/password/reset", async (c) => {
    const t = c.get("t");
    const form = await parseForm(c, resetInput);
    if (!form.ok) return render(c, t("auth.reset.title"), <ResetPage token={form.values.token ?? ""} errors={form.errors} />, 422);
    let result: "ok" | "invalid-link";
    try {
      result = await auth.resetPassword(serviceContext(c), form.data.token, form.data.password);
    } catch (error) {
      return render(c, t("auth.reset.title"), <ResetPage token={form.data.token} errors={fieldErrorsOf(error)} />, 422);
    }
    if (result === "invalid-link") return render(c, t("auth.linkInvalid.title"), <LinkInvalidPage />, 400);
    return c.redirect("/sign-in?notice=passwordReset", 303);
  })
  .post("/sign-out", async (c) => {
    const session = c.get("session");
    if (session) await endSession(c.get("deps").db, session.idHash);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.redirect("/?notice=signedOut", 303);
  })
  .get("/auth/oidc/:slug", async (c) => {
    const { url, state } = await startOidc(serviceContext(c), c.req.param("slug"), safeBack(c.req.query("next"), "/start"));
    await setSignedCookie(c, OIDC_COOKIE, JSON.stringify(state), c.get("deps").config.secret, { ...cookieOptions(c), maxAge: 600 });
    return c.redirect(url, 302);
  })
  .get("/auth/oidc/:slug/callback", async (c) => {
    const raw = await getSignedCookie(c, c.get("deps").config.secret, OIDC_COOKIE);
    deleteCookie(c, OIDC_COOKIE, { path: "/" });
    const state = raw ? (JSON.parse(raw) as OidcState) : null;
    if (!state || state.slug !== c.req.param("slug")) throw new AppError(400, "oidc_failed", "auth.oidc.failed");
    const ctx = serviceContext(c);
    const url = new URL(c.req.url);
    const callback = new URL(`${ctx.baseUrl}${url.pathname}${url.search}`);
    const userId = await finishOidc(ctx, state, callback);
    return startSignedIn(c, await auth.startSession(ctx, userId, c.req.header("user-agent") ?? null, "oidc"), state.next);
  });
