import type { PersonalDataSource } from "./account/account.service.js";
import { personalData as associations } from "./associations/index.js";
import { personalData as matching } from "./matching/index.js";
import { personalData as applications } from "./opportunities/index.js";
import { personalData as savedSearches } from "./search/index.js";

/** Every module that holds personal data adds its part of a person's data download here. */
export const personalDataSources: PersonalDataSource[] = [associations, applications, matching, savedSearches];
