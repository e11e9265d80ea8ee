import type { SearchDocument } from "../../platform/search/documents.js";

export const NEEDS = ["step_free", "companion", "no_local_language"] as const;
export const SETTINGS = ["any", "one_to_one", "group"] as const;
export const RHYTHMS = ["any", "regular", "one_off"] as const;
export type Need = (typeof NEEDS)[number];
export type Setting = (typeof SETTINGS)[number];
export type Rhythm = (typeof RHYTHMS)[number];

/** What a citizen tells about themself to be matched, as stored. */
export interface VolunteerProfile {
  userId: string;
  interests: string[];
  skills: string;
  slots: string[];
  postcode: string | null;
  maxKm: number | null;
  languages: string[];
  needs: Need[];
  setting: Setting;
  rhythm: Rhythm;
  updatedAt: string;
}

/** A citizen's consent to centre staff seeing their matches. */
export interface Consent {
  id: string;
  citizenId: string;
  staffId: string | null;
  note: string;
  givenAt: string;
  /** When the citizen confirmed it by the mailed link; null while only staff have recorded it. */
  confirmedAt: string | null;
  withdrawnAt: string | null;
  expiresAt: string;
}

/** A consent lets staff look while it has neither been withdrawn nor run out. */
export const isLive = (c: Consent, now: string) => c.withdrawnAt === null && c.expiresAt > now;

/** A profile as the matcher reads it: the postcode found on the map. */
export interface Profile {
  interests: string[];
  skills: string;
  slots: string[];
  origin: { lat: number; lon: number } | null;
  maxKm: number | null;
  languages: string[];
  needs: Need[];
  setting: Setting;
  rhythm: Rhythm;
}

export type ReasonCode = "interest" | "near" | "remote" | "time" | "anytime" | "rhythm" | "setting" | "language" | "step_free" | "companion" | "skills";
export interface Reason {
  code: ReasonCode;
  /** What the reason is about: the category, the distance, the commitment or setting, the skills. */
  detail?: string;
  /** The week slots of a time reason, the language codes of a language reason. */
  items?: string[];
}

/** One thing ranked for a person: the whole document when it is shown, or what ranking needs of it. */
export interface Match<D = SearchDocument> {
  doc: D;
  score: number;
  distanceKm: number | null;
  fits: Reason[];
  misfits: Reason[];
}

/** A citizen's matches as staff see them, under the consent that lets them. */
export interface CitizenMatches {
  citizen: { name: string; email: string };
  consent: Consent;
  matches: Match[] | null;
}

/** The profile form's fields: text as typed (absent before the first save), the checkbox groups as the codes chosen. */
export interface ProfileForm {
  interests: string[];
  skills?: string;
  slots: string[];
  postcode?: string;
  maxKm?: string;
  languages: string[];
  needs: string[];
  setting?: string;
  rhythm?: string;
}

export const profileForm = (p: VolunteerProfile | undefined): ProfileForm =>
  p
    ? {
        interests: p.interests,
        skills: p.skills,
        slots: p.slots,
        postcode: p.postcode ?? "",
        maxKm: p.maxKm?.toString() ?? "",
        languages: p.languages,
        needs: p.needs,
        setting: p.setting,
        rhythm: p.rhythm,
      }
    : { interests: [], slots: [], languages: [], needs: [] };
