import { houseJobs, type JobDeps, type JobSet } from "../platform/jobs/house-jobs.js";
import type { ModuleDefinition } from "../platform/modules.js";
import { accountModule } from "./account/index.js";
import { adminModule } from "./admin/index.js";
import { agreementsModule } from "./agreements/index.js";
import { applicantsModule, applicationsModule } from "./applications/index.js";
import { associationsModule } from "./associations/index.js";
import { bridgeModule } from "./bridge/index.js";
import { certificatesModule } from "./certificates/index.js";
import { contactModule } from "./contact/index.js";
import { counsellingModule } from "./counselling/index.js";
import { directoryModule } from "./directory/index.js";
import { eventsModule } from "./events/index.js";
import { expertsModule } from "./experts/index.js";
import { grantsModule } from "./grants/index.js";
import { guidesModule } from "./guides/index.js";
import { homeModule } from "./home/index.js";
import { matchingModule } from "./matching/index.js";
import { membersModule } from "./members/index.js";
import { newslettersModule } from "./newsletters/index.js";
import { openDataModule } from "./open-data/index.js";
import { opportunitiesModule } from "./opportunities/index.js";
import { peopleModule } from "./people/index.js";
import { premisesModule } from "./premises/index.js";
import { privacyModule } from "./privacy/index.js";
import { searchModule } from "./search/index.js";

/** Every capability of Sammen, in the order their navigation appears. */
export const modules: ModuleDefinition[] = [
  homeModule,
  searchModule,
  directoryModule,
  eventsModule,
  applicantsModule,
  opportunitiesModule,
  premisesModule,
  matchingModule,
  bridgeModule,
  grantsModule,
  contactModule,
  certificatesModule,
  membersModule,
  newslettersModule,
  counsellingModule,
  agreementsModule,
  guidesModule,
  expertsModule,
  applicationsModule,
  associationsModule,
  peopleModule,
  privacyModule,
  openDataModule,
  adminModule,
  accountModule,
];

/** The platform's jobs and every module's, as one set for the worker. */
export function allJobs(deps: JobDeps): JobSet {
  const sets = [houseJobs(deps), ...modules.flatMap((m) => (m.jobs ? [m.jobs(deps)] : []))];
  return { handlers: Object.assign({}, ...sets.map((s) => s.handlers)), schedules: sets.flatMap((s) => s.schedules) };
}
