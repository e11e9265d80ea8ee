import { can, hasRole } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { canManageContact, canUseInbox } from "./contact.policy.js";
import { contactRoutes } from "./contact.routes.js";
import type {} from "./contact.table.js"; // its tables join the database interface
import { waitingInContact } from "./enquiries.js";
import { notAPerson, personalData } from "./personal-data.js";
import { contactJobs } from "./reminders.js";

export const contactModule: ModuleDefinition = {
  name: "contact",
  mounts: [{ path: "/contact", routes: contactRoutes }],
  personalData,
  notAPerson,
  // The daily job: reminders for unanswered enquiries, then deleting closed ones past the tenant's period.
  jobs: contactJobs,
  notices: {
    contactTopicSaved: "contact.notice.topicSaved",
    contactSettingsSaved: "contact.notice.settingsSaved",
    contactAnswered: "contact.notice.answered",
    contactNoted: "contact.notice.noted",
    contactMoved: "contact.notice.moved",
    contactClosed: "contact.notice.closed",
  },
  nav: [
    // Caseworkers reach their inbox from their start page and the mails; the centre's menu lists it for staff.
    {
      href: "/contact/enquiries",
      label: "nav.contactEnquiries",
      group: "centre",
      visible: (a) => can(a, canUseInbox, { tenantId: a.tenantId }) && hasRole(a, "staff"),
    },
    { href: "/contact/topics", label: "nav.contactTopics", group: "admin", visible: (a) => can(a, canManageContact, { tenantId: a.tenantId }) },
  ],
  waiting: waitingInContact,
};
