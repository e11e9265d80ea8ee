import type { ServiceContext } from "../../platform/service-context.js";
import { countryProfile } from "../../platform/tenants/countries.js";
import type { Tenant } from "../../platform/tenants/tenants.js";
import { localToday } from "../../platform/time/recurrence.js";
import { identities } from "../associations/index.js";
import type { AwardedGrant } from "./grants.model.js";
import { awardedGrants } from "./public.repository.js";
import { findSettings } from "./settings.repository.js";

/**
 * The grants a tenant has made, in the 360Giving Data Standard (https://standard.threesixtygiving.org):
 * one record per application granted in full or reduced in a round whose decisions are sent. Nothing
 * else leaves: no drafts, no refusals, no rounds still being decided, no person's name.
 */

/** The version of the standard the package follows (its schema is in test/fixtures/360giving). */
export const STANDARD_VERSION = "1.4";
/** Open data is free to reuse: Creative Commons Attribution. */
export const LICENSE = "https://creativecommons.org/licenses/by/4.0/";
/** The longest description a record carries: a line or two, not the whole application. */
const DESCRIPTION_MAX = 280;

export interface Funder {
  /** The 360Giving identifier prefix ("360G-sonderby"). */
  prefix: string;
  id: string;
  name: string;
}

export interface Organisation {
  id: string;
  name: string;
}

/** One grant as 360Giving writes it. */
export interface GrantRecord {
  id: string;
  title: string;
  description: string;
  currency: string;
  amountAwarded: number;
  awardDate: string;
  recipientOrganization: Organisation[];
  fundingOrganization: Organisation[];
  grantProgramme: { title: string }[];
  dateModified: string;
}

/** Who publishes: the tenant's own identifiers, or a prefix made from its slug and its name as the funder. */
export function funderOf(
  tenant: Pick<Tenant, "slug" | "name">,
  settings: { idPrefix: string | null; funderId: string | null; funderName: string | null },
): Funder {
  const prefix = settings.idPrefix?.trim() || `360G-sammen-${tenant.slug}`;
  return { prefix, id: settings.funderId?.trim() || `${prefix}-ORG-${tenant.slug}`, name: settings.funderName?.trim() || tenant.name };
}

const shorten = (text: string) => {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= DESCRIPTION_MAX) return flat;
  const cut = flat.slice(0, DESCRIPTION_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), DESCRIPTION_MAX / 2)).trimEnd()}…`;
};

/** Minor units (øre, cents) as the standard's plain number of major units. */
const major = (minor: number) => Math.round(minor) / 100;

export function toGrantRecord(g: AwardedGrant, funder: Funder, tenant: Pick<Tenant, "country" | "timeZone">): GrantRecord {
  const profile = countryProfile(tenant.country);
  const summary = typeof g.answers.summary === "string" ? g.answers.summary : "";
  const registered = g.registrationNumber?.replace(/\s+/g, "");
  return {
    id: `${funder.prefix}-${g.reference}`,
    title: g.title,
    description: shorten(summary || g.schemePurpose || g.title),
    currency: profile.currency,
    amountAwarded: major(g.amount),
    awardDate: localToday(new Date(g.decidedAt), tenant.timeZone),
    recipientOrganization: [
      { id: registered ? `${profile.register.scheme}-${registered}` : `${funder.prefix}-ORG-${g.associationId}`, name: g.associationName },
    ],
    fundingOrganization: [{ id: funder.id, name: funder.name }],
    grantProgramme: [{ title: g.schemeTitle }],
    dateModified: new Date(g.updatedAt).toISOString(),
  };
}

/** The tenant's grants made in decided rounds (of one round when given), with who got them, by the association's name. */
export async function grantsMade(ctx: Pick<ServiceContext, "db" | "tenant">, roundId?: string): Promise<AwardedGrant[]> {
  const [made, associations] = await Promise.all([awardedGrants(ctx.db, ctx.tenant.id, roundId), identities(ctx.db, ctx.tenant.id)]);
  const byId = new Map(associations.map((a) => [a.id, a]));
  const order = new Intl.Collator(ctx.tenant.defaultLanguage);
  return made
    .map((g) => ({ ...g, associationName: byId.get(g.associationId)?.name ?? "", registrationNumber: byId.get(g.associationId)?.registrationNumber ?? null }))
    .sort((a, b) => order.compare(a.associationName, b.associationName) || a.reference.localeCompare(b.reference));
}

/** The tenant's grants made, as 360Giving records, with who publishes them. */
export async function publishedGrants(ctx: Pick<ServiceContext, "db" | "tenant">): Promise<{ funder: Funder; grants: GrantRecord[] }> {
  const [settings, awarded] = await Promise.all([findSettings(ctx.db, ctx.tenant.id), grantsMade(ctx)]);
  const funder = funderOf(ctx.tenant, settings);
  const grants = awarded.map((g) => toGrantRecord(g, funder, ctx.tenant)).sort((a, b) => a.id.localeCompare(b.id));
  return { funder, grants };
}

/**
 * A 360Giving data package. The standard asks for at least one grant in a package; a tenant that has
 * made none yet still gets a package, with an empty list, so a harvester sees the file exists.
 */
export function grantPackage(funder: Funder, grants: GrantRecord[], baseUrl: string) {
  const modified = grants.reduce((last, g) => (g.dateModified > last ? g.dateModified : last), "");
  return {
    version: STANDARD_VERSION,
    title: `Grants made by ${funder.name}`,
    identifier: `${funder.prefix}-grants`,
    ...(modified ? { modified } : {}),
    publisher: { name: funder.name, identifier: funder.id, website: `${baseUrl}/` },
    license: LICENSE,
    downloadURL: `${baseUrl}/open-data/360giving.json`,
    accessURL: `${baseUrl}/open-data`,
    grants,
  };
}

/** The standard's column titles, in the order the CSV file has them. */
export const CSV_COLUMNS = [
  "Identifier",
  "Title",
  "Description",
  "Currency",
  "Amount Awarded",
  "Award Date",
  "Recipient Org:Identifier",
  "Recipient Org:Name",
  "Funding Org:Identifier",
  "Funding Org:Name",
  "Grant Programme:Title",
  "Last modified",
] as const;

export const csvRow = (g: GrantRecord): (string | number)[] => [
  g.id,
  g.title,
  g.description,
  g.currency,
  g.amountAwarded,
  g.awardDate,
  g.recipientOrganization[0]?.id ?? "",
  g.recipientOrganization[0]?.name ?? "",
  g.fundingOrganization[0]?.id ?? "",
  g.fundingOrganization[0]?.name ?? "",
  g.grantProgramme[0]?.title ?? "",
  g.dateModified,
];
