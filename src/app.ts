import { type Context, Hono } from "hono";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import type { Database } from "./db/database.js";
import { namesForMember } from "./modules/associations/index.js";
import { modules } from "./modules/index.js";
import { createApi } from "./platform/api/api.js";
import { authRoutes } from "./platform/auth/auth.routes.js";
import { isPerson } from "./platform/auth/policy.js";
import type { Clock } from "./platform/clock.js";
import { randomToken } from "./platform/crypto/random-token.js";
import { bodyLimits } from "./platform/http/body-limit.js";
import type { AppEnv } from "./platform/http/env.js";
import { onError, onNotFound } from "./platform/http/error-handler.js";
import { csrfUnlessOneClick, isHttps, knownHostForChanges, sessionMiddleware, tenantMiddleware } from "./platform/http/middleware.js";
import type { ShellLoader } from "./platform/http/render.js";
import { mailboxOpen, mailboxRoutes } from "./platform/mail/mailbox.routes.js";
import type { Mailer } from "./platform/mail/mailer.js";
import type { ServiceContext } from "./platform/service-context.js";
import { anyTenant } from "./platform/tenants/tenants.js";
import { assets } from "./platform/ui/assets.js";
import { NOTICES } from "./platform/ui/page-context.js";
import { themeCss } from "./platform/ui/theme.js";

export interface AppOptions {
  config: Config;
  db: Database;
  clock: Clock;
  mailer: Mailer;
  logger: Logger;
  /** False before migrations finish and while shutting down. */
  ready?: () => boolean;
}

/** This answer's script nonce, where hono's secure headers keep theirs (the page reads it there). */
const scriptNonce = (c: Context) => {
  const nonce = randomToken(16);
  c.set("secureHeadersNonce", nonce);
  return `'nonce-${nonce}'`;
};

const notices = Object.assign({}, NOTICES, ...modules.map((m) => m.notices ?? {}));

const shell: ShellLoader = async (c) => {
  const actor = c.get("actor");
  const nav = modules.flatMap((m) => m.nav ?? []).filter((n) => n.visible(actor));
  if (mailboxOpen(c)) nav.push({ href: "/dev/mailbox", label: "nav.mailbox", group: "mine", visible: () => true });
  const associations = isPerson(actor) && actor.memberships.size > 1 ? await namesForMember(c.get("deps").db, actor.tenantId, actor.userId) : [];
  return { nav, associations, notices };
};

const waiting = async (ctx: ServiceContext) => (await Promise.all(modules.map((m) => m.waiting?.(ctx) ?? []))).flat();

/** Paths whose last part is a secret (an association's calendar address): the log keeps the path, not the secret. */
const SECRET_PATHS = /^(\/premises\/calendars\/)[^/]+$/;
export const loggable = (path: string) => path.replace(SECRET_PATHS, "$1[secret]");

export function createApp(options: AppOptions) {
  const { config, db, logger } = options;
  const deps = { config, db, clock: options.clock, mailer: options.mailer, logger };
  const app = new Hono<AppEnv>();

  app.use(requestId());
  app.use(async (c, next) => {
    const log = logger.child({ reqId: c.get("requestId") });
    c.set("deps", deps);
    c.set("log", log);
    c.set("shell", shell);
    c.set("waiting", waiting);
    c.set("apiCaller", null);
    const started = performance.now();
    await next();
    // While stopping, nobody should keep a connection to this instance for the next request.
    if (options.ready && !options.ready()) c.header("Connection", "close");
    log.info({ method: c.req.method, path: loggable(c.req.path), status: c.res.status, ms: Math.round(performance.now() - started) }, "request");
  });
  const headers = {
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: [scriptNonce],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:", "https:"],
      formAction: ["'self'", "https:"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    strictTransportSecurity: false,
    referrerPolicy: "strict-origin-when-cross-origin",
    xFrameOptions: "DENY",
    crossOriginResourcePolicy: "same-origin",
    // A response that sets its own policy keeps it: stored pictures are served under a stricter one.
    overwrite: false,
  } satisfies Parameters<typeof secureHeaders>[0];
  const strict = secureHeaders(headers);
  // Embeds are made to sit in a municipality's own website, so any site may frame them.
  const embeddable = secureHeaders({
    ...headers,
    contentSecurityPolicy: { ...headers.contentSecurityPolicy, frameAncestors: ["*"] },
    xFrameOptions: false,
    crossOriginResourcePolicy: "cross-origin",
  });
  app.use((c, next) => (c.req.path.startsWith("/embed/") ? embeddable(c, next) : strict(c, next)));
  app.use(async (c, next) => {
    await next();
    if (isHttps(c)) c.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  });

  app.get("/healthz", async (c) => {
    try {
      await anyTenant(db);
      return c.json({ status: "ok" });
    } catch {
      return c.json({ status: "database unavailable" }, 503);
    }
  });
  app.get("/readyz", (c) => ((options.ready?.() ?? true) ? c.json({ status: "ready" }) : c.json({ status: "not ready" }, 503)));
  app.get("/assets/:file", (c) => {
    const asset = assets.byUrl.get(c.req.path);
    if (!asset) return c.notFound();
    return c.body(new Uint8Array(asset.body), 200, { "Content-Type": asset.type, "Cache-Control": "public, max-age=31536000, immutable" });
  });

  app.use(tenantMiddleware);
  app.use(sessionMiddleware);
  app.use(knownHostForChanges);
  app.use(bodyLimits(config.BODY_LIMIT_KB * 1024));
  app.use(async (c, next) => (c.req.path.startsWith("/api/") ? next() : csrfUnlessOneClick(c, next)));

  const api = createApi();
  for (const m of modules) m.api?.(api);
  // Made on first request, not at start: generating it from the Zod schemas takes a large part of a start.
  let openapi: ReturnType<typeof api.getOpenAPI31Document> | null = null;
  app.get("/api/openapi.json", (c) => {
    openapi ??= api.getOpenAPI31Document({
      openapi: "3.1.0",
      info: { title: "Sammen API", version: "1.0.0", description: "Open data and integration API of Sammen. Errors are RFC 9457 problem details." },
      servers: [{ url: "/api/v1" }],
    });
    return c.json(openapi);
  });
  app.route("/api/v1", api);

  app.route("/", authRoutes);
  app.route("/dev/mailbox", mailboxRoutes);
  // The tenant's colours; the page links it with a version, so it may be kept for good.
  app.get("/theme.css", (c) =>
    c.body(themeCss(c.get("tenant").colorPrimary), 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable" }),
  );
  for (const m of modules) for (const mount of m.mounts) app.route(mount.path, mount.routes);

  app.notFound(onNotFound);
  app.onError(onError);
  return app;
}
