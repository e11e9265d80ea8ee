/** How close the cooperation is, from the Danish municipalities' usual scale: information, dialogue, cooperation, partnership. */
export const LEVELS = ["information", "dialogue", "cooperation", "partnership"] as const;
export type Level = (typeof LEVELS)[number];

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
  level: Level;
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
  level: Level;
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
