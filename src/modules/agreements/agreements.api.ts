import { createRoute, z } from "@hono/zod-openapi";
import type { Api } from "../../platform/api/api.js";
import { baseUrl } from "../../platform/http/middleware.js";
import { serviceContext } from "../../platform/service-context.js";
import { LEVELS, type PublicAgreement } from "./agreements.model.js";
import { publicRegister } from "./agreements.service.js";

const AgreementJson = z
  .object({
    id: z.string(),
    title: z.string(),
    purpose: z.string().openapi({ description: "In Markdown" }),
    level: z.enum(LEVELS).openapi({ description: "How close the cooperation is: information, dialogue, cooperation or partnership" }),
    municipality: z.object({ unit: z.string(), gives: z.string() }),
    parties: z.array(z.object({ associationId: z.string(), name: z.string(), gives: z.string() })),
    startsOn: z.string().openapi({ description: "First day, YYYY-MM-DD" }),
    endsOn: z.string().nullable().openapi({ description: "Last day, YYYY-MM-DD; null when open-ended" }),
    url: z.string(),
  })
  .openapi("Agreement");

const toJson = (a: PublicAgreement, base: string) => ({
  id: a.id,
  title: a.title,
  purpose: a.purpose,
  level: a.level,
  municipality: { unit: a.municipalUnit, gives: a.municipalityGives },
  parties: a.parties,
  startsOn: a.startsOn,
  endsOn: a.endsOn,
  url: `${base}/agreements#${a.id}`,
});

/** The public register of cooperation agreements, for the municipality's own website. Open to anyone. */
export function registerAgreementsApi(api: Api) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/agreements",
      tags: ["Agreements"],
      summary: "Cooperation agreements marked public that are agreed and running today",
      responses: {
        200: {
          description: "The public register",
          content: { "application/json": { schema: z.object({ data: z.array(AgreementJson) }) } },
        },
      },
    }),
    async (c) => {
      const base = baseUrl(c);
      const rows = await publicRegister(serviceContext(c));
      return c.json({ data: rows.map((a) => toJson(a, base)) }, 200);
    },
  );
}
