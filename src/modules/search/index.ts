import { can } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { personalData, savedSearchJobs } from "./saved-searches.js";
import { registerSearchApi } from "./search.api.js";
import { canEditSynonyms } from "./search.policy.js";
import { searchRoutes } from "./search.routes.js";
import type {} from "./search.table.js"; // its tables join the database interface
import { waitingInSearch } from "./start.js";

export { type FrontPage, frontPage } from "./front-page.js";
export { personalData } from "./saved-searches.js";
export { searchesVersion } from "./search.service.js";
export { ResultCard } from "./views/search-views.js";

export const searchModule: ModuleDefinition = {
  name: "search",
  waiting: waitingInSearch,
  mounts: [{ path: "/search", routes: searchRoutes }],
  api: registerSearchApi,
  jobs: savedSearchJobs,
  personalData,
  nav: [
    { href: "/search", label: "nav.search", group: "public", visible: () => true },
    { href: "/search/synonyms", label: "nav.synonyms", group: "admin", visible: (a) => can(a, canEditSynonyms, { tenantId: a.tenantId }) },
  ],
  notices: { synonymsSaved: "search.synonyms.saved" },
};
