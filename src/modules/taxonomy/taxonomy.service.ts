import type { Database } from "../../db/database.js";
import type { Lang } from "../../platform/i18n/i18n.js";
import { newId } from "../../platform/ids.js";
import { perSettingsVersion, type Tenant } from "../../platform/tenants/tenants.js";
import type { Labels, StoredTerm, Term, TermKind } from "./taxonomy.model.js";
import * as repo from "./taxonomy.repository.js";

const CATEGORIES: [string, Labels][] = [
  ["social", { da: "Socialt arbejde", nb: "Sosialt arbeid", nl: "Sociaal werk", en: "Social work" }],
  ["children_youth", { da: "Børn og unge", nb: "Barn og unge", nl: "Kinderen en jongeren", en: "Children and young people" }],
  ["elderly", { da: "Ældre", nb: "Eldre", nl: "Ouderen", en: "Older people" }],
  ["health", { da: "Sundhed", nb: "Helse", nl: "Gezondheid", en: "Health" }],
  ["learning", { da: "Lektiehjælp og læring", nb: "Leksehjelp og læring", nl: "Huiswerkhulp en leren", en: "Homework help and learning" }],
  ["integration", { da: "Integration", nb: "Inkludering", nl: "Integratie", en: "Integration" }],
  ["culture", { da: "Kultur", nb: "Kultur", nl: "Cultuur", en: "Culture" }],
  ["sport", { da: "Idræt og motion", nb: "Idrett og mosjon", nl: "Sport en bewegen", en: "Sport and exercise" }],
  ["nature", { da: "Natur og miljø", nb: "Natur og miljø", nl: "Natuur en milieu", en: "Nature and environment" }],
  ["counselling", { da: "Rådgivning", nb: "Rådgivning", nl: "Advies", en: "Counselling" }],
  ["board", { da: "Bestyrelsesarbejde", nb: "Styrearbeid", nl: "Bestuurswerk", en: "Board work" }],
];

const TARGET_GROUPS: [string, Labels][] = [
  ["children", { da: "Børn", nb: "Barn", nl: "Kinderen", en: "Children" }],
  ["young", { da: "Unge", nb: "Unge", nl: "Jongeren", en: "Young people" }],
  ["families", { da: "Familier", nb: "Familier", nl: "Gezinnen", en: "Families" }],
  ["seniors", { da: "Ældre", nb: "Eldre", nl: "Ouderen", en: "Older people" }],
  ["newcomers", { da: "Nytilkomne", nb: "Nyankomne", nl: "Nieuwkomers", en: "Newcomers" }],
  ["disabilities", { da: "Mennesker med handicap", nb: "Mennesker med funksjonsnedsettelse", nl: "Mensen met een beperking", en: "People with disabilities" }],
  ["lonely", { da: "Ensomme", nb: "Ensomme", nl: "Eenzame mensen", en: "Lonely people" }],
  ["bereaved", { da: "Efterladte", nb: "Etterlatte", nl: "Nabestaanden", en: "The bereaved" }],
];

/** A new tenant starts with these categories and target groups; its admin can change them. */
export async function addDefaultTaxonomy(db: Database, tenantId: string): Promise<void> {
  stored.forget(tenantId);
  await repo.insertMissing(db, tenantId, [
    ...CATEGORIES.map(([code, labels], position) => ({ id: newId(), kind: "category" as const, code, labels, position })),
    ...TARGET_GROUPS.map(([code, labels], position) => ({ id: newId(), kind: "target_group" as const, code, labels, position })),
  ]);
}

const stored = perSettingsVersion<StoredTerm[]>();
const labelled = new WeakMap<StoredTerm[], Map<Lang, Term[]>>();

/**
 * The tenant's terms of one kind in their order, each named in this language (else in Danish, else by its code).
 * Kept in memory per settings version of the tenant: read from the database once per change, on any instance.
 */
export async function terms(db: Database, tenant: Pick<Tenant, "id" | "settingsVersion">, kind: TermKind, lang: Lang): Promise<Term[]> {
  const list = await stored.get(tenant, kind, () => repo.list(db, tenant.id, kind));
  let byLang = labelled.get(list);
  if (!byLang) {
    byLang = new Map();
    labelled.set(list, byLang);
  }
  let named = byLang.get(lang);
  if (!named) {
    named = list.map((t) => ({ id: t.id, code: t.code, label: t.labels[lang] ?? t.labels.da ?? t.code }));
    byLang.set(lang, named);
  }
  return named;
}
