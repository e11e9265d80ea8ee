import { z } from "zod";

export const email = z
  .string()
  .trim()
  .min(1, "validation.emailRequired")
  .max(254, "validation.email")
  .pipe(z.email("validation.email"))
  .transform((e) => e.toLowerCase());

export const signUpInput = z.object({
  name: z.string().trim().min(1, "validation.nameRequired").max(120, "validation.tooLong"),
  email,
  password: z.string().min(1, "password.required").max(1024, "password.tooLong"),
});

export const signInInput = z.object({
  email,
  password: z.string().min(1, "password.required").max(1024, "password.tooLong"),
  next: z.string().optional(),
});

export const emailOnlyInput = z.object({ email, next: z.string().optional() });

export const tokenInput = z.object({ token: z.string().min(10, "error.linkInvalid").max(200, "error.linkInvalid") });

export const resetInput = tokenInput.extend({ password: z.string().min(1, "password.required").max(1024, "password.tooLong") });
