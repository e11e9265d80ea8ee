import { audit } from "../../platform/audit/audit.js";
import { isoNow } from "../../platform/clock.js";
import { conflict, invalidField } from "../../platform/http/errors.js";
import { formats } from "../../platform/i18n/format.js";
import { isLang, type Lang } from "../../platform/i18n/i18n.js";
import { newId } from "../../platform/ids.js";
import { sendMail } from "../../platform/mail/send.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { adminAddresses } from "../associations/index.js";
import { updateApplication } from "./applications.repository.js";
import { openForAssessment } from "./assess.js";
import type { QuestionInput } from "./assess.schema.js";
import { allFields, pickText } from "./form.model.js";
import { insertQuestion } from "./questions.repository.js";
import { findFormVersion } from "./schemes.repository.js";

/**
 * A question back to the applicant: the fields it names open again (from the application's own form
 * version), the application waits for an answer, and the association's board is told by mail.
 */
export async function askApplicant(ctx: ServiceContext, id: string, input: QuestionInput): Promise<void> {
  const { application, me } = await openForAssessment(ctx, id, { free: true });
  if (application.status === "questioned") throw conflict("conflict", "grants.assess.question.open", { _form: "grants.assess.question.open" });
  const version = await findFormVersion(ctx.db, ctx.tenant.id, application.formVersionId);
  const formFields = version ? allFields(version.definition) : [];
  const known = new Set(formFields.map((f) => f.key));
  const fields = [...new Set(input.fields)];
  if (fields.some((f) => !known.has(f))) throw invalidField("fields", "validation.unknown");
  await inTransaction(ctx, async (tx) => {
    const at = isoNow(tx.clock);
    await insertQuestion(tx.db, tx.tenant.id, {
      id: newId(),
      applicationId: application.id,
      askedBy: me,
      question: input.question,
      fieldKeys: fields,
      askedAt: at,
      answer: null,
      answeredBy: null,
      answeredAt: null,
    });
    await updateApplication(tx.db, tx.tenant.id, { ...application, status: "questioned", reopened: fields, updatedBy: me, updatedAt: at });
    await audit(tx, "grants.question_asked", { type: "grant_application", id: application.id }, { fields: fields.length });
    const labelsOf = (lang: Lang) => formFields.filter((f) => fields.includes(f.key)).map((f) => pickText(f.label, lang));
    const url = `${tx.baseUrl}/grants/applications/${application.id}`;
    for (const to of await adminAddresses(tx, application.associationId))
      await sendMail(tx.db, tx.clock, {
        tenant: tx.tenant,
        to,
        usedLanguage: isLang(application.language) ? application.language : null,
        compose: (t, lang) => ({
          subject: t("grants.mail.question.subject", { reference: application.reference }),
          paragraphs: [
            t("grants.mail.question.body", { title: application.title, reference: application.reference }),
            input.question,
            fields.length
              ? t("grants.mail.question.reopened", { fields: formats(lang, tx.tenant.timeZone).list(labelsOf(lang)) })
              : t("grants.mail.question.answer"),
          ],
          action: { label: t("grants.mail.question.action"), url },
        }),
      });
  });
}
