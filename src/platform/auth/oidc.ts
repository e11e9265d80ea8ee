import * as client from "openid-client";
import { audit } from "../audit/audit.js";
import { isoNow } from "../clock.js";
import { AppError, notFound } from "../http/errors.js";
import { newId } from "../ids.js";
import { inTransaction, type ServiceContext } from "../service-context.js";
import { findIdentityUser, findProviderBySlug, insertIdentity, listProviderLabels, type OidcProvider } from "./oidc.repository.js";
import { STAFF_ROLES, type StaffRole } from "./policy.js";
import { findUserByEmail, grantStaffRole, insertUser } from "./users.repository.js";

export async function listProviders(ctx: Pick<ServiceContext, "db" | "tenant">) {
  return listProviderLabels(ctx.db, ctx.tenant.id);
}

async function providerBySlug(ctx: ServiceContext, slug: string) {
  const provider = await findProviderBySlug(ctx.db, ctx.tenant.id, slug);
  if (!provider) throw notFound();
  return provider;
}

const discovered = new Map<string, Promise<client.Configuration>>();

function configurationFor(ctx: ServiceContext, provider: OidcProvider) {
  const secret = ctx.config.OIDC_SECRETS[provider.secretName];
  if (!secret) throw new AppError(503, "oidc_not_configured", "auth.oidc.unavailable");
  const key = `${provider.issuer}|${provider.clientId}|${secret}`;
  let config = discovered.get(key);
  if (!config) {
    const issuer = new URL(provider.issuer);
    // Plain http only for a provider on this machine (development and tests).
    const local = issuer.protocol === "http:" && ["localhost", "127.0.0.1"].includes(issuer.hostname);
    config = client.discovery(issuer, provider.clientId, secret, undefined, local ? { execute: [client.allowInsecureRequests] } : undefined);
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

  return inTransaction(ctx, async (tx) => {
    let userId = await findIdentityUser(tx.db, ctx.tenant.id, provider.id, subject);
    if (!userId) {
      if (!email || claims.email_verified === false) throw new AppError(400, "oidc_no_email", "auth.oidc.noEmail");
      const existing = await findUserByEmail(tx.db, ctx.tenant.id, email);
      userId = existing?.id ?? newId();
      if (!existing) {
        await insertUser(tx.db, {
          id: userId,
          tenantId: ctx.tenant.id,
          email,
          name,
          passwordHash: null,
          emailVerifiedAt: now,
          language: null,
          createdAt: now,
          updatedAt: now,
        });
      }
      await insertIdentity(tx.db, { tenantId: ctx.tenant.id, providerId: provider.id, subject, userId, createdAt: now });
      await audit(tx, "user.identity_linked", { type: "user", id: userId }, { provider: provider.slug }, { actorId: userId });
    }
    const role = provider.grantsRole as StaffRole | null;
    if (role && STAFF_ROLES.includes(role)) await grantStaffRole(tx.db, ctx.tenant.id, userId, role, null, now);
    return userId;
  });
}
