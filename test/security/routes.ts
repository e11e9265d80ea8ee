// The fill-in table: for every route of the app, the path parameters, query and form that make a
// request reach its handler, taken from one tenant's world. The route table test fails when a route
// has no entry here, so a new route cannot be left out of the probe.
import type { z } from "zod";
import { profileInput as accountInput } from "../../src/modules/account/account.schema.js";
import { apiTokenInput, tenantSettingsInput } from "../../src/modules/admin/admin.schema.js";
import {
  endInput as agreementEndInput,
  levelInput as agreementLevelInput,
  moveInput as agreementLevelMoveInput,
  agreementInput as cooperationAgreementInput,
} from "../../src/modules/agreements/agreements.schema.js";
import { applicantReplyInput, applicationStatusInput, applyInput, threadMessageInput } from "../../src/modules/applications/applications.schema.js";
import { associationInput, profileInput as associationProfileInput, inviteMemberInput } from "../../src/modules/associations/associations.schema.js";
import { consentInput as bridgeConsentInput, intakeInput, noteInput, referInput, shareInput } from "../../src/modules/bridge/cases.schema.js";
import { addCompanionInput, assignCompanionInput, companionInput } from "../../src/modules/bridge/companions.schema.js";
import { followUpInput, settingsInput } from "../../src/modules/bridge/follow-ups.schema.js";
import { declineInput, handoverInput, meetingInput, metInput, pickInput, welcomeInput } from "../../src/modules/bridge/handover.schema.js";
import {
  assessmentInput as certificateAssessmentInput,
  consentInput as certificateConsentInput,
  requestInput as certificateRequestInput,
  settingsInput as certificateSettingsInput,
} from "../../src/modules/certificates/certificates.schema.js";
import {
  answerInput as contactAnswerInput,
  enquiryInput as contactEnquiryInput,
  moveInput as contactMoveInput,
  noteInput as contactNoteInput,
  settingsInput as contactSettingsInput,
  topicInput as contactTopicInput,
} from "../../src/modules/contact/contact.schema.js";
import {
  newCaseInput as counsellingCaseInput,
  entryInput as counsellingEntryInput,
  startInput as counsellingStartInput,
} from "../../src/modules/counselling/counselling.schema.js";
import { offerInput } from "../../src/modules/directory/directory.schema.js";
import { eventDecisionInput, eventInput } from "../../src/modules/events/events.schema.js";
import { agreementInput, leadInput, standActionInput, standInput, standNumbersInput } from "../../src/modules/events/fair.schema.js";
import {
  moveInput as agendaMoveInput,
  agendaPointInput,
  inviteInput,
  joinInput,
  joinTokenInput,
  minutesInput,
  networkInput,
} from "../../src/modules/events/network.schema.js";
import { attendanceInput, groupActionInput, registrationInput } from "../../src/modules/events/registration.schema.js";
import {
  answerInput as expertAnswerInput,
  hoursInput as expertHoursInput,
  expertInput,
  proposeInput as expertProposeInput,
  rateInput as expertRateInput,
  requestInput as expertRequestInput,
  statusInput as expertStatusInput,
} from "../../src/modules/experts/experts.schema.js";
import { paidInput, planInput, reportInput, reviewInput as reportReviewInput } from "../../src/modules/grants/after.schema.js";
import {
  declarationInput as grantDeclarationInput,
  eligibilityInput as grantEligibilityInput,
  noteInput as grantNoteInput,
  questionInput as grantQuestionInput,
  recommendInput as grantRecommendInput,
} from "../../src/modules/grants/assess.schema.js";
import { profileInput as grantProfileInput } from "../../src/modules/grants/profile.js";
import {
  builderActionInput,
  fieldInput,
  roundInput as grantRoundInput,
  settingsInput as grantSettingsInput,
  schemeInput,
  sectionInput,
} from "../../src/modules/grants/schemes.schema.js";
import { guideInput } from "../../src/modules/guides/guides.schema.js";
import { consentAnswerInput, consentInput, profileInput as volunteerInput } from "../../src/modules/matching/matching.schema.js";
import { feeInput as memberFeeInput, groupInput as memberGroupInput, memberInput, newMemberInput } from "../../src/modules/members/members.schema.js";
import {
  draftInput as newsletterDraftInput,
  subscribeInput as newsletterSubscribeInput,
  tokenInput as newsletterTokenInput,
} from "../../src/modules/newsletters/newsletters.schema.js";
import { opportunityInput, reviewInput } from "../../src/modules/opportunities/opportunities.schema.js";
import { invitePersonInput, roleChangeInput } from "../../src/modules/people/people.schema.js";
import {
  adjustInput,
  bookingInput,
  cancelInput,
  closureInput,
  decisionInput,
  hoursInput,
  moveInput,
  premiseInput,
  proposeInput,
  roundInput,
  seasonInput,
  wishInput,
} from "../../src/modules/premises/premises.schema.js";
import { dataRequestInput, eraseInput } from "../../src/modules/privacy/privacy.schema.js";
import { saveSearchInput, synonymsInput } from "../../src/modules/search/search.schema.js";
import { emailOnlyInput, resetInput, signInInput, signUpInput, tokenInput } from "../../src/platform/auth/auth.schema.js";
import { assets } from "../../src/platform/ui/assets.js";
import { roundForm as grantRoundForm, schemeForm as grantSchemeForm } from "../factories/grant-scheme.factory.js";
import { PASSWORD } from "../harness.js";
import type { Fields } from "./client.js";
import { bookingForm, eventForm, jobForm, matchingForm, offerForm, premiseForm, type Role, type TenantWorld, wishForm } from "./world.js";

export interface Fill {
  params?: (w: TenantWorld) => Record<string, string>;
  query?: (w: TenantWorld) => Fields;
  /** A form that passes validation, naming the world's records. */
  form?: (w: TenantWorld) => Fields;
  /** The Zod schema the handler reads the form with; null where it reads fields by hand. The fuzz fills its fields. */
  schema?: z.ZodType | null;
  /** Sent as multipart with this file. */
  upload?: { field: string; kind: "png" | "csv"; csv?: (w: TenantWorld) => string };
  /** An API body. */
  json?: (w: TenantWorld) => unknown;
  /** Ends the session or removes what other routes use: sent after the rest. */
  late?: true;
  /**
   * Bridge-building's rules of sight. The roles of the first tenant that reach the handler with its own records;
   * every other role gets a 404 (anonymous: a 404 or the way to sign in), and so does every role of the other
   * tenant for a route that names a record.
   */
  reach?: readonly Role[];
  /** The roles (besides the case's bridge-builder) whose answer may name the case's person; default none. */
  shows?: readonly Role[];
}

// Texts in forms are neutral on purpose: a tenant's own name showing on the other tenant is always a leak, never an echo.
const N = "Prøve";
const asset = [...assets.byUrl.keys()][0]?.split("/").pop() ?? "";
const usage = () => ({ from: "2026-08-01", to: "2027-06-30" });
const audit = () => ({ action: "", actor: "", entity: "", from: "2026-01-01", to: "2026-12-31", page: "1" });
const access = () => ({ actor: "", person: "", from: "2026-01-01", to: "2026-12-31", page: "1" });
const listing = () => ({ q: "", sort: "name", dir: "asc", page: "1" });
const hours = () =>
  Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7].flatMap((d) => [
      [`opens${d}`, "09:00"],
      [`closes${d}`, "21:00"],
    ]),
  );
const settings = (): Fields => ({
  name: `${N}kommune`,
  logoUrl: "",
  colorPrimary: "#0b5e7e",
  languages: ["da", "nb", "nl", "en"],
  defaultLanguage: "da",
  timeZone: "Europe/Copenhagen",
  contactEmail: "kontakt@kommune.test",
  moderation: "pre",
  answerNudgeDays: "5",
  answerEscalateDays: "10",
  staleGraceDays: "30",
  eventOfferHours: "48",
  eventImmediateHours: "48",
  mapTileUrl: "",
  mapAttribution: "",
  order1: "1",
  order2: "2",
  order3: "3",
});

/** An agreement's form naming the world's association as the one party. */
const agreementForm = (club: string, level: string): Fields => ({
  title: `${N} samarbejde`,
  purpose: N,
  level,
  status: "agreed",
  municipalUnit: "Kultur og Fritid",
  municipalityGives: "Lokaler",
  party: [club],
  partyGives: ["Frivillige"],
  startsOn: "2026-12-01",
  endsOn: "2027-11-30",
  isPublic: "on",
});
const guideForm = (title: string): Fields => ({ title, summary: "Kort om emnet.", body: "## Trin\n\n- Et\n- To", category: "board", status: "draft" });

