import type { Migration } from "kysely";
import * as house from "./20261122_0001_house.js";
import * as opportunities from "./20261122_0002_opportunities.js";
import * as search from "./20261122_0003_search.js";
import * as applicationMessages from "./20261122_0004_application_messages.js";
import * as matching from "./20261122_0005_matching.js";
import * as directory from "./20261122_0006_directory.js";
import * as savedSearches from "./20261122_0007_saved_searches.js";
import * as jobRenewal from "./20261122_0008_job_renewal.js";
import * as associationStaleness from "./20261122_0009_association_staleness.js";
import * as map from "./20261122_0010_map.js";
import * as premises from "./20261122_0011_premises.js";
import * as allocationRounds from "./20261122_0012_allocation_rounds.js";
import * as canonicalHost from "./20261126_0013_canonical_host.js";
import * as personalData from "./20261126_0014_personal_data.js";
import * as tenantKeys from "./20261126_0015_tenant_keys.js";
import * as mailClaimsAndOrphanFiles from "./20261126_0016_mail_claims_and_orphan_files.js";
import * as pendingChanges from "./20261126_2140_pending_changes.js";
import * as searchSynonyms from "./20261126_2200_search_synonyms.js";
import * as translations from "./20261126_2230_translations.js";
import * as oneApplicationPerPerson from "./20261126_2300_one_application_per_person.js";
import * as premiseRulesVersion from "./20261127_0100_premise_rules_version.js";
import * as searchSnapshots from "./20261127_0100_search_snapshots.js";
import * as settingsVersion from "./20261127_0100_settings_version.js";
import * as events from "./20261127_0200_events.js";
import * as networks from "./20261127_0300_networks.js";
import * as fair from "./20261127_0310_fair.js";
import * as eventBookings from "./20261127_0320_event_bookings.js";
import * as eventChanges from "./20261127_0321_event_changes.js";
import * as eventChangeIndexes from "./20261127_0390_event_change_indexes.js";
import * as bridge from "./20261128_0400_bridge.js";
import * as grants from "./20261129_0500_grants.js";
import * as agreements from "./20261130_0600_agreements.js";
import * as contact from "./20261130_0610_contact.js";
import * as guides from "./20261130_0620_guides.js";
import * as members from "./20261130_0630_members.js";
import * as newsletters from "./20261130_0640_newsletters.js";
import * as experts from "./20261130_0650_experts.js";
import * as counselling from "./20261130_0660_counselling.js";
import * as certificates from "./20261130_0670_certificates.js";
import * as agreementLevels from "./20261201_0720_agreement_levels.js";
import * as membersEvents from "./20261201_0730_members_events.js";
import * as searchChanges from "./20261202_0800_search_changes.js";
import * as tenantRowNotices from "./20261203_0900_tenant_row_notices.js";

export const migrations: Record<string, Migration> = {
  "20261122_0001_house": house,
  "20261122_0002_opportunities": opportunities,
  "20261122_0003_search": search,
  "20261122_0004_application_messages": applicationMessages,
  "20261122_0005_matching": matching,
  "20261122_0006_directory": directory,
  "20261122_0007_saved_searches": savedSearches,
  "20261122_0008_job_renewal": jobRenewal,
  "20261122_0009_association_staleness": associationStaleness,
  "20261122_0010_map": map,
  "20261122_0011_premises": premises,
  "20261122_0012_allocation_rounds": allocationRounds,
  "20261126_0013_canonical_host": canonicalHost,
  "20261126_0014_personal_data": personalData,
  "20261126_0015_tenant_keys": tenantKeys,
  "20261126_0016_mail_claims_and_orphan_files": mailClaimsAndOrphanFiles,
  "20261126_2140_pending_changes": pendingChanges,
  "20261126_2200_search_synonyms": searchSynonyms,
  "20261126_2230_translations": translations,
  "20261126_2300_one_application_per_person": oneApplicationPerPerson,
  "20261127_0100_premise_rules_version": premiseRulesVersion,
  "20261127_0100_settings_version": settingsVersion,
  "20261127_0100_search_snapshots": searchSnapshots,
  "20261127_0200_events": events,
  "20261127_0300_networks": networks,
  "20261127_0310_fair": fair,
  "20261127_0320_event_bookings": eventBookings,
  "20261127_0321_event_changes": eventChanges,
  "20261127_0390_event_change_indexes": eventChangeIndexes,
  "20261128_0400_bridge": bridge,
  "20261129_0500_grants": grants,
  "20261130_0600_agreements": agreements,
  "20261130_0610_contact": contact,
  "20261130_0620_guides": guides,
  "20261130_0630_members": members,
  "20261130_0640_newsletters": newsletters,
  "20261130_0660_counselling": counselling,
  "20261130_0670_certificates": certificates,
  "20261130_0650_experts": experts,
  "20261201_0720_agreement_levels": agreementLevels,
  "20261201_0730_members_events": membersEvents,
  "20261202_0800_search_changes": searchChanges,
  "20261203_0900_tenant_row_notices": tenantRowNotices,
};
