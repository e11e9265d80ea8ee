export { addDefaultTaxonomy, type Term, type TermKind, terms } from "./taxonomy.service.js";
