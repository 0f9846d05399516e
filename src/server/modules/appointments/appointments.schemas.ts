// Appointments on a case, the agenda views and the agenda feed. Shared with the web app.
import { z } from 'zod';
import { dateValue, isoDate, moment } from '../../lib/date-fields';
import { version } from '../../lib/number-fields';
import { optionalText, plainText } from '../../lib/text-fields';
import { APPOINTMENT_KINDS, APPOINTMENT_NOTE_MAX, APPOINTMENT_STATUSES, PLACE_MAX, WITH_WHOM_MAX } from './appointment-rules';

export const APPOINTMENT_WORKER_MESSAGE = 'Kies uzelf of een collega uit het team van de casus';
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Vul een tijd in als UU:MM, bijvoorbeeld 09:30');

/** An appointment as the form sends it: a day and times as the clock in the Netherlands shows them. */
export const appointmentFields = z.object({
  kind: z.enum(APPOINTMENT_KINDS, 'Kies het soort afspraak'),
  /** Within the last year or the next two (appointment-rules.ts, checked by the service too). */
  date: isoDate,
  startTime: time,
  /** After the start, at most 12 hours later, the same day. */
  endTime: time,
  withWhom: optionalText(WITH_WHOM_MAX),
  /** Required for a home visit and at the office; it appears in the worker's agenda feed. */
  place: optionalText(PLACE_MAX),
  note: plainText(APPOINTMENT_NOTE_MAX),
  /** Whose agenda it goes in; left out: the maker. */
  workerId: z.uuid(APPOINTMENT_WORKER_MESSAGE).optional(),
});
export type AppointmentFields = z.input<typeof appointmentFields>;

export const appointmentUpdate = appointmentFields.extend({ version });
export type AppointmentUpdate = z.input<typeof appointmentUpdate>;

/** Cancel, at the version the user read. */
export const appointmentVersion = z.object({ version });

/** Took place: the journal entry it becomes, with what the worker adds to the note. */
export const tookPlace = z.object({
  version,
  note: z.string().trim().max(18000, 'Een notitie is maximaal 18.000 tekens').default(''),
});
export type TookPlace = z.input<typeof tookPlace>;

/** A period of an agenda: from and to (both included), at most 31 days. */
export const agendaQuery = z.object({ from: isoDate, to: isoDate });

const person = z.object({ id: z.string(), name: z.string() });

export const appointment = z.object({
  id: z.string(),
  caseId: z.string(),
  /** The short reference the agenda feed uses for the case (no names there). */
  caseReference: z.string(),
  /** The case's main client; null when the household has none. */
  clientName: z.string().nullable(),
  worker: person,
  kind: z.enum(APPOINTMENT_KINDS),
  withWhom: z.string().nullable(),
  place: z.string().nullable(),
  startsAt: moment,
  endsAt: moment,
  /** The day and times as the clock in the Netherlands shows them, as the form has them. */
  date: dateValue,
  startTime: z.string(),
  endTime: z.string(),
  note: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  /** The journal entry it became. */
  contactId: z.string().nullable(),
  /** Whether the reader may change it, cancel it or make it a journal entry. */
  mayWrite: z.boolean(),
  version: z.number(),
});
export type Appointment = z.infer<typeof appointment>;

/** Took place: the appointment as it is now and the journal entry it became. */
export const tookPlaceResult = z.object({ appointment, contactId: z.string() });
export type TookPlaceResult = z.infer<typeof tookPlaceResult>;

/** Whether the worker has a feed address now (the address itself is shown only once). */
export const agendaFeedStatus = z.object({ active: z.boolean(), createdAt: moment.nullable() });
export type AgendaFeedStatus = z.infer<typeof agendaFeedStatus>;

/**
 * A new address, replacing the one the worker saw (its `createdAt` from GET /agenda-feed), or null
 * when they had none: a second screen that made one in between is not silently overruled (409).
 */
export const newAgendaFeedRequest = z.strictObject({ replacing: moment.nullable() }, 'Stuur mee welk adres u had');

/** Revoke the address the worker saw (its `createdAt`); a newer one made elsewhere stays (409). */
export const revokeAgendaFeedRequest = z.strictObject({ createdAt: moment }, 'Stuur mee welk adres u wilt intrekken');

/** A new feed address: the only time the secret is shown. */
export const newAgendaFeed = z.object({ path: z.string(), createdAt: moment });
export type NewAgendaFeed = z.infer<typeof newAgendaFeed>;

export const agendaFeedQuery = z.object({ token: z.string().min(1, 'Onbekend adres').max(200, 'Onbekend adres') });
