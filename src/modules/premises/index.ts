import type { ModuleDefinition } from "../../platform/modules.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { offerLinkTargets } from "../agreements/index.js";
import { tellBookerJobs } from "./bookings/tell-booker.js";
import { personalData } from "./personal-data.js";
import { registerPremisesApi } from "./premises.api.js";
import { canBookForSomeAssociation, canDecideBookings, canManagePremises, canSeeRounds, mayInTenant } from "./premises.policy.js";
import { premisesRoutes } from "./premises.routes.js";
import { premiseTree } from "./premises.service.js";
import type {} from "./premises.table.js"; // its tables join the database interface
import { waitingInPremises } from "./start.js";

// Booking the room from an event's form (the events module): one booking per session, under the premise's rules.
export { bookRoomForEvent, type RoomBooked, type RoomRequest, type RoomTime, releaseRoomBookings, roomBookings } from "./bookings/event-bookings.js";
export { personalData } from "./personal-data.js";
export type { BookingStatus } from "./premises.model.js";

/** A premise as an event names its place: its name, and the address of it or the building it is in. */
export interface PremisePlace {
  id: string;
  name: string;
  address: string | null;
  postcode: string | null;
  capacity: number | null;
  accessibility: string[];
}

/** The tenant's premises an event can take place in (rooms, halls and outdoor spaces; no equipment), by name. */
export async function premisePlaces(ctx: Pick<ServiceContext, "db" | "tenant">): Promise<PremisePlace[]> {
  const tree = await premiseTree(ctx);
  return tree.all
    .filter((p) => p.kind !== "equipment")
    .map((p) => ({
      id: p.id,
      name: tree.lineage(p.id).length > 1 ? `${p.name}, ${tree.building(p.id)?.name ?? ""}` : p.name,
      address: tree.lineage(p.id).find((x) => x.address)?.address ?? null,
      postcode: tree.postcodeOf(p.id),
      capacity: p.capacity,
      accessibility: p.accessibility,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const premisesModule: ModuleDefinition = {
  name: "premises",
  waiting: waitingInPremises,
  mounts: [{ path: "/premises", routes: premisesRoutes }],
  api: registerPremisesApi,
  personalData,
  jobs: tellBookerJobs,
  notices: { booked: "notice.booked", requested: "notice.requested", requestsDecided: "notice.requestsDecided" },
  nav: [
    { href: "/premises", label: "nav.premises", group: "public", visible: () => true },
    { href: "/premises/bookings", label: "nav.myBookings", group: "association", visible: (a) => mayInTenant(a, canBookForSomeAssociation) },
    { href: "/premises/rounds", label: "nav.rounds", group: "premises", visible: (a) => mayInTenant(a, canSeeRounds) },
    { href: "/premises/requests", label: "nav.bookingRequests", group: "premises", visible: (a) => mayInTenant(a, canDecideBookings) },
    { href: "/premises/usage", label: "nav.premisesUsage", group: "premises", visible: (a) => mayInTenant(a, canDecideBookings) },
    { href: "/premises/manage", label: "nav.managePremises", group: "premises", visible: (a) => mayInTenant(a, canManagePremises) },
  ],
};

// A cooperation agreement can name the premises that are part of it (the agreements module imports nothing of premises).
offerLinkTargets("premise", async (ctx) => (await premisePlaces(ctx)).map((p) => ({ id: p.id, name: p.name })));
