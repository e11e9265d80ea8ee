import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { loadSession, SESSION_COOKIE } from "../auth/sessions.js";
import { chooseLanguage, translator } from "../i18n/i18n.js";
import { resolveTenant } from "../tenants/tenants.js";
import type { AppEnv } from "./env.js";
import { AppError } from "./errors.js";
import { formBody } from "./forms.js";

export const CSRF_COOKIE = "sammen_csrf";
export const LANG_COOKIE = "sammen_lang";

export function isHttps(c: Context<AppEnv>): boolean {
  const { config } = c.get("deps");
  if (config.TRUST_PROXY && c.req.header("x-forwarded-proto") === "https") return true;
  return new URL(c.req.url).protocol === "https:";
}

export function clientIp(c: Context<AppEnv>): string | null {
  if (c.get("deps").config.TRUST_PROXY) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

/** The origin the person reached us on; links in e-mails point back to it. */
export function origin(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  if (c.get("deps").config.TRUST_PROXY) {
    const host = c.req.header("x-forwarded-host");
    if (host) return `${isHttps(c) ? "https" : "http"}://${host}`;
  }
  return url.origin;
}

export function cookieOptions(c: Context<AppEnv>) {
  return { httpOnly: true, sameSite: "Lax" as const, path: "/", secure: isHttps(c) };
}

export const tenantMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const tenant = await resolveTenant(c.get("deps").db, c.req.header("host"));
  if (!tenant) return c.text("No tenant is configured for this host.", 503);
  c.set("tenant", tenant);
  await next();
};

export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db, clock, config } = c.get("deps");
  const tenant = c.get("tenant");
  const secret = getCookie(c, SESSION_COOKIE);
  const loaded = secret ? await loadSession(db, clock, config, tenant.id, secret) : null;
  c.set("actor", loaded?.person ?? { kind: "anonymous", tenantId: tenant.id });
  c.set("session", loaded ? { idHash: loaded.idHash, activeAssociationId: loaded.activeAssociationId } : null);
  const lang = chooseLanguage({
    enabled: tenant.languages,
    fallback: tenant.defaultLanguage,
    userSetting: loaded?.language,
    cookie: getCookie(c, LANG_COOKIE),
    acceptLanguage: c.req.header("accept-language"),
  });
  c.set("lang", lang);
  c.set("t", translator(lang));
  await next();
};

/** Bound to the session too, so a token seen before sign-in (or in another person's session) is worth nothing after it. */
function csrfTokenFor(secret: string, seed: string, session: string): string {
  return createHmac("sha256", secret).update(`csrf:${seed}:${session}`).digest("base64url");
}

/** Signed double-submit token: a random cookie, and its HMAC (with the session) in every form and htmx request. */
export const csrfMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { config } = c.get("deps");
  let seed = getCookie(c, CSRF_COOKIE);
  const session = c.get("session")?.idHash ?? "";
  const unsafe = !["GET", "HEAD", "OPTIONS"].includes(c.req.method);
  if (unsafe) {
    const expected = seed ? csrfTokenFor(config.secret, seed, session) : null;
    let sent = c.req.header("x-csrf-token");
    if (!sent) {
      const type = c.req.header("content-type") ?? "";
      if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
        const body = await formBody(c);
        sent = typeof body._csrf === "string" ? body._csrf : undefined;
      }
    }
    const ok = expected && sent && sent.length === expected.length && timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
    if (!ok) throw new AppError(403, "csrf", "error.csrf");
  }
  if (!seed) {
    seed = randomBytes(24).toString("base64url");
    setCookie(c, CSRF_COOKIE, seed, cookieOptions(c));
  }
  c.set("csrfToken", csrfTokenFor(config.secret, seed, session));
  await next();
};
