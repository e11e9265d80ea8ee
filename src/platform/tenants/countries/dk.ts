// The validator alone: the package's index loads every country's tables (a second at start).
import * as cvr from "stdnum/lib/cjs/dk/cvr.js";
import type { CountryProfile } from "./profile.js";

export const denmark: CountryProfile = {
  code: "DK",
  language: "da",
  timeZone: "Europe/Copenhagen",
  postcode: /^(\d{4})$/,
  register: {
    scheme: "DK-CVR",
    name: "CVR",
    isValid: (digits) => cvr.validate(digits).isValid,
    hint: "association.regNumber.hint.DK",
    invalid: "association.regNumber.invalid.DK",
  },
  certificate: "opportunity.certificate.DK",
  accessibilityComplaints: "a11y.enforcement.DK",
  allocationOrder: [1, 2, 3],
  currency: "DKK",
  certificateName: "certificates.name.DK",
  // No fixed legal renewal for associations; many renew every two years, and when the role changes.
  certificateRenewalMonths: 24,
};
