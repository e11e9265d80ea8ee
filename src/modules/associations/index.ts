import { can } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { registerAssociationsApi } from "./associations.api.js";
import { canCreateAssociation } from "./associations.policy.js";
import { profileRoutes } from "./associations.profile.routes.js";
import * as repo from "./associations.repository.js";
import { associationsRoutes } from "./associations.routes.js";
import { personalData } from "./associations.service.js";
import type {} from "./associations.table.js"; // its tables join the database interface
import { waitingInAssociations } from "./start.js";

export { REGISTRATION_NUMBER_NAMES } from "./associations.import.js";
export { type Association, type AssociationIdentity, PROFILE_FIELDS, type ProfileChangeItem, type ProfileContent } from "./associations.model.js";
export { canEditAssociation } from "./associations.policy.js";
export { logoHref, markStaleProfile, profileChangeQueue, publicProfile, staleProfiles, syncAssociationSearch } from "./associations.profile.js";
export {
  actFor,
  addMember,
  adminAddresses,
  associationDetails,
  associationNames,
  identities,
  namesForMember,
  personalData,
  publicRecords as publicAssociations,
} from "./associations.service.js";

export { useProfileChangeRows } from "./views/profile-views.js";

export const associationsModule: ModuleDefinition = {
  name: "associations",
  waiting: waitingInAssociations,
  mounts: [
    { path: "/associations", routes: associationsRoutes },
    // What an association tells the public is edited beside its page in the directory.
    { path: "/directory/associations", routes: profileRoutes },
  ],
  api: registerAssociationsApi,
  personalData,
  nav: [{ href: "/associations", label: "nav.associations", group: "association", visible: (a) => can(a, canCreateAssociation, { tenantId: a.tenantId }) }],
  notAPerson: {
    "associations.email": "the association's own address",
    "associations.phone": "the association's own telephone",
  },
};

/** The addresses of these associations: each one's own and its board members'; an id of another tenant reaches nobody. */
export async function associationAddresses(ctx: Pick<ServiceContext, "db" | "tenant">, ids: readonly string[]): Promise<string[]> {
  return repo.addressesOf(ctx.db, ctx.tenant.id, ids);
}
