import type {} from "./taxonomy.table.js"; // its tables join the database interface

export type { Term, TermKind } from "./taxonomy.model.js";
export { addDefaultTaxonomy, terms } from "./taxonomy.service.js";
