/**
 * The database's tables. Empty here on purpose: each `*.table.ts` adds its own tables to it by
 * declaration merging (`declare module "…/db/schema.js" { interface DB { … } }`), so the schema
 * names no module and a new module brings its tables with it.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by declaration merging from every *.table.ts
export interface DB {}
