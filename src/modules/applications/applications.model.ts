import type { Opportunity } from "../opportunities/index.js";

/** The steps an association moves an applicant along. */
export const APPLICATION_STEPS = ["new", "contacted", "meeting", "started", "not_now"] as const;
export type ApplicationStep = (typeof APPLICATION_STEPS)[number];
/** Before the applicant confirms their e-mail address, nobody at the association sees the application. */
export type ApplicationStatus = "unconfirmed" | ApplicationStep;

/** An application as services and views see it: its message opened. */
export interface Application {
  id: string;
  tenantId: string;
  opportunityId: string;
  userId: string | null;
  name: string;
  email: string;
  phone: string | null;
  message: string;
  status: ApplicationStatus;
  createdAt: string;
  confirmedAt: string | null;
  firstAnswerAt: string | null;
  updatedAt: string;
}

export interface ThreadMessage {
  id: string;
  sender: "association" | "applicant";
  body: string;
  createdAt: string;
}

/** One applicant's conversation with the association, opening with the application itself. */
export interface Thread {
  opportunity: Opportunity;
  application: Application;
  messages: ThreadMessage[];
}

/** An application on its applicant's own list, with the job it is for. */
export interface MyApplication {
  id: string;
  status: ApplicationStatus;
  createdAt: string;
  opportunityId: string;
  title: string;
  associationName: string;
}

/** An applicant nobody answered in time, for the volunteer centre. */
export interface WaitingApplicant {
  id: string;
  name: string;
  confirmedAt: string | null;
  opportunityId: string;
  title: string;
  associationName: string;
}
