import type { EventKind, EventStatus, RegistrationStatus } from "./events.table.js";

export type { EventKind, EventStatus, RegistrationStatus };

export const EVENT_KINDS: EventKind[] = ["course", "theme_meeting", "network_meeting", "regional_gathering", "social", "fair"];
export const ORGANISERS = ["centre", "municipality", "association"] as const;
export const PLACES = ["premise", "address", "online"] as const;

/** One extra question on the registration form. A sensitive one (food, access needs) is sealed and deleted 30 days after the event. */
export interface EventQuestion {
  id: string;
  label: string;
  sensitive: boolean;
}

export interface EventSession {
  id: string;
  eventId: string;
  startsAt: string;
  endsAt: string;
}

export interface CommunityEvent {
  id: string;
  tenantId: string;
  kind: EventKind;
  organiser: (typeof ORGANISERS)[number];
  associationId: string | null;
  /** The organising association's name, when an association organises it. */
  associationName: string | null;
  title: string;
  description: string;
  categoryId: string | null;
  targetGroups: string[];
  languages: string[];
  accessibility: string[];
  place: (typeof PLACES)[number];
  premiseId: string | null;
  placeName: string | null;
  address: string | null;
  postcode: string | null;
  /** Told only to those registered. */
  onlineUrl: string | null;
  price: "free" | "cost";
  priceMinor: number | null;
  currency: string;
  capacity: number;
  /** How many people one registration may name (a board member registering three). */
  maxPerRegistration: number;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  questions: EventQuestion[];
  contactEmail: string;
  status: EventStatus;
  reviewNote: string | null;
  startsAt: string;
  endsAt: string;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  sessions: EventSession[];
  /** The network whose meeting this is: only its members and staff see it, and it is never public (networks). */
  networkId?: string | null;
  /** Only for associations that are current members of this member group (members); null or absent: open to everyone. */
  memberGroupId?: string | null;
}

export interface Registration {
  id: string;
  tenantId: string;
  eventId: string;
  groupId: string;
  userId: string | null;
  associationId: string | null;
  name: string;
  email: string;
  phone: string | null;
  status: RegistrationStatus;
  queueNo: number | null;
  offerExpiresAt: string | null;
  /** Question id → answer. */
  answers: Record<string, string>;
  overbooked: boolean;
  addedBy: string | null;
  language: string;
  createdAt: string;
  confirmedAt: string | null;
  updatedAt: string;
  remindedAt: string | null;
}

/** Statuses that hold a place or a place in the queue. */
export const LIVE: RegistrationStatus[] = ["unconfirmed", "registered", "waiting", "offered"];
/** Statuses that take one of the event's places. */
export const SEATED: RegistrationStatus[] = ["registered", "offered"];

/** How full an event is. */
export interface Occupancy {
  capacity: number;
  taken: number;
  waiting: number;
}
