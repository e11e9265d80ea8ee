// The validator alone: the package's index loads every country's tables (a second at start).
import * as orgnr from "stdnum/lib/cjs/no/orgnr.js";
import type { CountryProfile } from "./profile.js";

export const norway: CountryProfile = {
  code: "NO",
  language: "nb",
  timeZone: "Europe/Oslo",
  postcode: /^(\d{4})$/,
  register: {
    scheme: "NO-BRC",
    name: "Organisasjonsnummer",
    isValid: (digits) => orgnr.validate(digits).isValid,
    hint: "association.regNumber.hint.NO",
    invalid: "association.regNumber.invalid.NO",
  },
  certificate: "opportunity.certificate.NO",
  accessibilityComplaints: "a11y.enforcement.NO",
  allocationOrder: [1, 2, 3],
  currency: "NOK",
  certificateName: "certificates.name.NO",
  // A politiattest is usually asked for again after three years.
  certificateRenewalMonths: 36,
};
