import type { Lang } from "../../platform/i18n/i18n.js";

/**
 * How close the cooperation is: the tenant's own scale, kept by its caseworkers. Every tenant starts with
 * the Danish municipalities' usual four, whose ids are these.
 */
export const DEFAULT_LEVELS = ["information", "dialogue", "cooperation", "partnership"] as const;
export type DefaultLevel = (typeof DEFAULT_LEVELS)[number];

/** A text in each of the tenant's languages. */
export type LangTexts = Partial<Record<Lang, string>>;

/** One step of the tenant's scale. */
export interface AgreementLevel {
  id: string;
  position: number;
  names: LangTexts;
  descriptions: LangTexts;
}

/** A level as a reader sees it: its name and description in their language (else the tenant's own). */
export interface LevelName {
  id: string;
  name: string;
  description: string;
}

/** The text in the reader's language, else in the tenant's, else in any language it has. */
export const textIn = (texts: LangTexts, lang: Lang, fallback: Lang): string => texts[lang] || texts[fallback] || Object.values(texts).find(Boolean) || "";

export const levelNames = (levels: AgreementLevel[], lang: Lang, fallback: Lang): LevelName[] =>
  levels.map((l) => ({ id: l.id, name: textIn(l.names, lang, fallback), description: textIn(l.descriptions, lang, fallback) }));

/** The name of an agreement's level on a page (a level no longer on the scale shows its id). */
export const nameOfLevel = (levels: LevelName[], id: string) => levels.find((l) => l.id === id)?.name ?? id;

/** Most levels a tenant's scale holds. */
export const MAX_LEVELS = 12;

/** Draft while it is being written, agreed once both sides have said yes, ended when it stops (or was stopped). */
export const STATUSES = ["draft", "agreed", "ended"] as const;
export type AgreementStatus = (typeof STATUSES)[number];

export const LINK_KINDS = ["grant_scheme", "premise"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** Days before its end an agreement's caseworker and contact person are reminded (once). */
export const REMIND_DAYS_BEFORE_END = 60;

/** An association that is a party, with what it gives (premises, money, people, tasks — in words). */
export interface Party {
  associationId: string;
  name: string;
  gives: string;
}

export interface Agreement {
  id: string;
  tenantId: string;
  seriesId: string;
  previousId: string | null;
  title: string;
  purpose: string;
  /** The id of one of the tenant's levels. */
  level: string;
  status: AgreementStatus;
  municipalUnit: string;
  municipalityGives: string;
  startsOn: string;
  endsOn: string | null;
  isPublic: boolean;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  notes: string;
  responsibleUserId: string | null;
  remindedAt: string | null;
  endedAt: string | null;
  /** Why it was ended, as written on the confirmation page. */
  endNote: string;
  createdAt: string;
  updatedAt: string;
  parties: Party[];
}

export interface AgreementDocument {
  id: string;
  agreementId: string;
  fileId: string;
  name: string;
  contentType: string;
  size: number;
  createdAt: string;
}

export interface AgreementLink {
  kind: LinkKind;
  refId: string;
}

/** What the public register and the API show of an agreement marked public: never contacts, notes or documents. */
export interface PublicAgreement {
  id: string;
  title: string;
  purpose: string;
  level: string;
  municipalUnit: string;
  municipalityGives: string;
  parties: { associationId: string; name: string; gives: string }[];
  startsOn: string;
  endsOn: string | null;
}

export const publicPart = (a: Agreement): PublicAgreement => ({
  id: a.id,
  title: a.title,
  purpose: a.purpose,
  level: a.level,
  municipalUnit: a.municipalUnit,
  municipalityGives: a.municipalityGives,
  parties: a.parties.map((p) => ({ associationId: p.associationId, name: p.name, gives: p.gives })),
  startsOn: a.startsOn,
  endsOn: a.endsOn,
});

/** In the public register: agreed, marked public, and running on this day. */
export const inRegister = (a: Agreement, today: string) =>
  a.status === "agreed" && a.isPublic && a.startsOn <= today && (a.endsOn === null || a.endsOn >= today);

/** What the form offers: the tenant's associations, and the grant schemes and premises an agreement can name. */
export interface FormChoices {
  /** The tenant's scale, in the reader's language. */
  levels: LevelName[];
  associations: { id: string; name: string }[];
  links: { kind: LinkKind; id: string; name: string }[];
}

/** An agreement's page: the agreement, its documents, links and periods, and what the person may do. */
export interface AgreementPageData {
  agreement: Agreement;
  documents: AgreementDocument[];
  links: (AgreementLink & { name: string })[];
  series: Pick<Agreement, "id" | "startsOn" | "endsOn" | "status">[];
  choices: FormChoices;
  responsible: string | null;
  mayEdit: boolean;
  today: string;
}
