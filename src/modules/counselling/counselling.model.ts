export const TOPICS = ["recruitment", "retention", "board", "fundraising", "startup", "cooperation", "other"] as const;
export type Topic = (typeof TOPICS)[number];
export const isTopic = (v: string): v is Topic => (TOPICS as readonly string[]).includes(v);

export type CaseStatus = "open" | "closed";
export type CaseSource = "staff" | "start";

/** A counselling case as staff see it. */
export interface CounsellingCase {
  id: string;
  tenantId: string;
  associationId: string | null;
  initiativeName: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  topic: Topic;
  about: string;
  source: CaseSource;
  status: CaseStatus;
  staffId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** One conversation of a case. */
export interface CounsellingEntry {
  id: string;
  caseId: string;
  heldOn: string;
  minutes: number;
  agreed: string;
  internalNote: string;
  nextStep: string | null;
  nextStepOn: string | null;
  responsibleId: string | null;
  remindedAt: string | null;
  createdBy: string | null;
  createdAt: string;
}

/** A conversation as the association's board sees it: never the internal note. */
export interface SharedEntry {
  heldOn: string;
  agreed: string;
  nextStep: string | null;
  nextStepOn: string | null;
}

/** A case in a list: its latest next step and the hours spent. */
export interface CaseRow extends CounsellingCase {
  nextStep: string | null;
  nextStepOn: string | null;
  minutes: number;
  lastHeldOn: string | null;
}

/** Who may see a case: the tenant's staff, and the board of its association. */
export interface CaseAccess {
  tenantId: string;
  associationId: string | null;
}

export interface CaseList {
  rows: (CaseRow & { name: string; staffName: string | null; overdue: boolean })[];
  staff: { id: string; name: string }[];
}

export interface CasePage {
  case: CounsellingCase;
  name: string;
  entries: (CounsellingEntry & { responsibleName: string | null; authorName: string | null })[];
  staffName: string | null;
  staff: { id: string; name: string }[];
  minutes: number;
  overdue: boolean;
  today: string;
}

export interface BoardCase {
  id: string;
  association: string;
  topic: Topic;
  status: CaseStatus;
  openedOn: string;
  closedAt: string | null;
  entries: SharedEntry[];
}
