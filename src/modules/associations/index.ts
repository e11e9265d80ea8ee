export { registerAssociationsApi } from "./associations.api.js";
export { REGISTRATION_NUMBER_NAMES } from "./associations.import.js";
export { associationsRoutes } from "./associations.routes.js";
export { actFor, addMember, identities, namesForMember, personalData, publicRecords as publicAssociations } from "./associations.service.js";
