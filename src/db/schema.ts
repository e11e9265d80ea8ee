import type { ApplicationMessagesTable, ApplicationsTable } from "../modules/applications/applications.table.js";
import type { AssociationMembersTable, AssociationsTable } from "../modules/associations/associations.table.js";
import type { OffersTable } from "../modules/directory/directory.table.js";
import type { MatchingConsentsTable, VolunteerProfilesTable } from "../modules/matching/matching.table.js";
import type { OpportunitiesTable } from "../modules/opportunities/opportunities.table.js";
import type {
  AllocationApplicationsTable,
  AllocationRoundsTable,
  BookingOccurrencesTable,
  BookingsTable,
  CalendarTokensTable,
  OccupancyTable,
  PremiseClosuresTable,
  PremiseHoursTable,
  PremisePhotosTable,
  PremisesTable,
} from "../modules/premises/premises.table.js";
import type { SavedSearchesTable } from "../modules/search/search.table.js";
import type { TaxonomyTermsTable } from "../modules/taxonomy/taxonomy.table.js";
import type { ApiTokensTable } from "../platform/api/api.table.js";
import type { AccessLogTable, AuditLogTable } from "../platform/audit/audit.table.js";
import type {
  EmailTokensTable,
  OidcProvidersTable,
  RateLimitsTable,
  SessionsTable,
  UserIdentitiesTable,
  UserRolesTable,
  UsersTable,
} from "../platform/auth/auth.table.js";
import type { FilesTable } from "../platform/files/files.table.js";
import type { JobsTable } from "../platform/jobs/jobs.table.js";
import type { MailOutboxTable } from "../platform/mail/mail.table.js";
import type { PostcodesTable, SearchDocumentsTable } from "../platform/search/search.table.js";
import type { TenantHostsTable, TenantsTable } from "../platform/tenants/tenants.table.js";

export interface DB {
  tenants: TenantsTable;
  tenant_hosts: TenantHostsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  email_tokens: EmailTokensTable;
  rate_limits: RateLimitsTable;
  oidc_providers: OidcProvidersTable;
  user_identities: UserIdentitiesTable;
  associations: AssociationsTable;
  association_members: AssociationMembersTable;
  mail_outbox: MailOutboxTable;
  jobs: JobsTable;
  audit_log: AuditLogTable;
  access_log: AccessLogTable;
  api_tokens: ApiTokensTable;
  taxonomy_terms: TaxonomyTermsTable;
  opportunities: OpportunitiesTable;
  applications: ApplicationsTable;
  application_messages: ApplicationMessagesTable;
  search_documents: SearchDocumentsTable;
  postcodes: PostcodesTable;
  volunteer_profiles: VolunteerProfilesTable;
  matching_consents: MatchingConsentsTable;
  offers: OffersTable;
  files: FilesTable;
  saved_searches: SavedSearchesTable;
  premises: PremisesTable;
  premise_hours: PremiseHoursTable;
  premise_closures: PremiseClosuresTable;
  bookings: BookingsTable;
  booking_occurrences: BookingOccurrencesTable;
  occupancy: OccupancyTable;
  calendar_tokens: CalendarTokensTable;
  allocation_rounds: AllocationRoundsTable;
  allocation_applications: AllocationApplicationsTable;
  premise_photos: PremisePhotosTable;
}
