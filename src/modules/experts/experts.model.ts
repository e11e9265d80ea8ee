/** The skills boards ask for most; an expert ticks the ones they can, a board names the one it needs. */
export const SKILLS = ["finance", "law", "communication", "it", "fundraising", "chairing"] as const;
export type Skill = (typeof SKILLS)[number];

export const PROFILE_STATUSES = ["active", "paused", "left"] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];

export const REQUEST_STATUSES = ["open", "proposed", "matched", "closed"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const MATCH_STATUSES = ["proposed", "accepted", "declined", "closed"] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

export interface ExpertProfile {
  id: string;
  tenantId: string;
  userId: string;
  skills: Skill[];
  experience: string;
  hoursPerMonth: number;
  phone: string | null;
  status: ProfileStatus;
  createdAt: string;
  updatedAt: string;
}

/** An expert with the name and address of their account (the address is shown only where the policy allows). */
export interface Expert extends ExpertProfile {
  name: string;
  email: string;
}

export interface ExpertRequest {
  id: string;
  tenantId: string;
  associationId: string;
  skill: Skill;
  description: string;
  neededBy: string | null;
  status: RequestStatus;
  askedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ExpertMatch {
  id: string;
  tenantId: string;
  requestId: string;
  expertId: string;
  status: MatchStatus;
  proposedBy: string | null;
  proposedAt: string;
  answeredAt: string | null;
  closedAt: string | null;
  closedBy: string | null;
  expertRating: number | null;
  expertComment: string | null;
  boardRating: number | null;
  boardComment: string | null;
  boardRatedBy: string | null;
}

export interface HoursEntry {
  id: string;
  tenantId: string;
  matchId: string;
  onDate: string;
  minutes: number;
  what: string;
  loggedBy: string | null;
  createdAt: string;
}

/** Why an expert suits a request (or does not quite), as codes a view puts into words. */
export type ExpertReasonCode = "skill" | "hours" | "free" | "busy";
export interface ExpertReason {
  code: ExpertReasonCode;
  skill?: Skill;
  count?: number;
}

export interface ExpertSuggestion {
  expert: Expert;
  score: number;
  /** Matches they are helping with now (accepted, not closed) or have been asked about. */
  load: number;
  fits: ExpertReason[];
  misfits: ExpertReason[];
}

/** What the policy needs to know of a match: whose it is and how far it has come. */
export interface MatchAccess {
  tenantId: string;
  associationId: string;
  expertUserId: string;
  status: MatchStatus;
}

/** A match has been agreed (accepted, or closed after it was): only then does the board see the expert's contact details. */
export const agreed = (status: MatchStatus) => status === "accepted" || status === "closed";

export interface MatchItem {
  match: ExpertMatch;
  request: ExpertRequest;
  association: string;
}

export interface RequestItem {
  request: ExpertRequest;
  association: string;
  /** The expert who has accepted it, when one has (the board sees who; staff see who was asked too). */
  expert: { name: string; matchId: string } | null;
}

export interface RequestPage {
  request: ExpertRequest;
  association: string;
  /** Who has been asked, and how they answered (staff); the one who accepted (the board). */
  matches: { match: ExpertMatch; expert: Expert }[];
  suggestions: ExpertSuggestion[];
  mayPropose: boolean;
}

export interface MatchPage {
  match: ExpertMatch;
  request: ExpertRequest;
  association: string;
  expert: Expert;
  hours: HoursEntry[];
  totalMinutes: number;
  /** Which side the reader is on, if either. */
  side: "expert" | "board" | null;
  mayAnswer: boolean;
  mayLogHours: boolean;
  mayRate: boolean;
  showContact: boolean;
}

export interface HoursFigures {
  byExpert: { expert: Expert; minutes: number; bySkill: Partial<Record<Skill, number>> }[];
  bySkill: { skill: Skill; minutes: number }[];
  totalMinutes: number;
}
