import type { ModuleDefinition } from "../../platform/modules.js";
import { dataRequestRoutes } from "./privacy.routes.js";

export { erasePerson, exportPersonalData, subjectOfAccount } from "./privacy.service.js";

export const privacyModule: ModuleDefinition = { name: "privacy", mounts: [{ path: "/privacy/email", routes: dataRequestRoutes }] };
