import type { NetworkRole } from "./network.table.js";

export type { NetworkRole };

/** A standing group whose meetings only its members (and the tenant's staff) see. */
export interface Network {
  id: string;
  tenantId: string;
  name: string;
  description: string;
  createdAt: string;
  updatedAt: string;
}

export interface NetworkMember {
  id: string;
  tenantId: string;
  networkId: string;
  email: string;
  name: string;
  organisation: string | null;
  userId: string | null;
  role: NetworkRole;
  invitedBy: string | null;
  invitedAt: string;
  joinedAt: string | null;
  leftAt: string | null;
}

export interface AgendaPoint {
  id: string;
  eventId: string;
  memberId: string | null;
  authorName: string | null;
  title: string;
  text: string;
  position: number;
  createdAt: string;
}

export interface Minutes {
  eventId: string;
  text: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface MeetingFile {
  id: string;
  eventId: string;
  fileId: string;
  name: string;
  contentType: string;
  size: number;
  createdAt: string;
}

/** Who may see a network and what they may do there: its live members by account, with their role. */
export interface NetworkAccess {
  tenantId: string;
  /** User id → role, for the members who have joined and not left. */
  members: ReadonlyMap<string, NetworkRole>;
}
