import { stdnum } from "stdnum";
import type { CountryProfile } from "./profile.js";

export const norway: CountryProfile = {
  code: "NO",
  language: "nb",
  timeZone: "Europe/Oslo",
  postcode: /^(\d{4})$/,
  register: {
    scheme: "NO-BRC",
    name: "Organisasjonsnummer",
    isValid: (digits) => stdnum.NO?.orgnr?.validate(digits).isValid ?? false,
    hint: "association.regNumber.hint.NO",
    invalid: "association.regNumber.invalid.NO",
  },
  certificate: "opportunity.certificate.NO",
  accessibilityComplaints: "a11y.enforcement.NO",
  allocationOrder: [1, 2, 3],
};
