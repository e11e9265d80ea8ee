import { createHmac, timingSafeEqual } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { loadSession, SESSION_COOKIE } from "../auth/sessions.js";
import { randomToken } from "../crypto/random-token.js";
import { chooseLanguage, translator } from "../i18n/i18n.js";
import { publicUrl, resolveTenant } from "../tenants/tenants.js";
import type { AppEnv } from "./env.js";
import { AppError } from "./errors.js";
import { formBody } from "./forms.js";

export const CSRF_COOKIE = "sammen_csrf";
export const LANG_COOKIE = "sammen_lang";

export function isHttps(c: Context<AppEnv>): boolean {
  const { config } = c.get("deps");
  if (config.TRUST_PROXY && c.req.header("x-forwarded-proto") === "https") return true;
  return c.req.url.startsWith("https:");
}

/** The address of the other end of the connection itself, whatever the headers say. */
export function socketAddress(c: Context<AppEnv>): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

/**
 * The client's address. Behind PROXY_HOPS trusted proxies it is the entry the outermost of them added to
 * X-Forwarded-For, counted from the right: whatever the client wrote there itself sits further left.
 */
export function clientIp(c: Context<AppEnv>): string | null {
  const { TRUST_PROXY, PROXY_HOPS } = c.get("deps").config;
  if (TRUST_PROXY) {
    const chain = (c.req.header("x-forwarded-for") ?? "")
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean);
    const added = chain[chain.length - PROXY_HOPS];
    if (added) return added;
  }
  return socketAddress(c);
}

/** Where this tenant's pages are; links in e-mails, feeds and API answers start here, never with the request's host. */
export function baseUrl(c: Context<AppEnv>): string {
  return publicUrl(c.get("tenant"), c.get("deps").config.PORT);
}

export function cookieOptions(c: Context<AppEnv>) {
  return { httpOnly: true, sameSite: "Lax" as const, path: "/", secure: isHttps(c) };
}

const SAFE_METHODS = ["GET", "HEAD", "OPTIONS"];

export const tenantMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  // A GET without a session or an API key may be answered from the tenant's row as this instance last heard of it
  // (see tenant-notices.ts).
  const mayKeep = c.req.method === "GET" && getCookie(c, SESSION_COOKIE) === undefined && c.req.header("authorization") === undefined;
  const resolved = await resolveTenant(c.get("deps").db, c.req.header("host"), mayKeep);
  if (!resolved) return c.text("No tenant is configured for this host.", 503);
  c.set("tenant", resolved.tenant);
  c.set("hostKnown", resolved.known);
  await next();
};

/** A host nobody configured reads the default tenant's pages, but sends no form: nothing it asks for may mail a link there. */
export const knownHostForChanges: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get("hostKnown") && !SAFE_METHODS.includes(c.req.method)) throw new AppError(421, "unknown_host", "error.unknownHost");
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
  const unsafe = !SAFE_METHODS.includes(c.req.method);
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
    seed = randomToken(24);
    setCookie(c, CSRF_COOKIE, seed, cookieOptions(c));
  }
  c.set("csrfToken", csrfTokenFor(config.secret, seed, session));
  await next();
};

/**
 * A newsletter's one-click unsubscribe (RFC 8058): the mail program POSTs to the link in the
 * List-Unsubscribe header with no cookie and no form token; the secret in the path is the authority.
 * Only this exact path shape, and only that POST, goes without the CSRF check; everything else keeps it.
 */
export const ONE_CLICK_UNSUBSCRIBE = /^\/newsletters\/unsubscribe\/[A-Za-z0-9_-]{20,100}$/;

/** The CSRF middleware for every request, except the one-click unsubscribe POST, which gets a token for its page but no check. */
export const csrfUnlessOneClick: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!(c.req.method === "POST" && ONE_CLICK_UNSUBSCRIBE.test(c.req.path))) return csrfMiddleware(c, next);
  const { config } = c.get("deps");
  let seed = getCookie(c, CSRF_COOKIE);
  if (!seed) {
    seed = randomToken(24);
    setCookie(c, CSRF_COOKIE, seed, cookieOptions(c));
  }
  c.set("csrfToken", csrfTokenFor(config.secret, seed, c.get("session")?.idHash ?? ""));
  await next();
};
