import { can } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { canKeepCounselling, canSeeOwnCounselling } from "./counselling.policy.js";
import { counsellingRoutes } from "./counselling.routes.js";
import type {} from "./counselling.table.js"; // its tables join the database interface
import { personalData } from "./personal-data.js";
import { counsellingJobs } from "./reminders.js";
import { waitingInCounselling } from "./start.js";

export const counsellingModule: ModuleDefinition = {
  name: "counselling",
  mounts: [{ path: "/counselling", routes: counsellingRoutes }],
  personalData,
  jobs: counsellingJobs,
  waiting: waitingInCounselling,
  notices: {
    counsellingOpened: "counselling.notice.opened",
    counsellingLogged: "counselling.notice.logged",
    counsellingClosed: "counselling.notice.closed",
    counsellingReopened: "counselling.notice.reopened",
    counsellingBooked: "counselling.notice.booked",
  },
  nav: [
    // Help to start an association, for anyone signed in (the page itself is public and linked from the board's page).
    { href: "/counselling/start", label: "nav.counsellingStart", group: "association", visible: (a) => a.kind === "person" },
    { href: "/counselling/mine", label: "nav.counsellingMine", group: "association", visible: (a) => can(a, canSeeOwnCounselling, { tenantId: a.tenantId }) },
    { href: "/counselling", label: "nav.counselling", group: "centre", visible: (a) => can(a, canKeepCounselling, { tenantId: a.tenantId }) },
  ],
};
