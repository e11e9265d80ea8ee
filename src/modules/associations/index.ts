export { registerAssociationsApi } from "./associations.api.js";
export { associationsRoutes } from "./associations.routes.js";
export { addMember, namesForMember, personalData, publicRecords as publicAssociations } from "./associations.service.js";
