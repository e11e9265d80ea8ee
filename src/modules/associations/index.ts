// Its tables join the database interface wherever the module is compiled.
import type {} from "./associations.table.js";

export { registerAssociationsApi } from "./associations.api.js";
export { REGISTRATION_NUMBER_NAMES } from "./associations.import.js";
export { associationsRoutes } from "./associations.routes.js";
export { actFor, addMember, identities, namesForMember, personalData, publicRecords as publicAssociations } from "./associations.service.js";
