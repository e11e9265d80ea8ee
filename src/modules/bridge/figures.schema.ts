import { z } from "zod";

/** The earliest and latest year the figures may be asked for. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

/** The year of the figures, as typed in the address: four digits within a sensible range. */
export const figuresYearInput = z.object({
  year: z
    .string()
    .trim()
    .regex(/^\d{4}$/)
    .transform(Number)
    .pipe(z.number().int().min(FIRST_YEAR).max(LAST_YEAR)),
});
