import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import type { PostcodesTable } from "./search.table.js";

export interface Place {
  code: string;
  name: string;
  lat: number;
  lon: number;
}

/** PostgreSQL hands numeric columns back as text. */
export const toPlace = (row: Pick<Selectable<PostcodesTable>, "code" | "name" | "lat" | "lon">): Place => ({
  code: row.code,
  name: row.name,
  lat: Number(row.lat),
  lon: Number(row.lon),
});

/** The country's postcodes among these codes; postcodes are shared by every tenant of a country. */
export async function placesByCode(db: Database, country: string, codes: string[]): Promise<Place[]> {
  const rows = await db.selectFrom("postcodes").select(["code", "name", "lat", "lon"]).where("country", "=", country).where("code", "in", codes).execute();
  return rows.map(toPlace);
}

export async function placeByCode(db: Database, country: string, code: string): Promise<Place | null> {
  const row = await db
    .selectFrom("postcodes")
    .select(["code", "name", "lat", "lon"])
    .where("country", "=", country)
    .where("code", "=", code)
    .executeTakeFirst();
  return row ? toPlace(row) : null;
}
