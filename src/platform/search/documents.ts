import type { Database } from "../../db/database.js";
import { type Clock, isoNow } from "../clock.js";
import type { Lang } from "../i18n/i18n.js";
import { upsertDocument } from "./documents.repository.js";
import { noteSearchWrite } from "./local-writes.js";
import { findPostcode } from "./postcodes.js";

// New kinds go last: a kind's place in this list is its code in the stored search segments.
export const SEARCH_KINDS = ["association", "offer", "opportunity", "event", "guide"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const FACETS = ["category", "target_group", "commitment", "suits", "language", "accessibility", "price"] as const;
export type Facet = (typeof FACETS)[number];

/** One thing one search finds, as the module that owns it describes it. */
export interface SearchDocument {
  kind: SearchKind;
  id: string;
  title: string;
  /** Who is behind it, shown under the title. */
  subtitle: string;
  text: string;
  /** Words that describe it without being in its text: the labels of its categories and target groups. */
  keywords: string;
  url: string;
  facets: Partial<Record<Facet, string[]>>;
  postcode: string | null;
  lat: number | null;
  lon: number | null;
  remote: boolean;
  publishedAt: string;
  /** The last day it is shown, or null when it does not expire. */
  until: string | null;
  /** Week slots ("mon-morning") when it happens; empty when any time suits. */
  slots?: string[];
  setting?: "any" | "one_to_one" | "group";
  /** The title and text in other languages, indexed with those languages' stemming and shown to their readers. */
  translations?: Partial<Record<Lang, { title?: string; text?: string }>>;
}

export type DocumentInput = Omit<SearchDocument, "lat" | "lon"> & { lat?: number | null; lon?: number | null };

/**
 * Makes a record findable, or updates it. Call it in the transaction that changes the record.
 * Without coordinates of its own, a document is placed at its postcode.
 */
export async function putDocument(db: Database, clock: Clock, tenantId: string, country: string, input: DocumentInput): Promise<void> {
  const place = input.lat == null && input.postcode ? await findPostcode(db, country, input.postcode) : null;
  const doc: SearchDocument = { ...input, lat: input.lat ?? place?.lat ?? null, lon: input.lon ?? place?.lon ?? null };
  await upsertDocument(db, tenantId, input.kind, input.id, doc, isoNow(clock));
  noteSearchWrite(tenantId);
}

/** Takes a record out of search (unpublished, rejected, deleted). */
export async function hideDocument(db: Database, clock: Clock, tenantId: string, kind: SearchKind, id: string): Promise<void> {
  await upsertDocument(db, tenantId, kind, id, null, isoNow(clock));
  noteSearchWrite(tenantId);
}

/** A record's translations as a search document carries them: for each language, its title and one text. */
export function translatedTexts<F extends string>(
  translations: Partial<Record<Lang, Partial<Record<F, string>>>> | undefined,
  pick: (texts: Partial<Record<F, string>>) => { title?: string | undefined; text?: string | undefined },
): SearchDocument["translations"] {
  const out: NonNullable<SearchDocument["translations"]> = {};
  for (const [lang, texts] of Object.entries(translations ?? {}) as [Lang, Partial<Record<F, string>>][]) {
    const { title, text } = pick(texts);
    if (title || text) out[lang] = { ...(title ? { title } : {}), ...(text ? { text } : {}) };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

const SNIPPET_LENGTH = 220;
const FACT_LENGTH = 80;

/**
 * What a result shows of a document's text, which its module writes as lines (a description, then a
 * place, a time): the first line cut at a word, and the short lines after it that are not sentences
 * as separate facts, so
 * a place or a time never runs on from the end of a sentence.
 */
export function snippetOf(text: string): { lead: string; facts: string[] } {
  const lines = text
    .split("\n")
    .map((l) => l.trim().replace(/\s+/g, " "))
    .filter((l) => l.length > 0);
  const [first = "", ...rest] = lines;
  const lead = first.length > SNIPPET_LENGTH ? `${first.slice(0, SNIPPET_LENGTH).replace(/\s+\S*$/, "")} …` : first;
  // A fact is short and not a sentence: "Idrætshallen, Trige", "Tirsdag kl. 10".
  return { lead, facts: rest.filter((l) => l.length <= FACT_LENGTH && !/[.!?]$/.test(l)) };
}
