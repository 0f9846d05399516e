// Date fields as the forms send them, with a Dutch message. Shared by the schemas and the web app.
import { z } from 'zod';

/** A calendar date, YYYY-MM-DD, from 1900 on (older dates are typing errors, and year 0 breaks PostgreSQL). */
export const isoDate = z.iso.date('Vul een datum in als JJJJ-MM-DD').refine((d) => d >= '1900-01-01', 'Vul een datum vanaf 1900 in');

/** A calendar date in an answer: YYYY-MM-DD (documented as `format: date`, NL API Design Rules /core/date-time). */
export const dateValue = z.iso.date();

/** A moment in an answer: ISO 8601 in UTC as `Date.toISOString()` writes it (documented as `format: date-time`). */
export const moment = z.iso.datetime();
