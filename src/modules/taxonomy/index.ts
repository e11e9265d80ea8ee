// Its tables join the database interface wherever the module is compiled.
import type {} from "./taxonomy.table.js";

export { addDefaultTaxonomy, type Term, type TermKind, terms } from "./taxonomy.service.js";
