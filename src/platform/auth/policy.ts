import { forbidden, unauthenticated } from "../http/errors.js";

export const STAFF_ROLES = ["staff", "caseworker", "tenant_admin", "bridge_builder", "referrer", "committee"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type AssociationRole = "member" | "admin";

/** Who is asking: nobody, or a signed-in person with their tenant roles and association memberships. */
export type Actor =
  | { kind: "anonymous"; tenantId: string }
  | {
      kind: "person";
      tenantId: string;
      userId: string;
      name: string;
      email: string;
      roles: ReadonlySet<StaffRole>;
      memberships: ReadonlyMap<string, AssociationRole>;
    };

export type Person = Extract<Actor, { kind: "person" }>;

export const isPerson = (actor: Actor): actor is Person => actor.kind === "person";

export function hasRole(actor: Actor, ...roles: StaffRole[]): boolean {
  return isPerson(actor) && roles.some((r) => actor.roles.has(r));
}

export function associationRole(actor: Actor, associationId: string): AssociationRole | null {
  return isPerson(actor) ? (actor.memberships.get(associationId) ?? null) : null;
}

/** A rule: may this actor do this to this record? Records always carry their tenant. */
export type Rule<R> = (actor: Person, record: R) => boolean;

/**
 * The one policy check every route goes through. It refuses across tenants before any rule runs,
 * and asks anonymous actors to sign in.
 */
export function can<R extends { tenantId: string }>(actor: Actor, rule: Rule<R>, record: R): boolean {
  if (!isPerson(actor) || actor.tenantId !== record.tenantId) return false;
  return rule(actor, record);
}

export function authorize<R extends { tenantId: string }>(actor: Actor, rule: Rule<R>, record: R): asserts actor is Person {
  if (!isPerson(actor)) throw unauthenticated();
  if (!can(actor, rule, record)) throw forbidden();
}
