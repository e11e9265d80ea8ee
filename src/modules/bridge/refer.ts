import { audit } from "../../platform/audit/audit.js";
import { can, isPerson, type Rule } from "../../platform/auth/policy.js";
import { withinLimit } from "../../platform/auth/rate-limit.js";
import { DAY_MS, isoNow } from "../../platform/clock.js";
import { hashSecret } from "../../platform/crypto/secret-hash.js";
import { invalidField, tooManyRequests } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { actFor } from "../associations/index.js";
import { type BridgeCase, type Consent, DAYS_WITHOUT_CONSENT, type Purpose, type Source } from "./bridge.model.js";
import { canAnswerReferral, canReferForAssociation, canReferForCentre, canReferForMunicipality, canReferOthers } from "./bridge.policy.js";
import { bridgeRing } from "./cases.js";
import * as repo from "./cases.repository.js";
import { isEmail, type ReferInput } from "./cases.schema.js";
import { mailConsentCopy } from "./consent.js";

/** Who the actor may refer as: the person themself, or someone else from the sources their role allows. */
export const mayReferOthers = (ctx: Pick<ServiceContext, "actor" | "tenant">) => can(ctx.actor, canReferOthers, { tenantId: ctx.tenant.id });

/** The hash a data request by e-mail finds the case by: of the address in lower case. */
export const contactHashOf = (contact: string): string | null => (isEmail(contact) ? hashSecret(contact.trim().toLowerCase()) : null);

/** The sources a referrer may choose between, from their roles and memberships. */
export function sourcesFor(ctx: Pick<ServiceContext, "actor" | "tenant">): Source[] {
  if (!mayReferOthers(ctx)) return ["self"];
  const here = { tenantId: ctx.tenant.id };
  const rules: [Source, Rule<{ tenantId: string }>][] = [
    ["municipality", canReferForMunicipality],
    ["association", canReferForAssociation],
    ["centre", canReferForCentre],
  ];
  return rules.filter(([, rule]) => can(ctx.actor, rule, here)).map(([source]) => source);
}

export interface ReferOutcome {
  /** The consent as recorded, for the printed copy on the confirmation page; null without consent. */
  consent: Consent | null;
  firstName: string;
  /** Whether a copy went by e-mail. */
  mailed: boolean;
}

/**
 * A person is referred to the bridge-builders. With consent the case is opened for intake; without
 * it only the first name and the way to reach them are kept, and only for 14 days, so a bridge-builder
 * can ask. A self-referral counts towards a rate limit, as applications do, since anyone may send one.
 */
export async function refer(ctx: ServiceContext, input: ReferInput): Promise<ReferOutcome> {
  const others = mayReferOthers(ctx);
  const allowed = sourcesFor(ctx);
  const source: Source = others ? (input.source ?? allowed[0] ?? "self") : "self";
  if (!allowed.includes(source)) throw invalidField("source", "validation.invalid");
  if (source === "municipality" && !input.sourceUnit) throw invalidField("sourceUnit", "bridge.sourceUnit.required");
  const given = input.consent === "yes";
  const how = source === "self" ? "digital" : input.how;
  if (given && !how) throw invalidField("how", "bridge.consent.how.required");
  // The contact counts by its hash, so the limit's table never shows who was referred.
  if (!others && !(await withinLimit(ctx, "bridge_refer", [ctx.ip, hashSecret(input.contact.trim().toLowerCase())])))
    throw tooManyRequests("bridge.refer.rateLimited", { contact: "bridge.refer.rateLimited" });

  let referringAssociationId: string | null = null;
  if (source === "association" && isPerson(ctx.actor)) {
    const adminOf = [...ctx.actor.memberships].find(([, role]) => role === "admin")?.[0];
    if (!adminOf) throw invalidField("source", "validation.invalid");
    referringAssociationId = (await actFor(ctx, canAnswerReferral, adminOf, "source")).association.id;
  }

  return inTransaction(ctx, async (tx) => {
    const now = isoNow(tx.clock);
    const me = isPerson(tx.actor) ? tx.actor.userId : null;
    const consent: Consent | null = given && how && input.copy ? { at: now, by: me, purposes: input.purposes as Purpose[], how, copy: input.copy } : null;
    const c: BridgeCase = {
      id: newId(),
      tenantId: tx.tenant.id,
      firstName: input.firstName,
      contact: input.contact,
      personId: source === "self" ? me : null,
      language: input.language ?? null,
      source,
      sourceUnit: source === "municipality" ? (input.sourceUnit ?? null) : null,
      referredBy: source === "self" ? null : me,
      referringAssociationId,
      // The reason tells of the person: stored only with their consent.
      reason: consent ? input.reason : "",
      status: consent ? "intake" : "awaiting_consent",
      builderId: null,
      consent,
      wishes: "",
      interests: [],
      resources: "",
      needs: [],
      notes: "",
      slots: [],
      postcode: null,
      languages: [],
      intakeAt: null,
      shareFields: [],
      companionId: null,
      companionSince: null,
      purgeAfter: consent ? null : new Date(tx.clock.now().getTime() + DAYS_WITHOUT_CONSENT * DAY_MS).toISOString(),
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      sharedWith: [],
    };
    await repo.insertCase(tx.db, bridgeRing(tx), c, contactHashOf(c.contact));
    await audit(tx, "bridge.referred", { type: "bridge_case", id: c.id }, { source, consent: Boolean(consent) });
    let mailed = false;
    if (consent) {
      await audit(tx, "bridge.consent_recorded", { type: "bridge_case", id: c.id }, { how: consent.how, copy: consent.copy });
      if (consent.copy === "email") mailed = await mailConsentCopy(tx, c, consent);
    }
    return { consent, firstName: c.firstName, mailed };
  });
}
