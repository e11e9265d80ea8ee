import { hasRole, isPerson, type Rule } from "../../platform/auth/policy.js";
import type { NetworkAccess } from "./network.model.js";

const staff = (actor: Parameters<Rule<{ tenantId: string }>>[0]) => hasRole(actor, "staff", "tenant_admin");
const roleOf = (actor: Parameters<Rule<NetworkAccess>>[0], n: NetworkAccess) => (isPerson(actor) ? (n.members.get(actor.userId) ?? null) : null);

/** Staff start networks and see every one of them; a member sees only her own. */
export const canRunNetworks: Rule<{ tenantId: string }> = (actor) => staff(actor);

/** A network, its meetings, agenda, minutes and files: its members and the tenant's staff. Everyone else gets a 404. */
export const canSeeNetwork: Rule<NetworkAccess> = (actor, n) => staff(actor) || roleOf(actor, n) !== null;

/** Any member puts a point on a coming meeting's agenda. */
export const canAddAgendaPoint: Rule<NetworkAccess> = (actor, n) => canSeeNetwork(actor, n);

/** The network's organisers (and staff) invite and remove members, order the agenda, and write the minutes. */
export const canOrganiseNetwork: Rule<NetworkAccess> = (actor, n) => staff(actor) || roleOf(actor, n) === "organiser";

/** Meetings are events: staff plan, change and cancel them with the event form. */
export const canPlanMeetings: Rule<{ tenantId: string }> = (actor) => staff(actor);
