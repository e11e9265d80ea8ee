import { stdnum } from "stdnum";
import type { CountryProfile } from "./profile.js";

export const denmark: CountryProfile = {
  code: "DK",
  language: "da",
  timeZone: "Europe/Copenhagen",
  postcode: /^(\d{4})$/,
  register: {
    scheme: "DK-CVR",
    name: "CVR",
    isValid: (digits) => stdnum.DK?.cvr?.validate(digits).isValid ?? false,
    hint: "association.regNumber.hint.DK",
    invalid: "association.regNumber.invalid.DK",
  },
  certificate: "opportunity.certificate.DK",
  accessibilityComplaints: "a11y.enforcement.DK",
  allocationOrder: [1, 2, 3],
};
