import type { Context } from "hono";
import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import type { Actor } from "./auth/policy.js";
import type { Clock } from "./clock.js";
import type { AppEnv } from "./http/env.js";
import { baseUrl, clientIp } from "./http/middleware.js";
import type { Lang } from "./i18n/i18n.js";
import { allTenants, publicUrl, type Tenant } from "./tenants/tenants.js";
import { localToday } from "./time/recurrence.js";

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

/**
 * Runs the work in one transaction, handing it a context bound to that transaction. Called again
 * inside, it joins the open transaction, so a use case can call another without nesting.
 */
export async function inTransaction<T>(ctx: ServiceContext, work: (tx: ServiceContext) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  return ctx.db.transaction().execute((trx) => work({ ...ctx, db: trx }));
}

/** The context a scheduled job works in for one tenant: nobody signed in, links to the tenant's own address. */
export function jobContext(deps: Pick<ServiceContext, "db" | "clock" | "config">, tenant: Tenant): ServiceContext {
  return {
    ...deps,
    tenant,
    actor: { kind: "anonymous", tenantId: tenant.id },
    lang: tenant.defaultLanguage,
    baseUrl: publicUrl(tenant, deps.config.PORT),
    ip: null,
  };
}

/** Runs a scheduled job's work once per tenant. */
export async function forEachTenantContext(deps: Pick<ServiceContext, "db" | "clock" | "config">, work: (ctx: ServiceContext) => Promise<void>): Promise<void> {
  for (const tenant of await allTenants(deps.db)) await work(jobContext(deps, tenant));
}

/** Today's date (YYYY-MM-DD) where the tenant is, by its clock. */
export const tenantToday = (ctx: Pick<ServiceContext, "clock" | "tenant">) => localToday(ctx.clock.now(), ctx.tenant.timeZone);
