export type NetworkRole = "organiser" | "member";

export interface NetworksTable {
  id: string;
  tenant_id: string;
  name: string;
  description: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface NetworkMembersTable {
  id: string;
  tenant_id: string;
  network_id: string;
  email: string;
  name: string;
  /** Free text: the centre or tenant she comes from, "Frivilligcenter Aarhus". */
  organisation: string | null;
  /** Her account on this tenant, once she has accepted the invitation. */
  user_id: string | null;
  role: NetworkRole;
  invited_by: string | null;
  invited_at: string;
  joined_at: string | null;
  left_at: string | null;
}

export interface NetworkAgendaPointsTable {
  id: string;
  tenant_id: string;
  event_id: string;
  member_id: string | null;
  author_name: string | null;
  title: string;
  text: string;
  position: number;
  created_at: string;
}

export interface NetworkMinutesTable {
  event_id: string;
  tenant_id: string;
  text: string;
  updated_by: string | null;
  updated_at: string;
  published_at: string | null;
}

export interface NetworkFilesTable {
  id: string;
  tenant_id: string;
  event_id: string;
  file_id: string;
  name: string;
  content_type: string;
  size: number;
  uploaded_by: string | null;
  created_at: string;
}

/** These tables in the database interface, so `db/schema.ts` need not know them. */
declare module "../../db/schema.js" {
  interface DB {
    networks: NetworksTable;
    network_members: NetworkMembersTable;
    network_agenda_points: NetworkAgendaPointsTable;
    network_minutes: NetworkMinutesTable;
    network_files: NetworkFilesTable;
  }
}
