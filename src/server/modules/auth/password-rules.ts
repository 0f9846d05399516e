// The rules for a password a person chooses (NIST SP 800-63B style): long enough, not their own
// e-mail address or name, not a well-known or leaked password. No composition rules (a capital, a
// digit...): they make passwords harder to remember, not harder to guess. Pure, no I/O.
import { COMMON_PASSWORDS } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 12;
/** Fewer different characters than this ("aaaaaaaaaaaa", "abababababab") is too easy to guess. */
const MIN_DISTINCT_CHARACTERS = 5;

const COMMON = new Set(COMMON_PASSWORDS);

export const PASSWORD_MESSAGES = {
  tooShort: `Een wachtwoord heeft minstens ${MIN_PASSWORD_LENGTH} tekens`,
  personal: 'Gebruik niet uw e-mailadres of naam in uw wachtwoord',
  repetitive: 'Dit wachtwoord is te voorspelbaar: gebruik meer verschillende tekens',
  common: 'Dit wachtwoord is te bekend en wordt snel geraden; kies een ander',
  leaked: 'Dit wachtwoord staat in een lijst van uitgelekte wachtwoorden; kies een ander',
} as const;

export interface PasswordContext {
  email?: string;
  name?: string;
  /** Extra forbidden passwords in lower case (PASSWORD_DENYLIST_FILE). */
  denylist?: ReadonlySet<string>;
}

/** Letters and digits only, lower case: "Anna Aalders" and "anna.aalders" compare equal. */
function compact(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** The password without the digits and symbols people put around a word ("Welkom2024!" → "welkom"). */
function core(lower: string): string {
  return lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}

/** The Dutch problems with a password, or none. */
export function passwordProblems(password: string, context: PasswordContext = {}): string[] {
  const problems: string[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH) problems.push(PASSWORD_MESSAGES.tooShort);

  const squeezed = compact(password);
  const emailWhole = compact(context.email ?? '');
  const emailLocal = compact((context.email ?? '').split('@')[0] ?? '');
  const name = compact(context.name ?? '');
  if ([emailWhole, emailLocal, name].some((own) => own.length >= 3 && squeezed.includes(own))) problems.push(PASSWORD_MESSAGES.personal);

  if (new Set(password).size < MIN_DISTINCT_CHARACTERS) problems.push(PASSWORD_MESSAGES.repetitive);

  const lower = password.toLowerCase();
  if (COMMON.has(lower) || COMMON.has(core(lower)) || COMMON.has(squeezed)) problems.push(PASSWORD_MESSAGES.common);
  else if (context.denylist?.has(lower)) problems.push(PASSWORD_MESSAGES.leaked);
  return problems;
}
