import { v5 as uuidv5 } from "uuid";
import { type Lang, languageNames } from "../../platform/i18n/i18n.js";
import type { Place } from "../../platform/search/postcodes.js";
import { type CountryCode, countryProfile } from "../../platform/tenants/countries.js";
import type { Term, TermKind } from "../taxonomy/index.js";
import type { OrganizationRecord, ServiceRecord } from "./open-data.model.js";

/** Records HSDS wants as their own (locations, languages, links) get ids derived from ours, so they never change. */
const NAMESPACE = "5b8e3c1a-7f0d-4c52-9a3e-2d6b1f4e8c90";
export const derivedId = (...parts: string[]) => uuidv5(parts.join(":"), NAMESPACE);

export interface Site {
  baseUrl: string;
  tenantId: string;
  tenantName: string;
  country: CountryCode;
  lang: Lang;
}

const withoutEmpty = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;

export function organization(a: OrganizationRecord, site: Site) {
  return withoutEmpty({
    id: a.id,
    name: a.name,
    description: `${a.name}, ${site.tenantName}`,
    email: a.email,
    uri: `${site.baseUrl}/api/v1/hsds/organizations/${a.id}`,
  });
}

export function fullOrganization(a: OrganizationRecord, site: Site, services: ServiceRecord[]) {
  const { register } = countryProfile(site.country);
  return {
    ...organization(a, site),
    organization_identifiers: a.registrationNumber
      ? [
          {
            id: derivedId(a.id, "identifier"),
            organization_id: a.id,
            identifier_scheme: register.scheme,
            identifier_type: register.name,
            identifier: a.registrationNumber,
          },
        ]
      : [],
    services: services.map((j) => service(j, site)),
  };
}

export function service(j: ServiceRecord, site: Site) {
  return withoutEmpty({
    id: j.id,
    organization_id: j.associationId,
    name: j.title,
    description: `${j.description}\n\n${j.benefits}`.trim(),
    url: `${site.baseUrl}${j.kind === "offer" ? "/directory/offers/" : "/opportunities/"}${j.id}`,
    email: j.contactEmail,
    status: "active",
    minimum_age: j.minAge,
    last_modified: j.updatedAt,
  });
}

function category(j: ServiceRecord, site: Site) {
  if (!j.category) return null;
  const name = j.category.labels[site.lang] ?? j.category.labels.da ?? j.category.code;
  return {
    id: j.category.id,
    code: j.category.code,
    name,
    description: name,
    taxonomy_id: derivedId(site.tenantId, "taxonomy", "category"),
    language: site.lang,
  };
}

export function location(j: ServiceRecord, place: Place | null, site: Site) {
  const id = derivedId(j.id, "location");
  return withoutEmpty({
    id,
    location_type: "physical",
    name: j.place ?? place?.name ?? null,
    latitude: place?.lat ?? null,
    longitude: place?.lon ?? null,
    addresses: j.postcode
      ? [
          {
            id: derivedId(j.id, "address"),
            location_id: id,
            address_1: j.place ?? place?.name ?? j.postcode,
            city: place?.name ?? "",
            state_province: "",
            postal_code: j.postcode,
            country: site.country,
            address_type: "physical",
          },
        ]
      : [],
  });
}

/** A service done at a place; remote ones have none. A service has one place, so the link takes its id. */
export function serviceAtLocation(j: ServiceRecord, place: Place | null, site: Site) {
  if (j.remote || (!j.place && !j.postcode)) return null;
  return { id: j.id, service_id: j.id, location_id: derivedId(j.id, "location"), location: location(j, place, site) };
}

export function fullService(j: ServiceRecord, place: Place | null, site: Site, organizationRecord: OrganizationRecord) {
  const term = category(j, site);
  const at = serviceAtLocation(j, place, site);
  return {
    ...service(j, site),
    organization: organization(organizationRecord, site),
    languages: j.languages.map((code) => ({
      id: derivedId(j.id, "language", code),
      service_id: j.id,
      name: languageNames[code as Lang] ?? code,
      code,
    })),
    attributes: term
      ? [
          {
            id: derivedId(j.id, "attribute", term.id),
            link_id: j.id,
            link_type: "category",
            link_entity: "service",
            taxonomy_term_id: term.id,
            taxonomy_term: term,
          },
        ]
      : [],
    service_at_locations: at ? [at] : [],
  };
}

const TAXONOMY_NAMES: Record<TermKind, string> = { category: "Sammen: categories", target_group: "Sammen: target groups" };

export function taxonomy(kind: TermKind, site: Site) {
  return {
    id: derivedId(site.tenantId, "taxonomy", kind),
    name: TAXONOMY_NAMES[kind],
    description: `${TAXONOMY_NAMES[kind]} (${site.tenantName})`,
  };
}

export function taxonomyTerm(term: Term, kind: TermKind, site: Site) {
  return {
    id: term.id,
    code: term.code,
    name: term.label,
    description: term.label,
    taxonomy_id: derivedId(site.tenantId, "taxonomy", kind),
    language: site.lang,
  };
}

/** HSDS's page envelope around a list. */
export function page<T>(contents: T[], total: number, pageNumber: number, perPage: number) {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
