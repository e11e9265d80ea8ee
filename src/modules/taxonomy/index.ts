import type {} from "./taxonomy.table.js"; // its tables join the database interface

export { addDefaultTaxonomy, type Term, type TermKind, terms } from "./taxonomy.service.js";
