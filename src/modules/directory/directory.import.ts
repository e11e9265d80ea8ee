import { audit } from "../../platform/audit/audit.js";
import { authorize } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import type { CsvRow, ImportProblem, ImportReport } from "../../platform/csv-import.js";
import { issuesToFieldErrors } from "../../platform/http/forms.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import type { ImportKind } from "../../platform/ui/import-page.js";
import { identities, REGISTRATION_NUMBER_NAMES } from "../associations/index.js";
import { terms } from "../taxonomy/index.js";
import { canModerateOffers } from "./directory.policy.js";
import * as repo from "./directory.repository.js";
import { type OfferInput, offerInput } from "./directory.schema.js";
import { freshState, syncOfferSearch } from "./directory.service.js";

export const OFFER_IMPORT: ImportKind = {
  action: "/directory/import",
  texts: { title: "offerImport.title", intro: "offerImport.intro", columns: "offerImport.columns", done: "offerImport.done" },
  columns: {
    association: ["forening", "organisation", "lag", "vereniging", "association_name"],
    registrationNumber: REGISTRATION_NUMBER_NAMES,
    kind: ["type", "art", "soort"],
    title: ["titel", "navn", "tittel", "naam", "name"],
    description: ["beskrivelse", "tekst", "omschrijving", "text"],
    category: ["kategori", "categorie"],
    targetGroups: ["målgrupper", "målgruppe", "doelgroep", "doelgroepen", "target_group"],
    placeName: ["sted", "lokale", "plaats", "locatie", "place"],
    address: ["adresse", "adres"],
    postcode: ["postnr", "postnummer", "postcode", "zip"],
    timeText: ["tid", "tidspunkt", "hvornår", "når", "tijd", "wanneer", "time"],
    price: ["pris", "prijs", "kosten"],
    contactEmail: ["e-mail", "mail", "epost", "e-post", "email"],
    contactPhone: ["telefon", "tlf", "telefoon", "phone"],
    linkUrl: ["link", "hjemmeside", "nettside", "website", "url"],
  },
  required: ["title", "description", "contactEmail"],
  fieldLabels: {
    association: "offerImport.association",
    registrationNumber: "association.regNumber",
    kind: "offer.kind",
    title: "offer.title",
    description: "offer.description",
    categoryId: "opportunity.category",
    targetGroups: "offer.targetGroups",
    placeName: "offer.placeName",
    address: "offer.address",
    postcode: "opportunity.postcode",
    timeText: "offer.time",
    price: "search.facet.price",
    contactEmail: "opportunity.contactEmail",
    contactPhone: "association.phone",
    linkUrl: "offer.link",
  },
};

const KIND_NAMES: Record<string, OfferInput["kind"]> = {
  activity: "activity",
  aktivitet: "activity",
  activiteit: "activity",
  help: "help",
  hjælp: "help",
  hjelp: "help",
  hulp: "help",
  tilbud: "help",
};
const FREE = new Set(["", "0", "free", "gratis", "kostenloos", "nej", "nei", "nee", "no"]);
const listCell = (v: string) =>
  v
    .split(/[,;|]/)
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);

export function mayImport(ctx: ServiceContext) {
  authorize(ctx.actor, canModerateOffers, { tenantId: ctx.tenant.id });
}

/**
 * Activities and offers of help from the system a centre leaves, each belonging to an association
 * already here (by register number or name). An offer already here (same association, same title)
 * is updated, never doubled. Staff import them, so they are published at once.
 */
