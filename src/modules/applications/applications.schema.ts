import { z } from "zod";
import { email } from "../../platform/auth/auth.schema.js";
import { phoneNumber } from "../../platform/http/fields.js";
import { APPLICATION_STEPS } from "./applications.model.js";

export const applyInput = z.object({
  name: z.string().trim().min(1, "validation.nameRequired").max(120, "validation.tooLong"),
  email,
  phone: phoneNumber(),
  message: z.string().trim().min(1, "application.message.required").max(3000, "validation.tooLong"),
});

export const applicationStatusInput = z.object({ status: z.enum(APPLICATION_STEPS, "validation.invalid") });
export const threadMessageInput = z.object({ body: z.string().trim().min(1, "thread.body.required").max(5000, "validation.tooLong") });
export const applicantReplyInput = threadMessageInput.extend({ key: z.string().min(10, "error.linkInvalid").max(300, "error.linkInvalid") });
