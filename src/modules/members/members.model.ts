/** The kinds of membership of the centre (fixed; their names are in the catalogs). */
export const MEMBERSHIP_TYPES = ["full", "associate", "supporting"] as const;
export type MembershipType = (typeof MEMBERSHIP_TYPES)[number];

/** A year's fee as the centre recorded it; no payment is taken in Sammen. */
export const FEE_STATUSES = ["unpaid", "paid", "exempt"] as const;
export type FeeStatus = (typeof FEE_STATUSES)[number];

/** A group of members the centre keeps (social associations, self-organised groups, culture and sport, local councils…). */
export interface MemberGroup {
  id: string;
  tenantId: string;
  name: string;
  /** Members in it who have not left. */
  count: number;
}

/** An association that is a member of the centre. */
export interface Member {
  id: string;
  tenantId: string;
  associationId: string;
  associationName: string;
  associationEmail: string | null;
  membershipType: MembershipType;
  joinedOn: string;
  leftOn: string | null;
  groupIds: string[];
  /** Each recorded year's fee status, by year. */
  fees: Record<number, FeeStatus>;
}

export interface MemberFilter {
  groupId: string | null;
  type: MembershipType | null;
  /** Current members only (the default), those who left, or all. */
  status: "current" | "left" | "all";
}
