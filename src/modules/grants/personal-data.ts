import { findUserById } from "../../platform/auth/users.repository.js";
import type { PersonalDataSource } from "../../platform/privacy/data-subject.js";
import type { BoardMember } from "./grants.model.js";
import * as repo from "./public.repository.js";

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase("da") === b.trim().toLocaleLowerCase("da");
const naming = (board: BoardMember[] | undefined, name: string) => (board ?? []).filter((m) => sameName(m.name, name));

/**
 * What grants hold about a person: what they did (applications they made or sent, scores, declarations,
 * notes, questions, reports, payouts) and the board lists their association wrote their name in. The
 * association's applications stay on erasure (they are the association's, and the municipality's
 * record of public money); the person is taken off them and out of the board lists.
 *
 * Scores and conflict declarations cannot stay without the person: their columns may not be empty
 * and point at the account, which erasure removes, so they go with it. The decision itself, its
 * reason and the letter remain, so a decided round stays accountable.
 */
export const personalData: PersonalDataSource = {
  columns: [
    "grant_form_versions.created_by",
    "grant_profiles.updated_by",
    "grant_applications.created_by",
    "grant_applications.updated_by",
    "grant_applications.submitted_by",
    "grant_applications.recommended_by",
    "grant_applications.decided_by",
    "grant_application_files.created_by",
    "grant_scores.reviewer_id",
    "grant_conflicts.user_id",
    "grant_notes.author_id",
    "grant_questions.asked_by",
    "grant_questions.answered_by",
    "grant_payouts.paid_by",
    "grant_reports.submitted_by",
    "grant_reports.reviewed_by",
  ],
  async read(db, _ring, subject) {
    const { tenantId, userId } = subject;
    if (!userId) return {};
    const [name, applications, scores, declarations, notes, questions, reports, payouts, forms, verdicts, lists] = await Promise.all([
      findUserById(db, tenantId, userId).then((u) => u?.name ?? null),
      repo.applicationsTouchedBy(db, tenantId, userId),
      repo.scoresGivenBy(db, tenantId, userId),
      repo.declarationsBy(db, tenantId, userId),
      repo.notesWrittenBy(db, tenantId, userId),
      repo.questionsOfPerson(db, tenantId, userId),
      repo.reportsOfPerson(db, tenantId, userId),
      repo.payoutsMarkedBy(db, tenantId, userId),
      repo.formVersionsBy(db, tenantId, userId),
      repo.verdictsBy(db, tenantId, userId),
      repo.boardLists(db, tenantId),
    ]);
    const did = (by: string | null) => by === userId;
    const board = name
      ? [
          ...lists.profiles.flatMap((p) => naming(p.board, name).map((m) => ({ kept_by_association: p.associationId, name: m.name, role: m.role }))),
          ...lists.applications.flatMap((a) => naming(a.profile?.board, name).map((m) => ({ application: a.reference, name: m.name, role: m.role }))),
        ]
      : [];
    const grants = {
      applications: applications.map((a) => ({
        reference: a.reference,
        title: a.title,
        status: a.status,
        made: did(a.created_by),
        changed: did(a.updated_by),
        sent: did(a.submitted_by) ? a.submitted_at : null,
        recommended: did(a.recommended_by),
        decided: did(a.decided_by) ? a.decided_at : null,
      })),
      eligibility_verdicts: verdicts.map((v) => ({ application: v.reference, verdict: v.eligibility?.verdict ?? null, at: v.eligibility?.at ?? null })),
      scores: scores.map((s) => ({ application: s.reference, criterion: s.criterion_key, score: s.score, at: s.created_at })),
      declarations: declarations.map((d) => ({ application: d.reference, conflict: d.conflict === 1, note: d.note, at: d.declared_at })),
      notes: notes.map((n) => ({ application: n.reference, kind: n.kind, text: n.body, at: n.created_at })),
      questions: questions.map((q) => ({
        application: q.reference,
        question: q.question,
        asked: did(q.asked_by) ? q.asked_at : null,
        answer: q.answer,
        answered: did(q.answered_by) ? q.answered_at : null,
      })),
      reports: reports.map((r) => ({
        application: r.reference,
        status: r.status,
        sent: did(r.submitted_by) ? r.submitted_at : null,
        reviewed: did(r.reviewed_by) ? r.reviewed_at : null,
        review_note: did(r.reviewed_by) ? r.review_note : null,
      })),
      payouts_marked_paid: payouts.map((p) => ({ application: p.reference, amount: p.amount, paid_at: p.paid_at })),
      forms_made: forms.map((f) => ({ scheme: f.title, version: f.version, at: f.created_at })),
      board_lists: board,
    };
    const empty = Object.values(grants).every((list) => list.length === 0);
    return empty ? {} : { grants };
  },
  async erase(trx, subject) {
    const { tenantId, userId } = subject;
    if (!userId) return;
    const name = (await findUserById(trx, tenantId, userId))?.name ?? null;
    if (name) {
      const lists = await repo.boardLists(trx, tenantId);
      for (const p of lists.profiles)
        if (naming(p.board, name).length > 0)
          await repo.putProfileBoard(
            trx,
            tenantId,
            p.associationId,
            p.board.filter((m) => !sameName(m.name, name)),
          );
      for (const a of lists.applications)
        if (a.profile && naming(a.profile.board, name).length > 0)
          await repo.putApplicationProfile(trx, tenantId, a.id, { ...a.profile, board: a.profile.board.filter((m) => !sameName(m.name, name)) });
    }
    for (const v of await repo.verdictsBy(trx, tenantId, userId))
      if (v.eligibility) await repo.putEligibility(trx, tenantId, v.id, { ...v.eligibility, by: null });
    await repo.forgetPerson(trx, tenantId, userId);
  },
};
