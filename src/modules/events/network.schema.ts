import { z } from "zod";
import { email } from "../../platform/auth/auth.schema.js";

const text = (max: number, required: string) => z.string().trim().min(1, required).max(max, "validation.tooLong");
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .default("")
    .transform((v) => v || null);

export const networkInput = z.object({
  name: text(120, "networks.name.required"),
  description: z.string().trim().max(4000, "validation.tooLong").default(""),
});
export type NetworkInput = z.output<typeof networkInput>;

/** Inviting someone by e-mail: she may work at another centre, named in `organisation`. */
export const inviteInput = z.object({
  name: text(120, "validation.nameRequired"),
  email,
  organisation: optional(160),
  role: z.enum(["member", "organiser"], "validation.invalid").default("member"),
});
export type InviteInput = z.output<typeof inviteInput>;

export const agendaPointInput = z.object({
  title: text(160, "networks.agenda.title.required"),
  text: z.string().trim().max(2000, "validation.tooLong").default(""),
});
export type AgendaPointInput = z.output<typeof agendaPointInput>;

export const moveInput = z.object({ direction: z.enum(["up", "down"], "validation.invalid") });

export const minutesInput = z.object({
  text: z.string().trim().min(1, "networks.minutes.required").max(50_000, "validation.tooLong"),
});

/** Joining from the invitation's link without an account: the link proves the address, so a name and a password are enough. */
export const joinInput = z.object({
  token: z.string().min(10, "error.linkInvalid").max(200, "error.linkInvalid"),
  name: text(120, "validation.nameRequired"),
  password: z.string().min(1, "password.required").max(1024, "password.tooLong"),
});
export const joinTokenInput = z.object({ token: z.string().min(10, "error.linkInvalid").max(200, "error.linkInvalid") });