export async function importOffers(ctx: ServiceContext, rows: CsvRow[], apply: boolean): Promise<ImportReport> {
  authorize(ctx.actor, canModerateOffers, { tenantId: ctx.tenant.id });
  const [associations, categories, groups, existing] = await Promise.all([
    identities(ctx.db, ctx.tenant.id),
    terms(ctx.db, ctx.tenant, "category", ctx.lang),
    terms(ctx.db, ctx.tenant, "target_group", ctx.lang),
    repo.titles(ctx.db, ctx.tenant.id),
  ]);
  const byNumber = new Map(associations.filter((a) => a.registrationNumber).map((a) => [a.registrationNumber, a.id]));
  const byName = new Map(associations.map((a) => [a.name.toLowerCase(), a.id]));
  const termOf = (list: typeof categories, value: string) => list.find((x) => x.code === value || x.label.toLowerCase() === value);
  const offerKey = (associationId: string, title: string) => `${associationId}\n${title.toLowerCase()}`;
  const existingIds = new Map(existing.map((o) => [offerKey(o.associationId, o.title), o.id]));

  const problems: ImportProblem[] = [];
  const writes: { id: string | null; associationId: string; offer: OfferInput }[] = [];
  const seen = new Set<string>();
  for (const { line, values: v } of rows) {
    const associationId = byNumber.get(v.registrationNumber ?? "") ?? byName.get((v.association ?? "").toLowerCase());
    if (!associationId) problems.push({ line, field: v.registrationNumber ? "registrationNumber" : "association", message: "offerImport.association.unknown" });
    const kind = KIND_NAMES[(v.kind ?? "").toLowerCase()] ?? (v.kind ? undefined : "activity");
    if (!kind) problems.push({ line, field: "kind", message: "offerImport.kind.unknown" });
    const category = termOf(categories, (v.category ?? "").toLowerCase());
    if (!category) problems.push({ line, field: "categoryId", message: "opportunity.category.required" });
    const targetGroups = listCell(v.targetGroups ?? "").map((g) => termOf(groups, g)?.code);
    if (targetGroups.some((g) => !g)) problems.push({ line, field: "targetGroups", message: "validation.invalid" });
    const price = (v.price ?? "").trim();
    const parsed = offerInput.safeParse({
      ...v,
      kind,
      categoryId: category?.id ?? "-",
      targetGroups,
      online: v.postcode || v.placeName ? "" : "on",
      price: FREE.has(price.toLowerCase()) ? "free" : "cost",
      priceText: FREE.has(price.toLowerCase()) ? "" : price,
    });
    if (!parsed.success) {
      for (const [field, message] of Object.entries(issuesToFieldErrors(parsed.error.issues)))
        if (field !== "kind" && field !== "targetGroups") problems.push({ line, field, message });
      continue;
    }
    if (!associationId || !kind || !category || targetGroups.some((g) => !g)) continue;
    const key = offerKey(associationId, parsed.data.title);
    if (seen.has(key)) {
      problems.push({ line, field: "title", message: "csv.duplicate" });
      continue;
    }
    seen.add(key);
    writes.push({ id: existingIds.get(key) ?? null, associationId, offer: parsed.data });
  }

  const added = writes.filter((w) => !w.id).length;
  const report = { added, updated: writes.length - added, unchanged: 0, problems, applied: false };
  if (!apply || problems.length > 0 || writes.length === 0) return report;
  const now = isoNow(ctx.clock);
  await inTransaction(ctx, async (tx) => {
    for (const w of writes) {
      const values = { ...w.offer, ...freshState("published", now) };
      if (w.id) {
        // Weekly slots, accessibility and languages are not in the file: an update leaves them as they are.
        await repo.update(tx.db, tx.tenant.id, w.id, { ...values, slots: undefined, accessibility: undefined, languages: undefined });
        await syncOfferSearch(tx.db, tx, w.id);
      } else {
        const id = newId();
        await repo.insert(tx.db, tx.tenant.id, { ...values, slots: [], accessibility: [], languages: [], id, associationId: w.associationId, createdAt: now });
        await syncOfferSearch(tx.db, tx, id);
      }
    }
    await audit(tx, "offers.imported", { type: "tenant", id: tx.tenant.id }, { added, updated: writes.length - added });
  });
  return { ...report, applied: true };
}
