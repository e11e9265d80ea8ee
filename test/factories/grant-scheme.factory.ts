// A grant scheme's and a round's forms as a tenant administrator fills them in.

/** A scheme's form as an administrator fills it in. */
export const schemeForm = (title: string, extra: Record<string, string | string[]> = {}) => ({
  title,
  purpose: "Støtte til aktiviteter, der samler borgere på tværs.",
  rules: "Der gives ikke tilskud til drift.",
  whoMayApply: "Frivillige foreninger i kommunen.",
  requiresRegistration: "on",
  maxAmount: "25.000",
  criterionKey: ["", "", ""],
  criterionLabel: ["Lokal forankring", "Flere nye frivillige", ""],
  criterionWeight: ["3", "2", ""],
  reportDemands: ["activities", "accounts"],
  reportMonths: "3",
  status: "active",
  title_en: "Local activities pool",
  ...extra,
});

export const roundForm = (extra: Record<string, string> = {}) => ({
  title: "Forår 2027",
  opensDate: "2026-11-01",
  deadlineDate: "2027-03-01",
  deadlineTime: "23:59",
  secondDeadlineDate: "",
  secondDeadlineTime: "",
  budget: "250.000",
  decisionBody: "Frivillighedsrådet",
  ...extra,
});
