// A new client with an open case, made the way a worker does it: a registration of the session's
// team, triaged to generalist support, which opens the case with the session's worker as lead. For
// the tests that need a case to work on; a test about registering or triage itself makes the calls.
import { todayInNetherlands } from '../../src/server/lib/dates';
import type { CaseDetail } from '../../src/server/modules/cases/cases.schemas';
import type { NewRegistration, Registration } from '../../src/server/modules/registrations/registrations.schemas';
import type { Session } from './test-app';

/** The new client's fields; the rest of the registration defaults to a self-referral of today. */
export type OpenCaseOptions = { client: NonNullable<NewRegistration['client']> } & Partial<Pick<NewRegistration, 'registeredOn' | 'referrerCode' | 'referrerOther' | 'question'>>;

export interface OpenedCase {
  /** The registration as the triage answered it (with `caseId`). */
  registration: Registration;
  caseId: string;
  clientId: string;
}

export async function openCase(session: Session, options: OpenCaseOptions): Promise<OpenedCase> {
  const registration = await session.post<Registration>('/api/v1/registrations', {
    registeredOn: todayInNetherlands(),
    referrerCode: 'zelfmelder',
    question: 'Hulp bij de administratie',
    ...options,
  });
  const triaged = await session.post<Registration>(`/api/v1/registrations/${registration.id}/triage`, { outcome: 'generalist', version: registration.version });
  return { registration: triaged, caseId: triaged.caseId!, clientId: triaged.client.id };
}

/** `openCase`, answering with the case as GET /api/v1/cases/:id shows it. */
export async function openCaseDetail(session: Session, options: OpenCaseOptions): Promise<CaseDetail> {
  const { caseId } = await openCase(session, options);
  return session.get<CaseDetail>(`/api/v1/cases/${caseId}`);
}
