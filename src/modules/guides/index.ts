import { can } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { registerGuidesApi } from "./guides.api.js";
import { canWriteGuidesForCentre } from "./guides.policy.js";
import { guidesRoutes } from "./guides.routes.js";
import type {} from "./guides.table.js"; // its table joins the database interface

export { GUIDE_CATEGORIES, type GuideCategory } from "./guides.model.js";

/**
 * Guides: knowledge articles for associations (how to recruit, run an AGM, apply for a child-protection
 * certificate…), written in Markdown by the centre's staff, in the tenant's languages, found in the one search.
 * No table names a person: who wrote or changed a guide is in the audit log only.
 */
export const guidesModule: ModuleDefinition = {
  name: "guides",
  mounts: [{ path: "/guides", routes: guidesRoutes }],
  api: registerGuidesApi,
  notices: {
    guideSaved: "guides.notice.saved",
    guidePublished: "guides.notice.published",
    guideDeleted: "guides.notice.deleted",
  },
  nav: [
    // The public menu is full: readers find guides through the search; boards, who need them most, in their own menu.
    { href: "/guides", label: "nav.guides", group: "association", visible: (a) => a.kind === "person" },
    { href: "/guides/manage", label: "nav.manageGuides", group: "centre", visible: (a) => can(a, canWriteGuidesForCentre, { tenantId: a.tenantId }) },
  ],
};
