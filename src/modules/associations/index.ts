export { addMember, namesForMember, personalData } from "./associations.service.js";
export { associationsRoutes } from "./associations.routes.js";
export { registerAssociationsApi } from "./associations.api.js";