/** The bridge-building records of a world that has them (the first tenant); else ids that find nothing. */
const bridgeCase = (w: TenantWorld) => ({ id: w.bridgeCase ?? "no-case" });
const bridgeReferral = (w: TenantWorld) => ({ rid: w.bridgeReferral ?? "no-referral" });
/** Who reaches what of bridge-building: the case's bridge-builder, any bridge-builder, the referred club's admins. */
const HOLDER: readonly Role[] = ["bridgeBuilder"];
const BUILDERS: readonly Role[] = ["bridgeBuilder", "otherBuilder"];
const CLUB: readonly Role[] = ["associationAdmin"];
const ADMINS: readonly Role[] = ["associationAdmin", "otherAdmin"];
const SIGNED_IN: readonly Role[] = [
  "citizen",
  "member",
  "associationAdmin",
  "otherAdmin",
  "staff",
  "caseworker",
  "tenantAdmin",
  ...BUILDERS,
  "companion",
  "referrer",
];

export const FILL: Record<string, Fill> = {
  // Counselling (staff only; the board's own view at /counselling/mine; the start-up page is public): the world's case
  // for the club, whose conversation's internal note only staff may see.
  "GET /counselling": { query: () => ({ topic: "board", staff: "", status: "open" }) },
  "GET /counselling/new": {},
  "POST /counselling/new": {
    form: (w) => ({ kind: "association", associationId: w.club, topic: "board", about: N, staffId: "" }),
    schema: counsellingCaseInput,
  },
  "GET /counselling/mine": {},
  "GET /counselling/figures": { query: () => ({ year: "2026", by: "quarter" }) },
  "GET /counselling/figures.csv": { query: () => ({ year: "2026", by: "month" }) },
  "GET /counselling/start": {},
  "POST /counselling/start": { form: () => ({ name: `${N} Person`, email: "start@example.test", phone: "", about: N }), schema: counsellingStartInput },
  "GET /counselling/:id": { params: (w) => ({ id: w.counsellingCase }) },
  "POST /counselling/:id/entries": {
    params: (w) => ({ id: w.counsellingCase }),
    form: () => ({ heldOn: "2026-11-20", minutes: "30", agreed: N, internalNote: "", nextStep: "", nextStepOn: "", responsibleId: "" }),
    schema: counsellingEntryInput,
  },
  "POST /counselling/:id/close": { params: (w) => ({ id: w.counsellingCase }), schema: null },
  "POST /counselling/:id/reopen": { params: (w) => ({ id: w.counsellingCase }), schema: null },
  // Cooperation agreements: the world's agreement with the club at the tenant's own level (agreed, public; its notes and
  // contact person not) and its document.
  "GET /agreements": {},
  "GET /agreements/manage": { query: (w) => ({ level: w.agreementLevel, status: "agreed" }) },
  "GET /agreements/manage.csv": { query: (w) => ({ level: w.agreementLevel }) },
  "GET /agreements/mine": {},
  "GET /agreements/new": {},
  "POST /agreements/new": { form: (w) => agreementForm(w.club, w.agreementLevel), schema: cooperationAgreementInput },
  "GET /agreements/:id": { params: (w) => ({ id: w.agreement }) },
  "POST /agreements/:id": { params: (w) => ({ id: w.agreement }), form: (w) => agreementForm(w.club, w.agreementLevel), schema: cooperationAgreementInput },
  "POST /agreements/:id/renew": { params: (w) => ({ id: w.agreement }), schema: null },
  "GET /agreements/:id/end": { params: (w) => ({ id: w.agreement }) },
  "POST /agreements/:id/end": {
    params: (w) => ({ id: w.agreement }),
    form: () => ({ confirm: "yes", endsOn: "2027-01-01", endNote: N }),
    schema: agreementEndInput,
  },
  // The tenant's scale of levels: the four defaults and the world's own level, which its agreement uses.
  "GET /agreements/manage/levels": {},
  "POST /agreements/manage/levels": { form: () => ({ name_da: `${N} niveau`, description_da: N }), schema: agreementLevelInput },
  "GET /agreements/manage/levels/:levelId": { params: (w) => ({ levelId: w.agreementLevel }) },
  "POST /agreements/manage/levels/:levelId": {
    params: (w) => ({ levelId: w.agreementLevel }),
    form: () => ({ name_da: `${N} niveau`, description_da: N }),
    schema: agreementLevelInput,
  },
  "POST /agreements/manage/levels/:levelId/move": {
    params: (w) => ({ levelId: w.agreementLevel }),
    form: () => ({ direction: "up" }),
    schema: agreementLevelMoveInput,
  },
  "POST /agreements/manage/levels/:levelId/remove": { params: (w) => ({ levelId: w.agreementLevel }), schema: null, late: true },
  "POST /agreements/:id/documents": { params: (w) => ({ id: w.agreement }), schema: null, upload: { field: "file", kind: "png" } },
  "GET /agreements/:id/documents/:docId": { params: (w) => ({ id: w.agreement, docId: w.agreementDocument }) },
  "POST /agreements/:id/documents/:docId/remove": { params: (w) => ({ id: w.agreement, docId: w.agreementDocument }), schema: null, late: true },
  "GET /api/v1/agreements": {},
  // Guides (guides): the world's published guide (and a draft only its writers may see).
  "GET /guides": { query: () => ({ category: "board" }) },
  "GET /guides/manage": {},
  "GET /guides/new": {},
  "POST /guides/new": { form: () => guideForm(`${N} vejledning`), schema: guideInput },
  "GET /guides/:id/edit": { params: (w) => ({ id: w.guide }) },
  "POST /guides/:id/edit": { params: (w) => ({ id: w.guide }), form: () => guideForm(`${N} vejledning`), schema: guideInput },
  "GET /guides/:id/delete": { params: (w) => ({ id: w.guide }) },
  "POST /guides/:id/delete": { params: (w) => ({ id: w.guide }), late: true },
  "GET /guides/:slug": { params: (w) => ({ slug: w.guideSlug }) },
  "GET /grants": {},
  "GET /grants/schemes": {},
  "GET /grants/schemes/new": {},
  "POST /grants/schemes/new": { form: () => grantSchemeForm(`${N} pulje`), schema: schemeInput },
  "GET /grants/schemes/:id/about": { params: (w) => ({ id: w.grantScheme }) },
  "GET /grants/schemes/:id": { params: (w) => ({ id: w.grantScheme }) },
  "POST /grants/schemes/:id": { params: (w) => ({ id: w.grantScheme }), form: () => grantSchemeForm(`${N} pulje`), schema: schemeInput },
  "GET /grants/schemes/:id/rounds/new": { params: (w) => ({ id: w.grantScheme }) },
  "POST /grants/schemes/:id/rounds/new": { params: (w) => ({ id: w.grantScheme }), form: () => grantRoundForm(), schema: grantRoundInput },
  "GET /grants/rounds/:id/edit": { params: (w) => ({ id: w.grantRound }) },
  "POST /grants/rounds/:id/edit": { params: (w) => ({ id: w.grantRound }), form: () => grantRoundForm(), schema: grantRoundInput },
  "GET /grants/schemes/:id/form": { params: (w) => ({ id: w.grantScheme }) },
  "POST /grants/schemes/:id/form/change": { params: (w) => ({ id: w.grantScheme }), form: () => ({ op: "fieldUp", key: "title" }), schema: builderActionInput },
  "GET /grants/schemes/:id/form/fields/new": { params: (w) => ({ id: w.grantScheme }) },
  "POST /grants/schemes/:id/form/fields/new": { params: (w) => ({ id: w.grantScheme }), form: () => ({ type: "text", label_da: N }), schema: fieldInput },
  "GET /grants/schemes/:id/form/fields/:key": { params: (w) => ({ id: w.grantScheme, key: "title" }) },
  "POST /grants/schemes/:id/form/fields/:key": {
    params: (w) => ({ id: w.grantScheme, key: "title" }),
    form: () => ({ type: "text", label_da: N }),
    schema: fieldInput,
  },
  "GET /grants/schemes/:id/form/sections/new": { params: (w) => ({ id: w.grantScheme }) },
  "POST /grants/schemes/:id/form/sections/new": { params: (w) => ({ id: w.grantScheme }), form: () => ({ title_da: N }), schema: sectionInput },
  "GET /grants/schemes/:id/form/sections/:key": { params: (w) => ({ id: w.grantScheme, key: "project" }) },
  "POST /grants/schemes/:id/form/sections/:key": {
    params: (w) => ({ id: w.grantScheme, key: "project" }),
    form: () => ({ title_da: N }),
    schema: sectionInput,
  },
  "GET /grants/settings": {},
  "POST /grants/settings": { form: () => ({ funderId: "", funderName: N, idPrefix: "" }), schema: grantSettingsInput },
  "GET /healthz": {},
  "GET /readyz": {},
  "GET /assets/:file": { params: () => ({ file: asset }) },
  "GET /api/openapi.json": {},
  "GET /api/v1/search": { query: (w) => ({ q: "lektie", kind: "opportunity", category: w.categoryCode }) },
  "GET /api/v1/premises": {},
  "GET /api/v1/premises/:id/availability": { params: (w) => ({ id: w.room }), query: () => ({ from: "2026-11-30", days: "7" }) },
  "GET /api/v1/events": { query: (w) => ({ page: "1", kind: "theme_meeting", category: w.categoryCode }) },
  "GET /api/v1/events/:id": { params: (w) => ({ id: w.event }) },
  "GET /api/v1/guides": { query: () => ({ page: "1", category: "board", lang: "en" }) },
  "GET /api/v1/guides/:slug": { params: (w) => ({ slug: w.guideSlug }), query: () => ({ lang: "en" }) },
  "GET /api/v1/associations": { query: () => ({ q: "", page: "1" }) },
  "GET /api/v1/associations/:id": { params: (w) => ({ id: w.club }) },
  "POST /api/v1/associations": { json: () => ({ name: `${N} forening via API`, email: "api@forening.test" }) },
  "GET /api/v1/hsds": {},
  "GET /api/v1/hsds/organizations": { query: () => ({ page: "1", per_page: "50" }) },
  "GET /api/v1/hsds/organizations/:id": { params: (w) => ({ id: w.club }) },
  "GET /api/v1/hsds/services": { query: () => ({ page: "1" }) },
  "GET /api/v1/hsds/services/:id": { params: (w) => ({ id: w.job }) },
  "GET /api/v1/hsds/service_at_locations": { query: () => ({ page: "1" }) },
  "GET /api/v1/hsds/service_at_locations/:id": { params: (w) => ({ id: w.hsdsServiceAtLocation }) },
  "GET /api/v1/hsds/taxonomies": {},
  "GET /api/v1/hsds/taxonomies/:id": { params: (w) => ({ id: w.hsdsTaxonomy }) },
  "GET /api/v1/hsds/taxonomy_terms": { query: () => ({ search: "lekt" }) },
  "GET /api/v1/hsds/taxonomy_terms/:id": { params: (w) => ({ id: w.hsdsTaxonomyTerm }) },

  "GET /sign-up": {},
  "POST /sign-up": { form: (w) => ({ name: `${N} Person`, email: `ny-probe@${w.host}`, password: PASSWORD }), schema: signUpInput },
  "GET /verify": { query: (w) => ({ token: w.tokens.verify }) },
  "GET /sign-in": { query: () => ({ next: "/account" }) },
  "POST /sign-in": { form: (w) => ({ email: w.users.citizen.email, password: PASSWORD, next: "/account" }), schema: signInInput },
  "POST /sign-in/link/request": { form: (w) => ({ email: w.users.citizen.email }), schema: emailOnlyInput },
  "GET /sign-in/link": { query: (w) => ({ token: w.tokens.magic }) },
  "POST /sign-in/link": { form: (w) => ({ token: w.tokens.magic }), schema: tokenInput },
  "GET /password/forgot": {},
  "POST /password/forgot": { form: (w) => ({ email: `glemsom@${w.host}` }), schema: emailOnlyInput },
  "GET /password/reset": { query: (w) => ({ token: w.tokens.reset }) },
  "POST /password/reset": { form: (w) => ({ token: w.tokens.reset, password: "en ny og lang adgangskode til prøven" }), schema: resetInput },
  "POST /sign-out": { schema: null, late: true },
  "GET /auth/oidc/:slug": { params: (w) => ({ slug: w.oidcSlug }), query: () => ({ next: "/account" }) },
  "GET /auth/oidc/:slug/callback": { params: (w) => ({ slug: w.oidcSlug }), query: () => ({ code: "probe-code", state: "probe-state" }) },
  "GET /dev/mailbox": {},
  "GET /dev/mailbox/:id": { params: (w) => ({ id: w.mail }) },
  "GET /dev/mailbox/:id/attachments/:n": { params: (w) => ({ id: w.mail, n: "0" }) },

  "GET /": {},
  "GET /accessibility": {},
  "GET /start": {},
  "GET /privacy": {},
  "GET /theme.css": {},
  "POST /language": { form: () => ({ lang: "en", back: "/" }), schema: null },

  "GET /search/saved": {},
  "POST /search/saved": { form: () => ({ query: "q=badminton", frequency: "daily" }), schema: saveSearchInput },
  "POST /search/saved/:id/delete": { params: (w) => ({ id: w.savedSearch }), schema: null, late: true },
  "GET /search/export.csv": { query: () => ({ q: "lektie" }) },
  "GET /search/synonyms": {},
  "POST /search/synonyms": { form: () => ({ da: "motion, træning, gymnastik\nældre, seniorer" }), schema: synonymsInput },
  "GET /search": { query: (w) => ({ q: "lektie", near: "8000", within: "10", sort: "relevance", page: "1", kind: "opportunity", category: w.categoryCode }) },

  "GET /events/manage": {},
  "GET /events/new": {},
  "POST /events/new": { form: (w) => eventForm(N, "centre", w.categoryId, `${N} temamøde`), schema: eventInput },
  "GET /events/moderation": {},
  "GET /events/:id/edit": { params: (w) => ({ id: w.organisedEvent }) },
  "POST /events/:id/edit": {
    params: (w) => ({ id: w.organisedEvent }),
    form: (w) => eventForm(N, "centre", w.categoryId, `${N} kursus i bestyrelsesarbejde`),
    schema: eventInput,
  },
  "GET /events/:id/cancel": { params: (w) => ({ id: w.organisedEvent }) },
  "POST /events/:id/cancel": { params: (w) => ({ id: w.organisedEvent }), schema: null, late: true },
  "POST /events/:id/decision": {
    params: (w) => ({ id: w.pendingEvent }),
    form: () => ({ decision: "approve", note: "" }),
    schema: eventDecisionInput,
    late: true,
  },

  // Expert pool: the citizen is the expert, matched (and accepted) to the club board's request.
  "GET /experts": {},
  "GET /experts/join": {},
  "POST /experts/join": { form: () => ({ skills: ["finance"], experience: N, hoursPerMonth: "4", phone: "" }), schema: expertInput },
  "POST /experts/status": { form: () => ({ status: "paused" }), schema: expertStatusInput },
  "POST /experts/leave": { schema: null, late: true },
  "GET /experts/me": {},
  "GET /experts/ask": {},
  "POST /experts/ask": { form: (w) => ({ association: w.club, skill: "finance", description: N, neededBy: "" }), schema: expertRequestInput },
  "GET /experts/mine": {},
  "GET /experts/requests": {},
  "GET /experts/requests/:id": { params: (w) => ({ id: w.expertRequest }) },
  "POST /experts/requests/:id/propose": { params: (w) => ({ id: w.expertRequest }), form: (w) => ({ expert: w.expert }), schema: expertProposeInput },
  "GET /experts/hours": {},
  "GET /experts/hours.csv": {},
  "GET /experts/matches/:id": { params: (w) => ({ id: w.expertMatch }) },
  "POST /experts/matches/:id/answer": { params: (w) => ({ id: w.expertMatch }), form: () => ({ answer: "accept" }), schema: expertAnswerInput },
  "POST /experts/matches/:id/hours": {
    params: (w) => ({ id: w.expertMatch }),
    form: () => ({ onDate: "2026-12-01", hours: "2", what: N }),
    schema: expertHoursInput,
  },
  "POST /experts/matches/:id/rate": { params: (w) => ({ id: w.expertMatch }), form: () => ({ rating: "5", comment: N }), schema: expertRateInput },

  // Networks (networks): the member role joined the world's network; everyone else must get a 404.
  // Grants, applying: the worlds hold no grant records, so the ids find nothing (a 404 for everyone).
  "GET /grants/mine": {},
  "GET /grants/profile": { query: (w) => ({ association: w.club }) },
  "POST /grants/profile": {
    query: (w) => ({ association: w.club }),
    form: () => ({ bankAccount: "1234 0012345678", boardName: [N], boardRole: ["formand"], memberCount: "40", activities: N }),
    schema: grantProfileInput,
  },
  "POST /grants/apply/:roundId": { params: (w) => ({ roundId: w.grantRound }), form: (w) => ({ association: w.club }), schema: null },
  "GET /grants/applications/:id": { params: (w) => ({ id: w.grantApplication }) },
  "POST /grants/applications/:id": { params: (w) => ({ id: w.grantApplication }), form: () => ({ action: "save", title: N, amount: "1000" }), schema: null },
  "POST /grants/applications/:id/files": {
    params: (w) => ({ id: w.grantApplication }),
    form: () => ({ field: "accounts" }),
    schema: null,
    upload: { field: "file.accounts", kind: "png" },
  },
  "GET /grants/applications/:id/files/:fileId": { params: (w) => ({ id: w.grantApplication, fileId: "no-file" }) },
  "POST /grants/applications/:id/files/:fileId/remove": { params: (w) => ({ id: w.grantApplication, fileId: "no-file" }), schema: null },
  "GET /grants/applications/:id/receipt.pdf": { params: (w) => ({ id: w.grantApplication }) },
  "GET /grants/applications/:id/withdraw": { params: (w) => ({ id: w.grantApplication }) },
  "POST /grants/applications/:id/withdraw": { params: (w) => ({ id: w.grantApplication }), schema: null },
  "POST /grants/applications/:id/answer": { params: (w) => ({ id: w.grantApplication }), form: () => ({ answer: N }), schema: null },
  "GET /grants/schemes/:id/preview": { params: (w) => ({ id: w.grantScheme }) },
  "POST /grants/schemes/:id/preview": { params: (w) => ({ id: w.grantScheme }), form: () => ({ title: N, amount: "1000" }), schema: null },
  "GET /networks": {},
  "POST /networks": { form: () => ({ name: `${N} netværk`, description: "" }), schema: networkInput },
  "GET /networks/join": { query: (w) => ({ token: w.tokens.network }) },
  "POST /networks/join": { form: (w) => ({ token: w.tokens.network }), schema: joinTokenInput, late: true },
  "POST /networks/join/account": { form: (w) => ({ token: w.tokens.network, name: `${N} Ny`, password: PASSWORD }), schema: joinInput, late: true },
  "GET /networks/:id": { params: (w) => ({ id: w.network }) },
  "GET /networks/:id/calendar.ics": { params: (w) => ({ id: w.network }), query: (w) => ({ key: w.networkFeedKey }) },
  "POST /networks/:id/members": {
    params: (w) => ({ id: w.network }),
    form: (w) => ({ name: `${N} Gæst`, email: `gaest-${w.key}@example.org`, organisation: "", role: "member" }),
    schema: inviteInput,
  },
  "POST /networks/:id/members/:memberId/remove": { params: (w) => ({ id: w.network, memberId: w.networkInvitee }), schema: null, late: true },
  "GET /networks/:id/meetings/new": { params: (w) => ({ id: w.network }) },
  "POST /networks/:id/meetings/new": {
    params: (w) => ({ id: w.network }),
    form: (w) => ({ ...eventForm(N, "centre", w.categoryId, `${N} netværksmøde`), kind: "network_meeting" }),
    schema: eventInput,
  },
  "GET /networks/:id/meetings/:eventId": { params: (w) => ({ id: w.network, eventId: w.networkMeeting }) },
  "POST /networks/:id/meetings/:eventId/agenda": {
    params: (w) => ({ id: w.network, eventId: w.networkMeeting }),
    form: () => ({ title: `${N} punkt`, text: "" }),
    schema: agendaPointInput,
  },
  "POST /networks/:id/meetings/:eventId/agenda/:pointId/move": {
    params: (w) => ({ id: w.network, eventId: w.networkMeeting, pointId: w.agendaPoint }),
    form: () => ({ direction: "down" }),
    schema: agendaMoveInput,
  },
  "POST /networks/:id/meetings/:eventId/agenda/:pointId/remove": {
    params: (w) => ({ id: w.network, eventId: w.networkMeeting, pointId: w.agendaPoint }),
    schema: null,
    late: true,
  },
  "POST /networks/:id/meetings/:eventId/files": {
    params: (w) => ({ id: w.network, eventId: w.networkMeeting }),
    schema: null,
    upload: { field: "file", kind: "png" },
  },
  "GET /networks/:id/meetings/:eventId/files/:fileId": { params: (w) => ({ id: w.network, eventId: w.networkMeeting, fileId: w.networkFile }) },
  "POST /networks/:id/meetings/:eventId/files/:fileId/remove": {
    params: (w) => ({ id: w.network, eventId: w.networkMeeting, fileId: w.networkFile }),
    schema: null,
    late: true,
  },
  "POST /networks/:id/meetings/:eventId/minutes": {
    params: (w) => ({ id: w.network, eventId: w.networkMeeting }),
    form: () => ({ text: `${N} referat` }),
    schema: minutesInput,
  },

  "GET /directory": {},
  "GET /directory/import": {},
  "POST /directory/import": {
    form: () => ({ intent: "apply" }),
    schema: null,
    upload: {
      field: "file",
      kind: "csv",
      csv: (w) =>
        `forening;titel;beskrivelse;kategori;tid;e-mail;postnr\n${w.clubName};${N} strikkeklub;Vi strikker sammen hver onsdag på biblioteket.;${w.categoryCode};Onsdag kl. 19;strik@forening.test;8000\n`,
    },
  },
  "GET /directory/moderation": {},
  "GET /directory/offers/new": { query: (w) => ({ association: w.club }) },
  "POST /directory/offers/new": { form: (w) => offerForm(N, w.club, w.categoryId), schema: offerInput },
  "GET /directory/offers/:id": { params: (w) => ({ id: w.offer }) },
  "GET /directory/offers/:id/edit": { params: (w) => ({ id: w.offer }) },
  "POST /directory/offers/:id/edit": { params: (w) => ({ id: w.offer }), form: (w) => offerForm(N, w.club, w.categoryId), schema: offerInput, late: true },
  "POST /directory/offers/:id/confirm": { params: (w) => ({ id: w.offer }), schema: null },
  "POST /directory/offers/:id/decision": { params: (w) => ({ id: w.pendingOffer }), form: () => ({ decision: "approve", note: "" }), schema: reviewInput },
  // Takes back a change that waits for approval; with none waiting it is a 404.
  "POST /directory/offers/:id/withdraw-change": { params: (w) => ({ id: w.offer }), schema: null },
  "GET /directory/association/:id": { params: (w) => ({ id: w.club }) },
  "GET /directory/associations/:id": { params: (w) => ({ id: w.club }) },
  "POST /directory/associations/:id/confirm": { params: (w) => ({ id: w.club }), schema: null },
  "GET /directory/associations/:id/profile": { params: (w) => ({ id: w.club }) },
  "POST /directory/associations/:id/profile": {
    params: (w) => ({ id: w.club }),
    form: () => ({ description: `${N}: en ny beskrivelse`, website: "https://forening.test" }),
    schema: associationProfileInput,
    upload: { field: "logo", kind: "png" },
  },
  "GET /directory/associations/:id/logo": { params: (w) => ({ id: w.club }) },
  // Under pre-moderation the world's profile change waits: staff decide it, its association may take it back.
  "POST /directory/associations/:id/profile/decision": {
    params: (w) => ({ id: w.club }),
    form: () => ({ decision: "reject", note: "Prøve: ret teksten" }),
    schema: reviewInput,
    late: true,
  },
  "POST /directory/associations/:id/profile/withdraw": { params: (w) => ({ id: w.club }), schema: null, late: true },

  "GET /events": { query: (w) => ({ view: "month", month: "2026-12", kind: "theme_meeting", category: w.categoryCode }) },
  "GET /events/calendar.ics": { query: (w) => ({ kind: "theme_meeting", category: w.categoryCode }) },
  "GET /opportunities": { query: () => ({ page: "1" }) },
  "GET /opportunities/new": { query: (w) => ({ association: w.club, from: w.job }) },
  "POST /opportunities/new": { form: (w) => jobForm(N, w.club, w.categoryId, "kontakt@forening.test"), schema: opportunityInput },
  "GET /bridge/figures": { query: () => ({ year: "2026" }), reach: [...BUILDERS, "staff", "tenantAdmin"] },
  "GET /bridge/figures.csv": { query: () => ({ year: "2026" }), reach: [...BUILDERS, "staff", "tenantAdmin"] },
  "GET /bridge/figures/export": { query: () => ({ year: "2026" }), reach: [...BUILDERS, "staff", "tenantAdmin"] },
  "GET /opportunities/figures": {},
  "GET /opportunities/figures.csv": {},
  "GET /opportunities/waiting.csv": {},
  "GET /opportunities/waiting": {},
  "GET /opportunities/moderation": {},
  "GET /opportunities/association/:associationId": { params: (w) => ({ associationId: w.club }) },
  "GET /opportunities/:id": { params: (w) => ({ id: w.job }) },
  "GET /opportunities/:id/edit": { params: (w) => ({ id: w.job }) },
  // Editing a published job under pre-moderation leaves it public; the change waits beside it.
  "POST /opportunities/:id/edit": {
    params: (w) => ({ id: w.job }),
    form: (w) => jobForm(N, w.club, w.categoryId, "kontakt@forening.test"),
    schema: opportunityInput,
    late: true,
  },
  "POST /opportunities/:id/decision": { params: (w) => ({ id: w.pendingJob }), form: () => ({ decision: "approve", note: "" }), schema: reviewInput },
  "POST /opportunities/:id/withdraw-change": { params: (w) => ({ id: w.job }), schema: null },
  "POST /opportunities/:id/apply": {
    params: (w) => ({ id: w.job }),
    form: () => ({ name: `${N} Ansøger`, email: "ansoger@probe.test", phone: "+45 12 34 56 78", message: "Jeg vil gerne hjælpe." }),
    schema: applyInput,
  },
  "GET /opportunities/:id/applications.csv": { params: (w) => ({ id: w.job }) },
  "GET /opportunities/:id/applications": { params: (w) => ({ id: w.job }) },
  "POST /opportunities/:id/applications/:applicationId": {
    params: (w) => ({ id: w.job, applicationId: w.application }),
    form: (w) => ({ status: "contacted", back: `/opportunities/${w.job}/applications` }),
    schema: applicationStatusInput,
  },
  "GET /opportunities/:id/applications/:applicationId": { params: (w) => ({ id: w.job, applicationId: w.application }) },
  "POST /opportunities/:id/applications/:applicationId/messages": {
    params: (w) => ({ id: w.job, applicationId: w.application }),
    form: () => ({ body: "Hvornår kan du komme forbi?" }),
    schema: threadMessageInput,
  },

  "GET /premises": { query: () => ({ date: "2026-12-03", start: "18:00", end: "20:00", people: "10", stepFree: "on", near: "8000" }) },
  "GET /premises/manage": {},
  "GET /premises/manage/new": { query: (w) => ({ parent: w.building }) },
  "POST /premises/manage/new": { form: (w) => premiseForm(`${N} lokale`, "room", w.building), schema: premiseInput },
  "GET /premises/:id/edit": { params: (w) => ({ id: w.room }) },
  "POST /premises/:id/edit": { params: (w) => ({ id: w.room }), form: (w) => premiseForm(`${N} sal`, "hall", w.building), schema: premiseInput },
  "POST /premises/:id/hours": { params: (w) => ({ id: w.room }), form: hours, schema: hoursInput },
  "POST /premises/:id/seasons/delete": { params: (w) => ({ id: w.room }), form: () => ({ from: "2027-01-01", to: "2027-06-30" }), schema: seasonInput },
  "POST /premises/:id/closures": {
    params: (w) => ({ id: w.room }),
    form: () => ({ from: "2027-02-08", to: "2027-02-14", reason: "Vinterferie" }),
    schema: closureInput,
  },
  "POST /premises/:id/delete": { params: (w) => ({ id: w.room }), schema: null, late: true },
  "POST /premises/:id/photos": {
    params: (w) => ({ id: w.room }),
    form: () => ({ alt: "Salen set fra scenen" }),
    schema: null,
    upload: { field: "photo", kind: "png" },
  },
  "POST /premises/:id/photos/:photoId/delete": { params: (w) => ({ id: w.room, photoId: w.photo }), schema: null, late: true },
  "GET /premises/:id/photos/:photoId": { params: (w) => ({ id: w.room, photoId: w.photo }) },
  "POST /premises/:id/closures/:closureId/delete": { params: (w) => ({ id: w.room, closureId: w.closure }), schema: null, late: true },
  "GET /premises/usage": { query: usage },
  "GET /premises/usage.csv": { query: usage },
  "POST /premises/bookings/:id/move": {
    params: (w) => ({ id: w.booking }),
    form: () => ({ date: "2026-12-01", newDate: "2026-12-03", start: "18:00", end: "20:00" }),
    schema: moveInput,
  },
  "POST /premises/bookings/:id/propose": {
    params: (w) => ({ id: w.pendingBooking }),
    form: () => ({ date: "2026-12-04", start: "18:00", end: "20:00", note: "Fredag er bedre" }),
    schema: proposeInput,
  },
  "POST /premises/bookings/:id/answer": { params: (w) => ({ id: w.pendingBooking }), form: () => ({ answer: "accept" }), schema: null },
  "POST /premises/bookings/:id/no-show": { params: (w) => ({ id: w.booking }), form: () => ({ date: "2026-12-01" }), schema: null },
  "GET /premises/rounds": {},
  "POST /premises/rounds": { form: () => ({ name: `${N} sæson 2028`, from: "2028-01-01", to: "2028-06-30" }), schema: roundInput },
  "GET /premises/rounds/:id": { params: (w) => ({ id: w.round }) },
  "POST /premises/rounds/:id/apply": { params: (w) => ({ id: w.round }), form: (w) => wishForm(N, w.club, w.room), schema: wishInput },
  "POST /premises/rounds/:id/propose": { params: (w) => ({ id: w.round }), schema: null },
  "GET /premises/rounds/:id/publish": { params: (w) => ({ id: w.round }) },
  "POST /premises/rounds/:id/publish": { params: (w) => ({ id: w.round }), form: () => ({ confirm: "yes" }), schema: null },
  "POST /premises/rounds/:id/applications/:applicationId": {
    params: (w) => ({ id: w.round, applicationId: w.roundApplication }),
    form: (w) => ({ premiseId: w.room, weekday: "3", start: "18:00" }),
    schema: adjustInput,
  },
  "POST /premises/rounds/:id/applications/:applicationId/respond": {
    params: (w) => ({ id: w.round, applicationId: w.roundApplication }),
    form: () => ({ response: "confirmed" }),
    schema: null,
  },
  "GET /premises/requests": {},
  "POST /premises/requests": { form: (w) => ({ ids: [w.pendingBooking], decision: "approve", note: "" }), schema: decisionInput },
  "GET /premises/bookings": {},
  "POST /premises/calendars": { form: (w) => ({ associationId: w.club }), schema: null },
  "GET /premises/calendars/:file": { params: (w) => ({ file: w.calendarFile }) },
  "GET /premises/bookings/:id": { params: (w) => ({ id: w.booking }) },
  "GET /premises/bookings/:id/calendar.ics": { params: (w) => ({ id: w.booking }) },
  "POST /premises/bookings/:id/cancel": {
    params: (w) => ({ id: w.booking }),
    form: () => ({ scope: "one", date: "2026-12-01" }),
    schema: cancelInput,
    late: true,
  },
  "GET /premises/:id": { params: (w) => ({ id: w.room }), query: () => ({ week: "2026-11-30" }) },
  "GET /premises/:id/calendar.ics": { params: (w) => ({ id: w.room }) },
  "GET /premises/:id/book": { params: (w) => ({ id: w.room }), query: () => ({ date: "2026-12-03", start: "18:00", end: "20:00", people: "10" }) },
  "POST /premises/:id/book": { params: (w) => ({ id: w.room }), form: (w) => bookingForm(N, w.club, "2026-12-10", "træning"), schema: bookingInput },

  // Bridge-building's cases (their own tests walk every wrong side).
  "GET /bridge/refer": {},
  "POST /bridge/refer": {
    form: () => ({ firstName: "Ida", contact: "ida@example.org", consent: "yes", purposes: "bridge_building", how: "in_person", copy: "print", reason: "" }),
    schema: referInput,
  },
  "GET /bridge": { reach: BUILDERS },
  "GET /bridge/cases/:id": { params: bridgeCase, reach: HOLDER },
  "GET /bridge/cases/:id/consent": { params: bridgeCase, reach: HOLDER },
  "POST /bridge/cases/:id/consent": {
    params: bridgeCase,
    form: () => ({ purposes: "bridge_building", how: "phone", copy: "print", reason: "" }),
    schema: bridgeConsentInput,
    reach: HOLDER,
  },
  "GET /bridge/cases/:id/consent/print": { params: bridgeCase, reach: HOLDER },
  "GET /bridge/cases/:id/intake": { params: bridgeCase, reach: HOLDER },
  "POST /bridge/cases/:id/intake": { params: bridgeCase, form: () => ({ wishes: "Strik", postcode: "" }), schema: intakeInput, reach: HOLDER },
  "POST /bridge/cases/:id/notes": { params: bridgeCase, form: () => ({ body: "Ringede" }), schema: noteInput, reach: HOLDER },
  "POST /bridge/cases/:id/take": { params: bridgeCase, schema: null, reach: HOLDER },
  "POST /bridge/cases/:id/share": { params: bridgeCase, form: (w) => ({ userId: w.users.otherBuilder.id }), schema: shareInput, reach: HOLDER },
  "GET /bridge/cases/:id/withdraw": { params: bridgeCase, reach: HOLDER },
  "POST /bridge/cases/:id/withdraw": { params: bridgeCase, schema: null, late: true, reach: HOLDER },
  "GET /bridge/cases/:id/suggestions": { params: bridgeCase, query: () => ({ q: "lektie" }), reach: HOLDER },
  "POST /bridge/cases/:id/suggestions": {
    params: bridgeCase,
    form: (w) => ({ action: "add", kind: "opportunity", targetId: w.job, pickedBy: "builder" }),
    schema: pickInput,
    reach: HOLDER,
  },
  "GET /bridge/cases/:id/handover": { params: bridgeCase, reach: HOLDER },
  "POST /bridge/cases/:id/handover": {
    params: bridgeCase,
    form: (w) => ({ action: "preview", pickId: w.bridgePick ?? "", fields: ["first_name"] }),
    schema: handoverInput,
    reach: HOLDER,
  },
  "GET /bridge/referrals": { reach: ADMINS, shows: CLUB },
  "GET /bridge/referrals/:rid": { params: bridgeReferral, reach: [...CLUB, ...HOLDER], shows: CLUB },
  "POST /bridge/referrals/:rid/accept": { params: bridgeReferral, schema: null, reach: CLUB, shows: CLUB },
  "POST /bridge/referrals/:rid/decline": {
    params: bridgeReferral,
    form: () => ({ reason: "Holdet er fuldt" }),
    schema: declineInput,
    reach: CLUB,
    shows: CLUB,
  },
  "POST /bridge/referrals/:rid/meeting": {
    params: bridgeReferral,
    form: () => ({ date: "2026-12-10", time: "17:00", place: "Ved indgangen" }),
    schema: meetingInput,
    reach: CLUB,
    shows: CLUB,
  },
  "POST /bridge/referrals/:rid/welcome": { params: bridgeReferral, form: () => ({ done: ["0"] }), schema: welcomeInput, reach: CLUB, shows: CLUB },
  "POST /bridge/referrals/:rid/met": {
    params: bridgeReferral,
    form: () => ({ metOn: "2026-11-20" }),
    schema: metInput,
    reach: [...CLUB, ...HOLDER],
    shows: CLUB,
  },
  "GET /matching": {},
  "GET /matching/profile": {},
  "POST /matching/profile": { form: matchingForm, schema: volunteerInput },
  "GET /matching/staff": { query: (w) => ({ citizen: w.users.citizen.id }) },
  "POST /matching/staff": { form: (w) => ({ email: w.users.citizen.email, consent: "on", note: "Sagt ja i telefonen" }), schema: consentInput },
  "POST /matching/consents/:id/withdraw": { params: (w) => ({ id: w.consent }), schema: null },
  "GET /matching/consent": { query: (w) => ({ token: w.tokens.consent }) },
  "POST /matching/consent": { form: (w) => ({ token: w.tokens.consent, answer: "yes" }), schema: consentAnswerInput },
  // Bridge-building: companions and follow-ups.
  "GET /bridge/companions": { reach: BUILDERS },
  "POST /bridge/companions": {
    form: (w) => ({ email: w.users.citizen.email, postcode: "8000", languages: ["da"], slots: ["tue-morning"], trainedOn: "2026-10-01" }),
    schema: addCompanionInput,
    reach: BUILDERS,
  },
  "GET /bridge/companions/:userId": { params: (w) => ({ userId: w.users.companion.id }), reach: BUILDERS },
  "POST /bridge/companions/:userId": {
    params: (w) => ({ userId: w.users.companion.id }),
    form: () => ({ postcode: "8000", languages: ["da"], slots: ["tue-morning"], trainedOn: "" }),
    schema: companionInput,
    reach: BUILDERS,
  },
  "POST /bridge/companions/:userId/deactivate": { params: (w) => ({ userId: w.users.companion.id }), schema: null, reach: BUILDERS },
  "POST /bridge/companions/:userId/activate": { params: (w) => ({ userId: w.users.companion.id }), schema: null, reach: BUILDERS },
  "GET /bridge/companion": { reach: SIGNED_IN, shows: ["companion"] },
  "GET /bridge/cases/:id/companion": { params: bridgeCase, reach: HOLDER },
  "POST /bridge/cases/:id/companion": {
    params: bridgeCase,
    form: (w) => ({ companionId: w.users.companion.id }),
    schema: assignCompanionInput,
    reach: HOLDER,
  },
  "POST /bridge/cases/:id/companion/remove": { params: bridgeCase, schema: null, reach: HOLDER },
  "GET /bridge/follow-ups": { reach: BUILDERS },
  "GET /bridge/cases/:id/follow-ups": { params: bridgeCase, reach: HOLDER },
  "POST /bridge/cases/:id/follow-ups": {
    params: bridgeCase,
    form: (w) => ({ followUpId: w.bridgeFollowUp ?? "none", outcome: "still_coming", why: "", personWords: "" }),
    schema: followUpInput,
    reach: HOLDER,
  },
  "GET /bridge/settings": { reach: [...BUILDERS, "tenantAdmin"] },
  "POST /bridge/settings": {
    form: () => ({ followUpMonths: "1, 3, 6", retentionMonths: "12", welcomeItems: "" }),
    schema: settingsInput,
    reach: [...BUILDERS, "tenantAdmin"],
  },

  // Grants: payouts and reports of the club's application.
  "GET /grants/rounds/:id/payouts": { params: (w) => ({ id: w.grantRound }) },
  "POST /grants/rounds/:id/payouts": {
    params: (w) => ({ id: w.grantRound }),
    form: (w) => ({ applicationId: w.grantApplication, amount: "1000", how: "once", count: "2", date1: "", date2: "", date3: "", date4: "" }),
    schema: planInput,
  },
  "POST /grants/rounds/:id/payouts/paid": { params: (w) => ({ id: w.grantRound }), form: () => ({ payout: ["no-payout"] }), schema: paidInput },
  "GET /grants/rounds/:id/payouts.csv": { params: (w) => ({ id: w.grantRound }) },
  "GET /grants/applications/:id/report": { params: (w) => ({ id: w.grantApplication }) },
  "POST /grants/applications/:id/report": {
    params: (w) => ({ id: w.grantApplication }),
    form: () => ({ intent: "save", whatWasDone: N, participants: "12", volunteerHours: "30" }),
    schema: reportInput,
  },
  "POST /grants/applications/:id/report/review": {
    params: (w) => ({ id: w.grantApplication }),
    form: () => ({ decision: "more", note: N }),
    schema: reportReviewInput,
  },
  "POST /grants/applications/:id/report/repaid": { params: (w) => ({ id: w.grantApplication }), form: () => ({}) },
  "GET /grants/reports": {},
  "GET /grants/reports.csv": {},

  "GET /privacy/email": {},
  "POST /privacy/email": { form: (w) => ({ email: `anonym@${w.host}` }), schema: dataRequestInput },
  "GET /privacy/email/open": { query: (w) => ({ token: w.tokens.dataRequest }) },
  "POST /privacy/email/download": { form: (w) => ({ token: w.tokens.dataRequest }), schema: tokenInput },
  "POST /privacy/email/erase": { form: (w) => ({ token: w.tokens.dataRequest, confirm: "on" }), schema: eraseInput, late: true },

  "GET /applications/confirm": { query: (w) => ({ token: w.tokens.application }) },
  "GET /events/mine": {},
  "GET /events/registration": { query: (w) => ({ key: w.eventKey }) },
  "GET /events/registration/calendar.ics": { query: (w) => ({ key: w.eventKey }) },
  "GET /events/registration/confirm": { query: (w) => ({ token: w.tokens.event }) },
  "POST /events/registration/accept": { form: (w) => ({ key: w.eventKey, registration: w.event }), schema: groupActionInput },
  "POST /events/registration/cancel": { form: (w) => ({ key: w.eventKey }), schema: groupActionInput, late: true },
  "GET /events/:id": { params: (w) => ({ id: w.event }) },
  "POST /events/:id/register": {
    params: (w) => ({ id: w.event }),
    form: (w) => ({ name: `${N} Deltager`, email: `deltager-${w.key}@example.org`, phone: "", answer_food: "vegetar" }),
    schema: registrationInput,
  },
  // The volunteer fair.
  "GET /events/fair/leads": { query: (w) => ({ association: w.club }) },
  "GET /events/fair/leads.csv": { query: (w) => ({ association: w.club }) },
  "POST /events/:id/stand": { params: (w) => ({ id: w.fair }), form: () => ({ size: "medium", shows: `${N} standen` }), schema: standInput },
  "POST /events/:id/stand/change": { params: (w) => ({ id: w.fair }), form: () => ({ size: "large", shows: `${N} standen` }), schema: standInput },
  "POST /events/:id/stand/withdraw": { params: (w) => ({ id: w.fair }), form: () => ({}), schema: standActionInput, late: true },
  "GET /events/:id/stands": { params: (w) => ({ id: w.fair }) },
  "POST /events/:id/stands": { params: (w) => ({ id: w.fair }), form: (w) => ({ [`number_${w.stand}`]: "2" }), schema: standNumbersInput },
  "GET /events/:id/stands/:standId/decline": { params: (w) => ({ id: w.fair, standId: w.stand }) },
  "POST /events/:id/stands/:standId/decline": { params: (w) => ({ id: w.fair, standId: w.stand }), schema: null, late: true },
  "GET /events/:id/stands.csv": { params: (w) => ({ id: w.fair }) },
  "GET /events/:id/stands/:standId/sign": { params: (w) => ({ id: w.fair, standId: w.stand }) },
  "GET /events/:id/agreements": { params: (w) => ({ id: w.fair }) },
  "POST /events/:id/agreements": { params: (w) => ({ id: w.fair }), form: (w) => ({ associations: w.club, agreed: `${N} aftale` }), schema: agreementInput },
  "GET /events/:id/agreements.csv": { params: (w) => ({ id: w.fair }) },
  "GET /fair/:code": { params: (w) => ({ code: w.standCode }) },
  "POST /fair/:code": { params: (w) => ({ code: w.standCode }), form: () => ({ email: "besoegende@example.org", consent: "on" }), schema: leadInput },
  "GET /fair/:code/thanks": { params: (w) => ({ code: w.standCode }) },
  "GET /events/:id/participants": { params: (w) => ({ id: w.event }) },
  "POST /events/:id/participants": {
    params: (w) => ({ id: w.event }),
    form: (w) => ({ name: `${N} Ringede`, email: `ringede-${w.key}@example.org`, phone: "", overbook: "on" }),
    schema: registrationInput,
  },
  "GET /events/:id/participants.csv": { params: (w) => ({ id: w.event }) },
  "GET /events/:id/attendance": { params: (w) => ({ id: w.event }), query: (w) => ({ session: w.eventSession }) },
  "POST /events/:id/attendance": { params: (w) => ({ id: w.event }), form: (w) => ({ session: w.eventSession, present: [] }), schema: attendanceInput },
  "GET /applications/thread": { query: (w) => ({ key: w.threadKey }) },
  "POST /applications/thread": { form: (w) => ({ key: w.threadKey, body: "Tak, jeg kommer gerne." }), schema: applicantReplyInput },
  "GET /applications/mine": {},

  "GET /associations": { query: listing },
  "GET /associations/export.csv": { query: listing },
  "GET /associations/import": {},
  "POST /associations/import": {
    form: () => ({ intent: "apply" }),
    schema: null,
    upload: { field: "file", kind: "csv", csv: () => `navn;e-mail\n${N} Strikkeklub;strik@forening.test\n` },
  },
  "GET /associations/new": {},
  "POST /associations/new": {
    form: () => ({ name: `${N} Ny Forening`, registrationNumber: "", email: "ny@forening.test", phone: "" }),
    schema: associationInput("DK"),
  },
  "POST /associations/switch": { form: (w) => ({ associationId: w.club, back: "/" }), schema: null },
  "GET /associations/:id": { params: (w) => ({ id: w.club }) },
  "GET /associations/:id/edit": { params: (w) => ({ id: w.club }) },
  "POST /associations/:id/edit": {
    params: (w) => ({ id: w.club }),
    form: () => ({ name: `${N} Omdøbt Forening`, registrationNumber: "", email: "omdobt@forening.test", phone: "" }),
    schema: associationInput("DK"),
  },
  "POST /associations/:id/invite": {
    params: (w) => ({ id: w.club }),
    form: () => ({ email: "inviteret@probe.test", role: "member" }),
    schema: inviteMemberInput,
  },
  "POST /associations/:id/members/:userId": { params: (w) => ({ id: w.club, userId: w.users.member.id }), form: () => ({ role: "admin" }), schema: null },

  "GET /people": { query: () => ({ q: "", page: "1" }) },
  "GET /people/export.csv": { query: () => ({ q: "" }) },
  "POST /people/invite": { form: () => ({ email: "ny-medarbejder@probe.test", role: "caseworker" }), schema: invitePersonInput },
  "GET /people/:id": { params: (w) => ({ id: w.users.citizen.id }) },
  "POST /people/:id/roles": { params: (w) => ({ id: w.users.citizen.id }), form: () => ({ role: "staff", action: "grant" }), schema: roleChangeInput },
  "GET /invitations/accept": { query: (w) => ({ token: w.tokens.invite }) },
  "POST /invitations/accept": { form: (w) => ({ token: w.tokens.invite }), schema: tokenInput },

  "GET /open-data": { query: (w) => ({ category: w.categoryCode }) },
  "GET /feeds/jobs.atom": { query: (w) => ({ category: w.categoryCode }) },
  "GET /embed/jobs": { query: (w) => ({ category: w.categoryCode }) },
  "GET /open-data/360giving.json": {},
  "GET /open-data/360giving.csv": {},
  // The world's round is not decided: the page answers 404 to everyone, and a decided one is tested in grants/open-data.test.ts.
  "GET /grants/rounds/:id/awarded": { params: (w) => ({ id: w.grantRound }) },

  "GET /admin/audit": { query: audit },
  "GET /admin/audit/export.csv": { query: audit },
  "GET /admin/access": { query: access },
  "GET /admin/access/export.csv": { query: access },
  "GET /admin/api-tokens": {},
  "POST /admin/api-tokens": { form: () => ({ name: `${N} nøgle`, scopes: ["associations:read"] }), schema: apiTokenInput },
  "GET /admin/settings": {},
  "POST /admin/settings": { form: settings, schema: tenantSettingsInput() },
  "POST /admin/api-tokens/:id/revoke": { params: (w) => ({ id: w.apiToken }), schema: null, late: true },

  // Grants: the committee's sitting and the decision letters.
  "GET /grants/rounds/:id/close": { params: (w) => ({ id: w.grantRound }) },
  "POST /grants/rounds/:id/close": { params: (w) => ({ id: w.grantRound }), schema: null },
  "GET /grants/rounds/:id/committee": { params: (w) => ({ id: w.grantRound }) },
  "POST /grants/rounds/:id/committee": {
    params: (w) => ({ id: w.grantRound }),
    form: () => ({ decision_x: "granted", amount_x: "1.000", reason_x: "" }),
    schema: null,
  },
  "POST /grants/rounds/:id/letters": { params: (w) => ({ id: w.grantRound }), schema: null },
  "GET /grants/letters/:file": { params: () => ({ file: "no-letter.pdf" }) },

  "GET /account": {},
  "POST /account": { form: () => ({ name: `${N} Nyt Navn`, language: "da" }), schema: accountInput },
  "POST /account/sign-out-everywhere": { schema: null, late: true },
  "GET /account/data": {},
  "GET /account/data/view": {},
  "GET /account/data.json": {},
  "GET /account/delete": {},
  "POST /account/delete": { schema: null, late: true },
  // Contact: the world's topic (answered by the staff role) and the citizen's enquiry, its follow link and internal note.
  "GET /contact": {},
  "POST /contact": { form: (w) => ({ name: N, email: "borger@example.org", phone: "", topicId: w.contactTopic, message: N }), schema: contactEnquiryInput },
  "GET /contact/sent": {},
  "GET /contact/who": {},
  "GET /contact/enquiries/follow/:token": { params: (w) => ({ token: w.enquiryKey }) },
  "GET /contact/topics": {},
  "GET /contact/topics/new": {},
  "POST /contact/topics/new": {
    form: () => ({ name_da: N, unitName: N, staffUserId: "", inboxEmail: "enhed@example.org", position: "1", active: "on" }),
    schema: contactTopicInput,
  },
  "GET /contact/topics/:id": { params: (w) => ({ id: w.contactTopic }) },
  "POST /contact/topics/:id": {
    params: (w) => ({ id: w.contactTopic }),
    form: (w) => ({ name_da: N, unitName: N, staffUserId: w.users.staff.id, inboxEmail: "", position: "1", active: "on" }),
    schema: contactTopicInput,
  },
  "GET /contact/settings": {},
  "POST /contact/settings": { form: () => ({ answerDays: "5", dayKind: "calendar", escalateDays: "3", keepMonths: "12" }), schema: contactSettingsInput },
  "GET /contact/enquiries": { query: () => ({ status: "open" }) },
  "GET /contact/enquiries/:id": { params: (w) => ({ id: w.enquiry }) },
  "POST /contact/enquiries/:id/answer": { params: (w) => ({ id: w.enquiry }), form: () => ({ answer: N }), schema: contactAnswerInput },
  "POST /contact/enquiries/:id/note": { params: (w) => ({ id: w.enquiry }), form: () => ({ note: N }), schema: contactNoteInput },
  "POST /contact/enquiries/:id/move": { params: (w) => ({ id: w.enquiry }), form: (w) => ({ topicId: w.contactTopic }), schema: contactMoveInput },
  "POST /contact/enquiries/:id/close": { params: (w) => ({ id: w.enquiry }), schema: null },
  // Grants: the caseworkers' assessment of the club's application.
  "GET /grants/rounds": {},
  "GET /grants/rounds/:id/applications": { params: (w) => ({ id: w.grantRound }), query: () => ({ format: "csv" }) },
  "GET /grants/rounds/:id/applications.csv": { params: (w) => ({ id: w.grantRound }) },
  "GET /grants/applications/:id/assess": { params: (w) => ({ id: w.grantApplication }) },
  "POST /grants/applications/:id/assess/declaration": {
    params: (w) => ({ id: w.grantApplication }),
    form: () => ({ conflict: "no", conflictNote: "" }),
    schema: grantDeclarationInput,
  },
  "POST /grants/applications/:id/assess/eligibility": {
    params: (w) => ({ id: w.grantApplication }),
    form: () => ({ verdict: "eligible", verdictNote: "" }),
    schema: grantEligibilityInput,
  },
  "POST /grants/applications/:id/assess/scores": { params: (w) => ({ id: w.grantApplication }), form: () => ({ score_reach: "3" }), schema: null },
  "POST /grants/applications/:id/assess/recommendation": {
    params: (w) => ({ id: w.grantApplication }),
    form: () => ({ amount: "1000", recommendation: "" }),
    schema: grantRecommendInput,
  },
  "POST /grants/applications/:id/assess/notes": { params: (w) => ({ id: w.grantApplication }), form: () => ({ body: N }), schema: grantNoteInput },
  "POST /grants/applications/:id/assess/questions": {
    params: (w) => ({ id: w.grantApplication }),
    form: () => ({ question: N, fields: [] }),
    schema: grantQuestionInput,
  },
  // Child-protection certificates: the club board's record of a volunteer (only that board may see it, not the centre).
  "GET /certificates": { query: (w) => ({ association: w.club }) },
  "GET /certificates/new": { query: (w) => ({ association: w.club, opportunity: w.job, name: N, email: "frivillig@example.test" }) },
  "POST /certificates/new": {
    form: (w) => ({ association: w.club, name: N, email: "frivillig@example.test", opportunity: w.job, requestedOn: "2026-01-05", note: "" }),
    schema: certificateRequestInput,
  },
  "GET /certificates/settings": {},
  "POST /certificates/settings": { form: () => ({ renewalMonths: "24" }), schema: certificateSettingsInput },
  "GET /certificates/:id": { params: (w) => ({ id: w.certificate }) },
  "POST /certificates/:id/consent": {
    params: (w) => ({ id: w.certificate }),
    form: () => ({ consentedOn: "2026-01-06", lapsesOn: "" }),
    schema: certificateConsentInput,
  },
  "POST /certificates/:id/assessment": {
    params: (w) => ({ id: w.certificate }),
    form: () => ({ outcome: "no_remarks", assessedOn: "2026-01-07" }),
    schema: certificateAssessmentInput,
  },
  "POST /certificates/:id/again": { params: (w) => ({ id: w.certificate }), form: () => ({}) },
  "POST /certificates/:id/left": { params: (w) => ({ id: w.certificate }), form: () => ({}) },
  "GET /certificates/:id/delete": { params: (w) => ({ id: w.certificate }) },
  "POST /certificates/:id/delete": { params: (w) => ({ id: w.certificate }), form: () => ({}), late: true },
  // members: the centre's member associations and groups (the club is a member, in the world's group)
  "GET /members": { query: (w) => ({ group: w.memberGroup, type: "", status: "current" }) },
  "GET /members/export.csv": { query: () => ({ status: "all" }) },
  "GET /members/new": {},
  "POST /members": {
    form: (w) => ({ associationId: w.otherAssociation, membershipType: "full", joinedOn: "2026-01-01", groups: [w.memberGroup] }),
    schema: newMemberInput,
  },
  "GET /members/groups": {},
  "POST /members/groups": { form: () => ({ name: `${N} gruppe` }), schema: memberGroupInput },
  "GET /members/groups/:id": { params: (w) => ({ id: w.memberGroup }) },
  "POST /members/groups/:id": { params: (w) => ({ id: w.memberGroup }), form: () => ({ name: `${N} nyt navn` }), schema: memberGroupInput },
  "GET /members/:id": { params: (w) => ({ id: w.member }) },
  "POST /members/:id": {
    params: (w) => ({ id: w.member }),
    form: (w) => ({ membershipType: "full", joinedOn: "2026-01-01", leftOn: "", groups: [w.memberGroup] }),
    schema: memberInput,
  },
  "POST /members/:id/fees": { params: (w) => ({ id: w.member }), form: () => ({ year: "2026", status: "paid" }), schema: memberFeeInput },
  // newsletters: staff's drafts (the world's draft), the public archive (its sent one), the subscriber's confirm and one-click unsubscribe keys
  "GET /newsletters": {},
  "GET /newsletters/new": {},
  "POST /newsletters": { form: (w) => ({ subject: N, body: N, segment: `group:${w.memberGroup}` }), schema: newsletterDraftInput },
  "GET /newsletters/archive": {},
  "GET /newsletters/archive/:id": { params: (w) => ({ id: w.newsletter }) },
  "GET /newsletters/subscribe": {},
  "POST /newsletters/subscribe": { form: () => ({ email: "nyhedsbrev@example.org" }), schema: newsletterSubscribeInput },
  "GET /newsletters/subscribe/confirm": { query: (w) => ({ token: w.subscribeKey }) },
  "POST /newsletters/subscribe/confirm": { form: (w) => ({ token: w.subscribeKey }), schema: newsletterTokenInput },
  "GET /newsletters/unsubscribe/:token": { params: (w) => ({ token: w.unsubscribeKey }) },
  "POST /newsletters/unsubscribe/:token": { params: (w) => ({ token: w.unsubscribeKey }), schema: null },
  "GET /newsletters/:id": { params: (w) => ({ id: w.newsletterDraft }) },
  "POST /newsletters/:id": {
    params: (w) => ({ id: w.newsletterDraft }),
    form: () => ({ subject: N, body: N, segment: "subscribers" }),
    schema: newsletterDraftInput,
  },
  "POST /newsletters/:id/send": { params: (w) => ({ id: w.newsletterDraft }), schema: null },
};

export interface Route {
  method: string;
  path: string;
  key: string;
}

/** Every route the app answers, from its router; middleware (method ALL) is not a route. */
export function routesOf(app: { routes: { method: string; path: string }[] }): Route[] {
  const seen = new Map<string, Route>();
  for (const r of app.routes) {
    if (r.method === "ALL") continue;
    const key = `${r.method} ${r.path}`;
    if (!seen.has(key)) seen.set(key, { method: r.method, path: r.path, key });
  }
  return [...seen.values()];
}

/** The path with the parameters filled in and the query appended. */
export function pathFor(route: Route, params: Record<string, string>, query: Fields = {}): string {
  const path = route.path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? `missing-${name}`));
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const one of Array.isArray(v) ? v : [v]) qs.append(k, one);
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

export const isApi = (route: Route) => route.path.startsWith("/api/");
