import { can } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { eventJobs } from "./event-jobs.js";
import type {} from "./event-room.table.js"; // the rooms booked for events join it too
import { registerEventsApi } from "./events.api.js";
import { canModerateEvents, canOrganiseEvents, canRunCentreEvents } from "./events.policy.js";
import * as eventsRepo from "./events.repository.js";
import { eventsRoutes } from "./events.routes.js";
import type {} from "./events.table.js"; // its tables join the database interface
import type {} from "./fair.table.js";
import { canRunNetworks } from "./network.policy.js";
import * as networkRepo from "./network.repository.js";
import type {} from "./network.table.js"; // the networks' tables join the database interface
import { notAPerson, personalData } from "./personal-data.js";
import { fairVisitorRoutes } from "./routes/fair.routes.js";
import { networkRoutes } from "./routes/network.routes.js";
import { waitingInEvents } from "./start.js";

export { publishedEvent } from "./calendar.service.js";
export { eventJsonLd } from "./events.jsonld.js";
export { indexEvent } from "./events.search.js";

export const eventsModule: ModuleDefinition = {
  name: "events",
  mounts: [
    { path: "/events", routes: eventsRoutes },
    // A stand's sign has a QR code to its visitors' page: short, to type from the sign if need be.
    { path: "/fair", routes: fairVisitorRoutes },
    { path: "/networks", routes: networkRoutes },
  ],
  api: registerEventsApi,
  jobs: eventJobs,
  notices: {
    registered: "notice.registered",
    onWaitingList: "notice.onWaitingList",
    registrationConfirmed: "notice.registrationConfirmed",
    registrationCancelled: "notice.registrationCancelled",
    leftWaitingList: "notice.leftWaitingList",
    placeAccepted: "notice.placeAccepted",
    eventCreated: "eventForm.notice.created",
    eventChanged: "eventForm.notice.changed",
    eventPending: "eventForm.notice.pending",
    eventChangePending: "eventroom.notice.changePending",
    eventCancelled: "eventForm.notice.cancelled",
    eventApproved: "eventForm.notice.approved",
    eventSentBack: "eventForm.notice.sentBack",
    standApplied: "fair.notice.applied",
    standWithdrawn: "fair.notice.withdrawn",
    standDeclined: "fair.notice.declined",
    // networks
    networkCreated: "networks.notice.created",
    networkJoined: "networks.notice.joined",
    networkInvited: "networks.notice.invited",
    networkMemberRemoved: "networks.notice.memberRemoved",
    meetingPlanned: "networks.notice.meetingPlanned",
    agendaPointAdded: "networks.notice.pointAdded",
    agendaPointRemoved: "networks.notice.pointRemoved",
    minutesSaved: "networks.notice.minutesSaved",
    meetingFileAdded: "networks.notice.fileAdded",
    meetingFileRemoved: "networks.notice.fileRemoved",
  },
  personalData,
  notAPerson,
  sealedFields: [{ table: "event_registrations", column: "sensitive_answers", key: ["id"] }],
  waiting: waitingInEvents,
  nav: [
    { href: "/events", label: "nav.events", group: "public", visible: () => true },
    // Staff run the centre's events; an association's admin its own (the same list, filtered by the policy).
    { href: "/events/manage", label: "nav.manageEvents", group: "centre", visible: (a) => can(a, canRunCentreEvents, { tenantId: a.tenantId }) },
    {
      href: "/events/manage",
      label: "nav.ourEvents",
      group: "association",
      visible: (a) => !can(a, canRunCentreEvents, { tenantId: a.tenantId }) && can(a, canOrganiseEvents, { tenantId: a.tenantId }),
    },
    { href: "/events/moderation", label: "nav.eventModeration", group: "centre", visible: (a) => can(a, canModerateEvents, { tenantId: a.tenantId }) },
    // Staff see every network; a member finds hers on her start page (the menu cannot ask the database).
    { href: "/networks", label: "nav.networks", group: "centre", visible: (a) => can(a, canRunNetworks, { tenantId: a.tenantId }) },
  ],
};

/** Which associations organise a published event that has not ended, in which category: for a newsletter to the associations of a category. */
export async function currentEventCategories(ctx: Pick<ServiceContext, "db" | "tenant" | "clock">): Promise<{ categoryId: string; associationId: string }[]> {
  return eventsRepo.associationsByCategory(ctx.db, ctx.tenant.id, isoNow(ctx.clock));
}

/** The tenant's networks with how many members each has (joined, not left): the choices of a newsletter to a network. */
export async function networkChoices(ctx: Pick<ServiceContext, "db" | "tenant">): Promise<{ id: string; name: string; count: number }[]> {
  return networkRepo.networksWithCounts(ctx.db, ctx.tenant.id);
}

/** The addresses of a network's members (joined, not left); null when the tenant has no such network. */
export async function networkMemberAddresses(ctx: Pick<ServiceContext, "db" | "tenant">, networkId: string): Promise<string[] | null> {
  if (!(await networkRepo.findNetwork(ctx.db, ctx.tenant.id, networkId))) return null;
  return networkRepo.joinedAddresses(ctx.db, ctx.tenant.id, networkId);
}
