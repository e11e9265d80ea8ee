import type { PersonalDataSource } from "../../platform/privacy/data-subject.js";
import * as repo from "./experts.repository.js";

/**
 * What the expert pool holds about a person: their expert profile, the matches put to them with the hours and
 * the ratings on them, and what they did as a board member or staff (requests asked, hours logged, ratings given).
 * Erasure removes the profile and the expert's matches and hours; elsewhere their name goes off what the
 * association keeps (its requests and the help it got stay, without who asked or logged).
 */
export const personalData: PersonalDataSource = {
  columns: [
    "expert_profiles.user_id",
    "expert_profiles.phone",
    "expert_requests.asked_by",
    "expert_matches.proposed_by",
    "expert_matches.closed_by",
    "expert_matches.board_rated_by",
    "expert_hours.logged_by",
  ],
  async read(db, _ring, subject) {
    const { tenantId, userId } = subject;
    if (!userId) return {};
    const profile = await repo.profileOfUser(db, tenantId, userId);
    const matches = profile ? await repo.matchesOfExpert(db, tenantId, profile.id) : [];
    const [hours, asked, touched, logged] = await Promise.all([
      repo.hoursOfMatches(
        db,
        tenantId,
        matches.map((m) => m.id),
      ),
      repo.requestsAskedBy(db, tenantId, userId),
      repo.matchesTouchedBy(db, tenantId, userId),
      repo.hoursLoggedBy(db, tenantId, userId),
    ]);
    const requests = new Map(
      (
        await repo.requestsByIds(
          db,
          tenantId,
          matches.map((m) => m.requestId),
        )
      ).map((r) => [r.id, r]),
    );
    return {
      experts: {
        expert_profile: profile
          ? {
              skills: profile.skills,
              experience: profile.experience,
              hours_per_month: profile.hoursPerMonth,
              phone: profile.phone,
              status: profile.status,
              signed_up: profile.createdAt,
            }
          : null,
        expert_matches: matches.map((m) => ({
          skill: requests.get(m.requestId)?.skill ?? null,
          request: requests.get(m.requestId)?.description ?? null,
          status: m.status,
          proposed: m.proposedAt,
          answered: m.answeredAt,
          closed: m.closedAt,
          your_rating: m.expertRating,
          your_comment: m.expertComment,
          board_rating: m.boardRating,
          board_comment: m.boardComment,
          hours: hours.filter((h) => h.matchId === m.id).map((h) => ({ date: h.onDate, minutes: h.minutes, what: h.what })),
        })),
        expert_requests_asked: asked.map((r) => ({ skill: r.skill, description: r.description, needed_by: r.neededBy, asked: r.createdAt })),
        expert_matches_as_board_or_staff: touched
          .filter((m) => m.expertId !== profile?.id)
          .map((m) => ({
            match: m.id,
            proposed_by_you: m.proposedBy === userId,
            board_rating: m.boardRatedBy === userId ? m.boardRating : null,
            board_comment: m.boardRatedBy === userId ? m.boardComment : null,
          })),
        expert_hours_logged: logged.map((h) => ({ match: h.matchId, date: h.onDate, minutes: h.minutes, what: h.what })),
      },
    };
  },
  async erase(trx, subject) {
    const { tenantId, userId } = subject;
    if (!userId) return;
    const profile = await repo.profileOfUser(trx, tenantId, userId);
    if (profile) await repo.deleteExpertData(trx, tenantId, profile.id);
    await repo.forgetUser(trx, tenantId, userId);
  },
};
