import type { Database } from "../../db/database.js";
import { isCountry, postcodeKey } from "../tenants/countries.js";
import { type Place, placeByCode, placesByCode } from "./postcodes.repository.js";

export type { Place };

/** A postcode of the tenant's country, written as people write it ("8000", "0150", "1012 AB"). */
export async function findPostcode(db: Database, country: string, input: string): Promise<Place | null> {
  const code = normalisePostcode(country, input);
  if (!code) return null;
  return placeByCode(db, country, code);
}

/** Dutch postcodes are found by their four digits (the PC4 area); Danish and Norwegian are four digits. */
export function normalisePostcode(country: string, input: string): string | null {
  return isCountry(country) ? postcodeKey(country, input) : null;
}

const EARTH_RADIUS_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance; close enough for "how far is it" within a municipality. */
/**
 * A lower bound of distanceKm from the latitudes alone (a great circle is never shorter than its north–south
 * part), to rule out far places before the trigonometry.
 */
export function latitudeGapKm(a: number, b: number): number {
  return EARTH_RADIUS_KM * Math.abs(rad(b - a));
}

/** The degrees of latitude `km` spans: the inverse of latitudeGapKm. */
export const latitudeDegrees = (km: number): number => (km / EARTH_RADIUS_KM) * (180 / Math.PI);

export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  return distanceKmTo(a, b.lat, b.lon);
}

/** distanceKm to a place given by its coordinates, for a pass over many documents that keeps them in columns. */
export function distanceKmTo(a: { lat: number; lon: number }, lat: number, lon: number): number {
  const h = Math.sin(rad(lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(lat)) * Math.sin(rad(lon - a.lon) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

/** Several postcodes at once, keyed by the code as given. */
export async function findPostcodes(db: Database, country: string, inputs: string[]): Promise<Map<string, Place>> {
  const wanted = new Map(inputs.map((input) => [input, normalisePostcode(country, input)]));
  const codes = [...new Set([...wanted.values()].filter((c): c is string => c !== null))];
  if (codes.length === 0) return new Map();
  const byCode = new Map((await placesByCode(db, country, codes)).map((p) => [p.code, p]));
  const result = new Map<string, Place>();
  for (const [input, code] of wanted) {
    const place = code ? byCode.get(code) : undefined;
    if (place) result.set(input, place);
  }
  return result;
}
