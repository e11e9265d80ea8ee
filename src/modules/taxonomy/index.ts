export type { Term, TermKind } from "./taxonomy.model.js";
export { addDefaultTaxonomy, terms } from "./taxonomy.service.js";
