import type { MessageKey } from "../../platform/i18n/i18n.js";
import type { EventKind, EventStatus, RegistrationStatus } from "./events.model.js";
import type { Closed } from "./waiting-list.js";

/** What each kind of event is called, wherever one is shown. */
export const kindLabels: Record<EventKind, MessageKey> = {
  course: "event.kind.course",
  theme_meeting: "event.kind.theme_meeting",
  network_meeting: "event.kind.network_meeting",
  regional_gathering: "event.kind.regional_gathering",
  social: "event.kind.social",
  fair: "event.kind.fair",
};

/** Where a registration stands, in words. */
export const registrationStatusLabels: Record<RegistrationStatus, MessageKey> = {
  unconfirmed: "registration.status.unconfirmed",
  registered: "registration.status.registered",
  waiting: "registration.status.waiting",
  offered: "registration.status.offered",
  cancelled: "registration.status.cancelled",
  expired: "registration.status.expired",
};

/** Why one cannot register, in words. */
export const closedLabels: Record<Closed, MessageKey> = {
  cancelled: "registration.closed.cancelled",
  notOpen: "registration.closed.notOpen",
  closed: "registration.closed.closed",
  ended: "registration.closed.ended",
  notPublished: "registration.closed.notPublished",
};

/** Why an event's page is not public yet, for its organisers. */
export const notPublicLabels: Partial<Record<EventStatus, MessageKey>> = {
  pending: "event.notPublic.pending",
  rejected: "event.notPublic.rejected",
};
