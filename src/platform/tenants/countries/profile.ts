import type { Lang, MessageKey } from "../../i18n/i18n.js";

export const COUNTRY_CODES = ["DK", "NO", "NL"] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

/** The kinds of activity (1, 2, 3) in the order they get premises in a seasonal allocation. */
export type AllocationOrder = (1 | 2 | 3)[];

/** What differs between the countries Sammen serves; one profile per country, read through `countryProfile`. */
export interface CountryProfile {
  code: CountryCode;
  /** A new tenant's default language and time zone. */
  language: Lang;
  timeZone: string;
  /**
   * A postcode as written, once spaces are removed and letters upper-cased; the first group is the
   * code the postcode register is keyed by.
   */
  postcode: RegExp;
  /** The national register of associations and its number. */
  register: {
    /** The org-id.guide scheme and the register's own name for the number, as open data names them. */
    scheme: string;
    name: string;
    /** Whether the number, without spaces, dots and dashes, is a valid one. */
    isValid: (digits: string) => boolean;
    hint: MessageKey;
    invalid: MessageKey;
  };
  /** The child-protection certificate a posting may require. */
  certificate: MessageKey;
  /** Where to complain when an accessibility report gets no answer. */
  accessibilityComplaints: MessageKey;
  /** The allocation order a tenant starts with. */
  allocationOrder: AllocationOrder;
  /** The currency prices are shown in (ISO 4217). */
  currency: string;
  /** The child-protection certificate's own name (børneattest, politiattest, VOG), as a board speaks of it. */
  certificateName: MessageKey;
  /** The months after an assessment a tenant renews a certificate by default (a tenant setting overrides it). */
  certificateRenewalMonths: number;
}
