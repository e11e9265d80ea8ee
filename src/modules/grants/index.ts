import { can } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { offerLinkTargets } from "../agreements/index.js";
import { waitingToAssess } from "./case-list.js";
import { waitingForCommittee } from "./decide.js";
import { canApplyForSome, canManageSchemes, canSeeRounds } from "./grants.policy.js";
import { grantsRoutes } from "./grants.routes.js";
import type {} from "./grants.table.js"; // its tables join the database interface
import { personalData } from "./personal-data.js";
import { grantsJobs } from "./report-jobs.js";
import { waitingInReports } from "./reports.js";
import { grantsOpenDataFiles } from "./routes/public.routes.js";
import { listSchemes } from "./schemes.repository.js";

export const grantsModule: ModuleDefinition = {
  name: "grants",
  mounts: [
    { path: "/grants", routes: grantsRoutes },
    // The grants made, as 360Giving files, beside the open-data module's page (which has only /open-data itself).
    { path: "/open-data", routes: grantsOpenDataFiles },
  ],
  personalData,
  // Payouts and reports: the reminder job (their start-page items are in `waiting` below).
  jobs: grantsJobs,
  notices: {
    grantDraftSaved: "grants.notice.draftSaved",
    grantSubmitted: "grants.notice.submitted",
    grantWithdrawn: "grants.notice.withdrawn",
    grantFileAdded: "grants.notice.fileAdded",
    grantFileRemoved: "grants.notice.fileRemoved",
    grantProfileSaved: "grants.notice.profileSaved",
    grantAnswered: "grants.notice.answered",
    grantsPayoutsPlanned: "grants.notice.payoutsPlanned",
    grantsPayoutsPaid: "grants.notice.payoutsPaid",
    grantsReportSaved: "grants.notice.reportSaved",
    grantsReportSent: "grants.notice.reportSent",
    grantsReportApproved: "grants.notice.reportApproved",
    grantsReportMore: "grants.notice.reportMore",
    grantsRepaid: "grants.notice.repaid",
    grantSchemeSaved: "grants.notice.schemeSaved",
    grantSchemeCreated: "grants.notice.schemeCreated",
    grantRoundSaved: "grants.notice.roundSaved",
    grantFormSaved: "grants.notice.formSaved",
    grantSettingsSaved: "grants.notice.settingsSaved",
    assessDeclared: "grants.notice.declared",
    assessJudged: "grants.notice.judged",
    assessScored: "grants.notice.scored",
    assessRecommended: "grants.notice.recommended",
    assessNoted: "grants.notice.noted",
    assessAsked: "grants.notice.asked",
    grantsRoundClosed: "notice.grantsRoundClosed",
    grantsDecisionsSaved: "notice.grantsDecisionsSaved",
    grantsLettersSent: "notice.grantsLettersSent",
  },
  nav: [
    { href: "/grants/mine", label: "nav.grantsMine", group: "association", visible: (a) => can(a, canApplyForSome, { tenantId: a.tenantId }) },
    { href: "/grants/rounds", label: "nav.grantsCases", group: "centre", visible: (a) => can(a, canSeeRounds, { tenantId: a.tenantId }) },
    { href: "/grants/schemes", label: "nav.grantsSchemes", group: "centre", visible: (a) => can(a, canManageSchemes, { tenantId: a.tenantId }) },
  ],
  waiting: async (ctx) => (await Promise.all([waitingToAssess(ctx), waitingForCommittee(ctx), waitingInReports(ctx)])).flat(),
};

/** The tenant's grant schemes by id and title (for another module that links to them, as agreements do). */
export async function grantSchemeTitles(ctx: Pick<ServiceContext, "db" | "tenant">): Promise<{ id: string; title: string }[]> {
  return (await listSchemes(ctx.db, ctx.tenant.id)).map((s) => ({ id: s.id, title: s.title }));
}

// A cooperation agreement can name the schemes that are part of it (the agreements module imports nothing of grants).
offerLinkTargets("grant_scheme", async (ctx) => (await grantSchemeTitles(ctx)).map((s) => ({ id: s.id, name: s.title })));
