import type { FieldErrors } from "../../platform/http/errors.js";
import type { Place } from "../../platform/search/postcodes.js";
import type { FilterKey, SearchHit } from "../../platform/search/query.js";

/** One value of a facet as the page offers it: its label, how many results it would give, and whether it is chosen. */
export interface FacetOption {
  value: string;
  label: string;
  count: number;
  checked: boolean;
}

export type SearchOutcome =
  | { ok: true; total: number; pages: number; hits: SearchHit[]; facets: Record<FilterKey, FacetOption[]>; place: Place | null }
  | { ok: false; errors: FieldErrors };
