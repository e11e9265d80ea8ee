import type { ModuleDefinition } from "../../platform/modules.js";
import { dataRequestRoutes } from "./privacy.routes.js";

export { eraseMe, exportMyData } from "./privacy.service.js";

export const privacyModule: ModuleDefinition = { name: "privacy", mounts: [{ path: "/privacy/email", routes: dataRequestRoutes }] };
