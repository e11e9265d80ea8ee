import type { Context } from "hono";
import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import type { Actor } from "./auth/policy.js";
import type { Clock } from "./clock.js";
import type { AppEnv } from "./http/env.js";
import { baseUrl, clientIp } from "./http/middleware.js";
import type { Lang } from "./i18n/i18n.js";
import type { Tenant } from "./tenants/tenants.js";

/** What a service needs to know about the request, without knowing HTTP. */
export interface ServiceContext {
  db: Database;
  clock: Clock;
  config: Config;
  tenant: Tenant;
  actor: Actor;
  lang: Lang;
  baseUrl: string;
  ip: string | null;
}

export function serviceContext(c: Context<AppEnv>): ServiceContext {
  const { db, clock, config } = c.get("deps");
  return { db, clock, config, tenant: c.get("tenant"), actor: c.get("actor"), lang: c.get("lang"), baseUrl: baseUrl(c), ip: clientIp(c) };
}
