import type { Lang } from "../../platform/i18n/i18n.js";

export type TermKind = "category" | "target_group";
export type Labels = Record<Lang, string>;

/** A term as it is stored: its name in each language the tenant may use. */
export interface StoredTerm {
  id: string;
  kind: TermKind;
  code: string;
  labels: Partial<Labels>;
  position: number;
}

/** A term named in one language, as lists and forms show it. */
export interface Term {
  id: string;
  code: string;
  label: string;
}
