import type { CountryProfile } from "./profile.js";

export const netherlands: CountryProfile = {
  code: "NL",
  language: "nl",
  timeZone: "Europe/Amsterdam",
  // Found by the four digits (the PC4 area); the two letters narrow it to a street, which the register does not hold.
  postcode: /^(\d{4})([A-Z]{2})?$/,
  register: {
    scheme: "NL-KVK",
    name: "KvK-nummer",
    isValid: (digits) => /^\d{8}$/.test(digits),
    hint: "association.regNumber.hint.NL",
    invalid: "association.regNumber.invalid.NL",
  },
  certificate: "opportunity.certificate.NL",
  accessibilityComplaints: "a11y.enforcement.NL",
  allocationOrder: [1, 2, 3],
  currency: "EUR",
  certificateName: "certificates.name.NL",
  // A VOG speaks of the day it was issued; many organisations ask for a new one every three years.
  certificateRenewalMonths: 36,
};
