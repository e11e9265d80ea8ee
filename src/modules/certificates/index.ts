import { can } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { certificateJobs } from "./certificate-jobs.js";
import { canKeepSomeCertificates, canSetCertificateRenewal } from "./certificates.policy.js";
import { certificatesRoutes } from "./certificates.routes.js";
import type {} from "./certificates.table.js"; // its tables join the database interface
import { personalData } from "./personal-data.js";

export { type CertificateRow, certificateStages } from "./certificates.js";
export { stageLabels as certificateStageLabels } from "./certificates.labels.js";
export type { Stage as CertificateStage } from "./certificates.model.js";

export const certificatesModule: ModuleDefinition = {
  name: "certificates",
  mounts: [{ path: "/certificates", routes: certificatesRoutes }],
  personalData,
  jobs: certificateJobs,
  notices: {
    certificateRequested: "certificates.notice.requested",
    certificateConsent: "certificates.notice.consent",
    certificateAssessed: "certificates.notice.assessed",
    certificateLeft: "certificates.notice.left",
    certificateDeleted: "certificates.notice.deleted",
    certificateSettingsSaved: "certificates.notice.settingsSaved",
  },
  nav: [
    { href: "/certificates", label: "nav.certificates", group: "association", visible: (a) => can(a, canKeepSomeCertificates, { tenantId: a.tenantId }) },
    {
      href: "/certificates/settings",
      label: "nav.certificateSettings",
      group: "admin",
      visible: (a) => can(a, canSetCertificateRenewal, { tenantId: a.tenantId }),
    },
  ],
};
