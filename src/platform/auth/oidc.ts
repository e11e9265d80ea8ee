import * as client from "openid-client";
import { auditEntry } from "../audit/audit.js";
import { isoNow } from "../clock.js";
import { AppError } from "../http/errors.js";
import { newId } from "../ids.js";
import type { ServiceContext } from "../service-context.js";
import { STAFF_ROLES, type StaffRole } from "./policy.js";

export async function listProviders(ctx: Pick<ServiceContext, "db" | "tenant">) {
  return ctx.db.selectFrom("oidc_providers").select(["slug", "label"]).where("tenant_id", "=", ctx.tenant.id).orderBy("label").execute();
}

async function providerBySlug(ctx: ServiceContext, slug: string) {
  const provider = await ctx.db.selectFrom("oidc_providers").selectAll().where("tenant_id", "=", ctx.tenant.id).where("slug", "=", slug).executeTakeFirst();
  if (!provider) throw new AppError(404, "not_found", "error.notFound.text");
  return provider;
}

const discovered = new Map<string, Promise<client.Configuration>>();

function configurationFor(ctx: ServiceContext, provider: { issuer: string; client_id: string; secret_name: string }) {
  const secret = ctx.config.OIDC_SECRETS[provider.secret_name];
  if (!secret) throw new AppError(503, "oidc_not_configured", "auth.oidc.unavailable");
  const key = `${provider.issuer}|${provider.client_id}|${secret}`;
  let config = discovered.get(key);
  if (!config) {
    const issuer = new URL(provider.issuer);
    // Plain http only for a provider on this machine (development and tests).
    const local = issuer.protocol === "http:" && ["localhost", "127.0.0.1"].includes(issuer.hostname);
    config = client.discovery(issuer, provider.client_id, secret, undefined, local ? { execute: [client.allowInsecureRequests] } : undefined);
    config.catch(() => discovered.delete(key));
    discovered.set(key, config);
  }
  return config;
}

export interface OidcState {
  slug: string;
  verifier: string;
  state: string;
  nonce: string;
  next: string;
}

export async function startOidc(ctx: ServiceContext, slug: string, next: string): Promise<{ url: string; state: OidcState }> {
  const provider = await providerBySlug(ctx, slug);
  const config = await configurationFor(ctx, provider).catch(() => {
    throw new AppError(503, "oidc_unavailable", "auth.oidc.unavailable");
  });
  const state: OidcState = { slug, verifier: client.randomPKCECodeVerifier(), state: client.randomState(), nonce: client.randomNonce(), next };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: `${ctx.baseUrl}/auth/oidc/${slug}/callback`,
    scope: "openid email profile",
    code_challenge: await client.calculatePKCECodeChallenge(state.verifier),
    code_challenge_method: "S256",
    state: state.state,
    nonce: state.nonce,
  });
  return { url: url.href, state };
}

/** Finds or creates the person behind the provider's answer; returns their user id. */
export async function finishOidc(ctx: ServiceContext, state: OidcState, currentUrl: URL): Promise<string> {
  const provider = await providerBySlug(ctx, state.slug);
  const config = await configurationFor(ctx, provider);
  let claims: { sub: string; email?: unknown; email_verified?: unknown; name?: unknown };
  try {
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: state.verifier,
      expectedState: state.state,
      expectedNonce: state.nonce,
    });
    const idToken = tokens.claims();
    if (!idToken?.sub) throw new Error("no subject");
    // Many providers put e-mail and name only in UserInfo, not in the ID token.
    claims = idToken.email ? idToken : { ...(await client.fetchUserInfo(config, tokens.access_token, idToken.sub)), sub: idToken.sub };
  } catch {
    throw new AppError(400, "oidc_failed", "auth.oidc.failed");
  }
  const subject = claims.sub;
  const email = typeof claims.email === "string" ? claims.email.toLowerCase() : null;
  const name = typeof claims.name === "string" && claims.name ? claims.name : (email ?? subject);
  const now = isoNow(ctx.clock);

  return ctx.db.transaction().execute(async (trx) => {
    const identity = await trx
      .selectFrom("user_identities")
      .select("user_id")
      .where("provider_id", "=", provider.id)
      .where("subject", "=", subject)
      .executeTakeFirst();
    let userId = identity?.user_id;
    if (!userId) {
      if (!email || claims.email_verified === false) throw new AppError(400, "oidc_no_email", "auth.oidc.noEmail");
      const existing = await trx.selectFrom("users").select("id").where("tenant_id", "=", ctx.tenant.id).where("email", "=", email).executeTakeFirst();
      userId = existing?.id ?? newId();
      if (!existing) {
        await trx
          .insertInto("users")
          .values({
            id: userId,
            tenant_id: ctx.tenant.id,
            email,
            name,
            password_hash: null,
            email_verified_at: now,
            language: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
      await trx
        .insertInto("user_identities")
        .values({ tenant_id: ctx.tenant.id, provider_id: provider.id, subject, user_id: userId, created_at: now })
        .execute();
      await auditEntry(trx, ctx.clock, {
        tenantId: ctx.tenant.id,
        actorId: userId,
        action: "user.identity_linked",
        entityType: "user",
        entityId: userId,
        ip: ctx.ip,
        details: { provider: provider.slug },
      });
    }
    const role = provider.grants_role as StaffRole | null;
    if (role && STAFF_ROLES.includes(role)) {
      await trx
        .insertInto("user_roles")
        .values({ tenant_id: ctx.tenant.id, user_id: userId, role, granted_by: null, created_at: now })
        .onConflict((oc) => oc.columns(["tenant_id", "user_id", "role"]).doNothing())
        .execute();
    }
    return userId;
  });
}
