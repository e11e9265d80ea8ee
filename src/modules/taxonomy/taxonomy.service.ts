import type { Database } from "../../db/database.js";
import type { Lang } from "../../platform/i18n/i18n.js";
import { newId } from "../../platform/ids.js";

export type TermKind = "category" | "target_group";
export interface Term {
  id: string;
  code: string;
  label: string;
}

type Labels = Record<Lang, string>;

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
  const rows = [
    ...CATEGORIES.map(([code, labels], position) => ({ kind: "category" as const, code, labels, position })),
    ...TARGET_GROUPS.map(([code, labels], position) => ({ kind: "target_group" as const, code, labels, position })),
  ].map((t) => ({ id: newId(), tenant_id: tenantId, kind: t.kind, code: t.code, labels: JSON.stringify(t.labels), position: t.position }));
  await db
    .insertInto("taxonomy_terms")
    .values(rows)
    .onConflict((oc) => oc.columns(["tenant_id", "kind", "code"]).doNothing())
    .execute();
}

export async function terms(db: Database, tenantId: string, kind: TermKind, lang: Lang): Promise<Term[]> {
  const rows = await db
    .selectFrom("taxonomy_terms")
    .select(["id", "code", "labels"])
    .where("tenant_id", "=", tenantId)
    .where("kind", "=", kind)
    .orderBy("position")
    .execute();
  return rows.map((r) => {
    const labels = JSON.parse(r.labels) as Partial<Labels>;
    return { id: r.id, code: r.code, label: labels[lang] ?? labels.da ?? r.code };
  });
}
