import type { Premise, PremiseFields } from "../../src/modules/premises/premises.model.js";

/** What a new premise is when nothing else is said: the same defaults as a new row. */
export const PREMISE_DEFAULTS: PremiseFields = {
  parentId: null,
  kind: "room",
  name: "",
  description: "",
  address: null,
  postcode: null,
  capacity: null,
  sizeM2: null,
  facilities: [],
  accessibility: [],
  houseRules: "",
  accessDetails: "",
  bookable: true,
  whoMayBook: "associations",
  approval: "manual",
  pricePerHour: 0,
  minMinutes: 30,
  maxMinutes: 480,
  maxDaysAhead: 365,
  bufferMinutes: 0,
  cancelHours: 24,
};

/** A premise record for tests of the pure rules, named after its id unless told otherwise. */
export const premiseRecord = (id: string, fields: Partial<Premise> = {}): Premise => ({
  ...PREMISE_DEFAULTS,
  id,
  tenantId: "t",
  name: id,
  currency: "DKK",
  ...fields,
});
