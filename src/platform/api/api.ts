import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../http/env.js";
import { AppError } from "../http/errors.js";
import { issuesToFieldErrors } from "../http/forms.js";
import { apiCaller } from "./tokens.js";

export function createApi() {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new AppError(422, "validation_failed", "api.validationFailed", issuesToFieldErrors(result.error.issues));
    },
  });
  api.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", description: "An API token made by a tenant admin" });
  api.use(async (c, next) => {
    const { db, clock } = c.get("deps");
    c.set("apiCaller", await apiCaller(db, clock, c.get("tenant").id, c.req.header("authorization")));
    await next();
  });
  return api;
}

export type Api = ReturnType<typeof createApi>;

export function requireScope(c: Context<AppEnv>, scope: string) {
  const caller = c.get("apiCaller");
  if (!caller) throw new AppError(401, "token_required", "api.tokenRequired");
  if (!caller.scopes.has(scope)) throw new AppError(403, "insufficient_scope", "api.insufficientScope");
  return caller;
}

export const problemResponses = {
  401: { description: "No valid API token", content: { "application/problem+json": { schema: { type: "object" as const } } } },
  403: { description: "The token lacks the scope", content: { "application/problem+json": { schema: { type: "object" as const } } } },
  422: { description: "The input is invalid", content: { "application/problem+json": { schema: { type: "object" as const } } } },
};
