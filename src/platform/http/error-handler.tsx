import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { type MessageKey, translator } from "../i18n/i18n.js";
import { ButtonLink, Heading, P } from "../ui/components.js";
import type { AppEnv } from "./env.js";
import { AppError, fieldMessage } from "./errors.js";
import { render } from "./render.js";

const isApi = (c: Context<AppEnv>) => c.req.path.startsWith("/api/");

/** RFC 9457 problem details, titled in the asker's language. */
export function problem(c: Context<AppEnv>, error: AppError, extra: Record<string, unknown> = {}) {
  const t = c.get("t") ?? translator("en");
  const body = {
    type: `about:blank#${error.code}`,
    title: t(error.messageKey),
    status: error.status,
    code: error.code,
    instance: c.req.path,
    ...(Object.keys(error.fields).length ? { errors: Object.entries(error.fields).map(([field, key]) => ({ field, message: fieldMessage(t, key) })) } : {}),
    ...extra,
  };
  return c.newResponse(JSON.stringify(body), error.status, { "content-type": "application/problem+json; charset=utf-8" });
}

const pageTitles: Partial<Record<number, MessageKey>> = {
  401: "error.signInRequired",
  403: "error.forbidden.title",
  404: "error.notFound.title",
  413: "error.tooLarge",
  421: "error.unknownHost.title",
  429: "error.rateLimited",
  500: "error.server.title",
};

export async function renderError(c: Context<AppEnv>, error: AppError) {
  if (isApi(c)) return problem(c, error);
  const t = c.get("t");
  if (!c.get("tenant") || !t) return c.text(error.code, error.status);
  if (error.status === 401 && c.req.method === "GET") {
    return c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path + new URL(c.req.url).search)}`, 303);
  }
  const title = t(error.code === "invalid_link" ? "error.linkInvalid.title" : (pageTitles[error.status] ?? "error.badRequest"));
  return render(
    c,
    title,
    <div class="stack">
      <Heading>{title}</Heading>
      <P>{t(error.messageKey)}</P>
      <ButtonLink href="/">{t("error.backHome")}</ButtonLink>
    </div>,
    error.status,
  );
}

export async function onError(err: Error, c: Context<AppEnv>) {
  if (err instanceof AppError) return renderError(c, err);
  if (err instanceof HTTPException && err.status < 500) {
    const status = err.status === 413 ? 413 : 400;
    return renderError(c, new AppError(status, status === 413 ? "payload_too_large" : "bad_request", status === 413 ? "error.tooLarge" : "error.badRequest"));
  }
  (c.get("log") ?? console).error({ err }, "unhandled error");
  return renderError(c, new AppError(500, "server_error", "error.server.text"));
}

export const onNotFound = (c: Context<AppEnv>) => renderError(c, new AppError(404, "not_found", "error.notFound.text"));
