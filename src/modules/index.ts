import type { Hono } from "hono";
import type { Api } from "../platform/api/api.js";
import { type Actor, can, hasRole, isPerson } from "../platform/auth/policy.js";
import type { AppEnv } from "../platform/http/env.js";
import type { MessageKey } from "../platform/i18n/i18n.js";
import { houseJobs, type JobDeps, type JobSet } from "../platform/jobs/house-jobs.js";
import { accountRoutes } from "./account/account.routes.js";
import { adminRoutes } from "./admin/admin.routes.js";
import { applicantRoutes, applicationRoutes, canFollowUp, canKeepApplications } from "./applications/index.js";
import { associationsRoutes, registerAssociationsApi } from "./associations/index.js";
import { directoryRoutes, stalePageJobs } from "./directory/index.js";
import { homeRoutes } from "./home/home.routes.js";
import { matchingRoutes } from "./matching/index.js";
import { embedRoutes, feedRoutes, openDataRoutes, registerHsdsApi } from "./open-data/index.js";
import { answerReminderJobs, canModerate, opportunityRoutes } from "./opportunities/index.js";
import { invitationRoutes, peopleRoutes } from "./people/people.routes.js";
import { premisesRoutes, registerPremisesApi } from "./premises/index.js";
import { dataRequestRoutes } from "./privacy/index.js";
import { registerSearchApi, savedSearchJobs, searchRoutes } from "./search/index.js";

export interface NavEntry {
  href: string;
  label: MessageKey;
  visible: (actor: Actor) => boolean;
}

export interface ModuleDefinition {
  name: string;
  mount: string;
  routes: Hono<AppEnv>;
  nav?: NavEntry[];
  api?: (api: Api) => void;
  jobs?: (deps: JobDeps) => JobSet;
}

const signedIn = (actor: Actor) => isPerson(actor);

/** Every capability of Sammen, in the order their navigation appears. */
export const modules: ModuleDefinition[] = [
  { name: "home", mount: "/", routes: homeRoutes, nav: [{ href: "/", label: "nav.home", visible: () => true }] },
  {
    name: "search",
    mount: "/search",
    routes: searchRoutes,
    api: registerSearchApi,
    jobs: savedSearchJobs,
    nav: [{ href: "/search", label: "nav.search", visible: () => true }],
  },
  {
    name: "directory",
    mount: "/directory",
    routes: directoryRoutes,
    jobs: stalePageJobs,
    nav: [
      { href: "/directory", label: "nav.directory", visible: () => true },
      { href: "/directory/moderation", label: "nav.offerModeration", visible: (a) => hasRole(a, "staff", "tenant_admin") },
    ],
  },
  // A job's applicants live under the job's path; mounted first, so "/opportunities/waiting" is not taken for a job's id.
  { name: "applicants", mount: "/opportunities", routes: applicantRoutes },
  {
    name: "opportunities",
    mount: "/opportunities",
    routes: opportunityRoutes,
    jobs: answerReminderJobs,
    nav: [
      { href: "/opportunities", label: "nav.opportunities", visible: () => true },
      { href: "/opportunities/moderation", label: "nav.moderation", visible: (a) => can(a, canModerate, { tenantId: a.tenantId }) },
      { href: "/opportunities/waiting", label: "nav.waiting", visible: (a) => can(a, canFollowUp, { tenantId: a.tenantId }) },
      { href: "/opportunities/figures", label: "nav.figures", visible: (a) => can(a, canFollowUp, { tenantId: a.tenantId }) },
    ],
  },
  {
    name: "premises",
    mount: "/premises",
    routes: premisesRoutes,
    api: registerPremisesApi,
    nav: [
      { href: "/premises", label: "nav.premises", visible: () => true },
      { href: "/premises/bookings", label: "nav.myBookings", visible: (a) => isPerson(a) && [...a.memberships.values()].includes("admin") },
      {
        href: "/premises/rounds",
        label: "nav.rounds",
        visible: (a) => hasRole(a, "caseworker", "staff", "tenant_admin") || (isPerson(a) && [...a.memberships.values()].includes("admin")),
      },
      { href: "/premises/requests", label: "nav.bookingRequests", visible: (a) => hasRole(a, "caseworker", "staff", "tenant_admin") },
      { href: "/premises/usage", label: "nav.premisesUsage", visible: (a) => hasRole(a, "caseworker", "staff", "tenant_admin") },
      { href: "/premises/manage", label: "nav.managePremises", visible: (a) => hasRole(a, "caseworker", "staff", "tenant_admin") },
    ],
  },
  {
    name: "matching",
    mount: "/matching",
    routes: matchingRoutes,
    nav: [
      { href: "/matching", label: "nav.forYou", visible: signedIn },
      { href: "/matching/staff", label: "nav.matchingStaff", visible: (a) => hasRole(a, "staff", "tenant_admin") },
    ],
  },
  {
    name: "applications",
    mount: "/applications",
    routes: applicationRoutes,
    nav: [{ href: "/applications/mine", label: "nav.myApplications", visible: (a) => can(a, canKeepApplications, { tenantId: a.tenantId }) }],
  },
  {
    name: "associations",
    mount: "/associations",
    routes: associationsRoutes,
    api: registerAssociationsApi,
    nav: [{ href: "/associations", label: "nav.associations", visible: signedIn }],
  },
  {
    name: "people",
    mount: "/people",
    routes: peopleRoutes,
    nav: [{ href: "/people", label: "nav.people", visible: (a) => hasRole(a, "staff", "tenant_admin") }],
  },
  { name: "invitations", mount: "/invitations", routes: invitationRoutes },
  { name: "privacy", mount: "/privacy/email", routes: dataRequestRoutes },
  { name: "open-data", mount: "/open-data", routes: openDataRoutes, api: registerHsdsApi },
  { name: "feeds", mount: "/feeds", routes: feedRoutes },
  { name: "embed", mount: "/embed", routes: embedRoutes },
  {
    name: "admin",
    mount: "/admin",
    routes: adminRoutes,
    nav: [
      { href: "/admin/audit", label: "nav.audit", visible: (a) => hasRole(a, "staff", "caseworker", "tenant_admin") },
      { href: "/admin/access", label: "nav.access", visible: (a) => hasRole(a, "tenant_admin") },
      { href: "/admin/api-tokens", label: "nav.apiTokens", visible: (a) => hasRole(a, "tenant_admin") },
      { href: "/admin/settings", label: "nav.settings", visible: (a) => hasRole(a, "tenant_admin") },
    ],
  },
  { name: "account", mount: "/account", routes: accountRoutes, nav: [{ href: "/account", label: "nav.account", visible: signedIn }] },
];

/** The platform's jobs and every module's, as one set for the worker. */
export function allJobs(deps: JobDeps): JobSet {
  const sets = [houseJobs(deps), ...modules.flatMap((m) => (m.jobs ? [m.jobs(deps)] : []))];
  return { handlers: Object.assign({}, ...sets.map((s) => s.handlers)), schedules: sets.flatMap((s) => s.schedules) };
}
