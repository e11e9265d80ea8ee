import { isPerson } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { registerAssociationsApi } from "./associations.api.js";
import { associationsRoutes } from "./associations.routes.js";
import { personalData } from "./associations.service.js";
import type {} from "./associations.table.js"; // its tables join the database interface

export { REGISTRATION_NUMBER_NAMES } from "./associations.import.js";
export { actFor, addMember, identities, namesForMember, personalData, publicRecords as publicAssociations } from "./associations.service.js";

export const associationsModule: ModuleDefinition = {
  name: "associations",
  mounts: [{ path: "/associations", routes: associationsRoutes }],
  api: registerAssociationsApi,
  personalData,
  nav: [{ href: "/associations", label: "nav.associations", visible: isPerson }],
  notAPerson: {
    "associations.email": "the association's own address",
    "associations.phone": "the association's own telephone",
  },
};
