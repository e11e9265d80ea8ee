export interface MemberGroupsTable {
  id: string;
  tenant_id: string;
  name: string;
  created_at: string;
}

export interface MembersTable {
  id: string;
  tenant_id: string;
  association_id: string;
  membership_type: string;
  joined_on: string;
  left_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface MemberGroupLinksTable {
  tenant_id: string;
  group_id: string;
  member_id: string;
}

export interface MemberFeesTable {
  tenant_id: string;
  member_id: string;
  year: number;
  status: string;
  recorded_at: string;
}

/** These tables in the database interface, so `db/schema.ts` need not know them. */
declare module "../../db/schema.js" {
  interface DB {
    member_groups: MemberGroupsTable;
    members: MembersTable;
    member_group_links: MemberGroupLinksTable;
    member_fees: MemberFeesTable;
  }
}
