import { createRoute, z } from "@hono/zod-openapi";
import type { Api } from "../../platform/api/api.js";
import { baseUrl } from "../../platform/http/middleware.js";
import { serviceContext } from "../../platform/service-context.js";
import { type AgreementLevel, type PublicAgreement, textIn } from "./agreements.model.js";
import { publicRegister } from "./agreements.service.js";
import { tenantLevels } from "./levels.service.js";

const AgreementJson = z
  .object({
    id: z.string(),
    title: z.string(),
    purpose: z.string().openapi({ description: "In Markdown" }),
    level: z.string().openapi({
      description:
        "How close the cooperation is: the id of a level on the municipality's own scale (by default information, dialogue, cooperation or partnership)",
    }),
    levelName: z.string().openapi({ description: "The level's name in the municipality's own language" }),
    levelNames: z.record(z.string(), z.string()).openapi({ description: "The level's name in each language it has one in, by language code" }),
    levelRank: z.number().int().openapi({ description: "The level's place on the scale, 1 for the loosest" }),
    municipality: z.object({ unit: z.string(), gives: z.string() }),
    parties: z.array(z.object({ associationId: z.string(), name: z.string(), gives: z.string() })),
    startsOn: z.string().openapi({ description: "First day, YYYY-MM-DD" }),
    endsOn: z.string().nullable().openapi({ description: "Last day, YYYY-MM-DD; null when open-ended" }),
    url: z.string(),
  })
  .openapi("Agreement");

const toJson = (a: PublicAgreement, base: string, levels: AgreementLevel[], lang: Parameters<typeof textIn>[1]) => {
  const rank = levels.findIndex((l) => l.id === a.level);
  const level = levels[rank];
  return {
    id: a.id,
    title: a.title,
    purpose: a.purpose,
    level: a.level,
    levelName: level ? textIn(level.names, lang, lang) : a.level,
    levelNames: level ? { ...level.names } : {},
    levelRank: rank + 1,
    municipality: { unit: a.municipalUnit, gives: a.municipalityGives },
    parties: a.parties,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    url: `${base}/agreements#${a.id}`,
  };
};

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
      const ctx = serviceContext(c);
      const [rows, levels] = await Promise.all([publicRegister(ctx), tenantLevels(ctx)]);
      return c.json({ data: rows.map((a) => toJson(a, base, levels, ctx.tenant.defaultLanguage)) }, 200);
    },
  );
}
