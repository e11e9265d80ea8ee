import { z } from "zod";
import { email } from "../../platform/auth/auth.schema.js";

export const dataRequestInput = z.object({ email });
