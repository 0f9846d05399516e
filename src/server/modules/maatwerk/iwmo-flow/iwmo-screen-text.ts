// What the beheerder's iWmo screen says about a message or a run, made fit for someone who sees no
// client data: the error of a refused file without the values it quotes, retour codes with their
// meaning, and what the outbox did not send counted per cause instead of per client. Pure.
import { RETOUR_CODES, type RetourCode } from '../iwmo/iwmo-codes';
import type { OutboxSkipped } from './iwmo-outbox.service';

/** What stands where a value of the file was. */
export const HIDDEN_VALUE = '(weggelaten)';

/** The structure check quotes a value that does not fit its element: `waarde "…" is ongeldig; verwacht …` (iwmo-structure.ts). */
const VALUE_START = 'waarde "';
const VALUE_END = '" is ongeldig; verwacht';
/** The XML check quotes the text around a stray &: `… losse & in "…"` (iwmo-xml.ts), at the end of its message. */
const AMPERSAND_CONTEXT = 'losse & in "';

/**
 * A refused file's error (as stored and written to its .fout.txt) without the values it quotes. The
 * structure check quotes a value that does not fit its element, which may be a BSN that fails the
 * 11-proef, a name or a birth date from the client part; the XML check quotes the text around a stray
 * &. Those are cut out; the file, the element and what was expected stay, so the beheerder can tell
 * the provider what to fix. The full error is in the file's .fout.txt beside it in rejected/.
 */
export function errorWithoutValues(error: string): string {
  let shown = '';
  let rest = error;
  for (;;) {
    const start = rest.indexOf(VALUE_START);
    if (start === -1) break;
    shown += `${rest.slice(0, start)}waarde ${HIDDEN_VALUE}`;
    const end = rest.indexOf(VALUE_END, start + VALUE_START.length);
    // Without its end the value runs to the end of the text: nothing after it is shown.
    if (end === -1) return shown;
    rest = rest.slice(end + 1);
  }
  shown += rest;
  const ampersand = shown.indexOf(AMPERSAND_CONTEXT);
  // That message ends the text (an XML error is the file's only problem): cut to the end.
  return ampersand === -1 ? shown : `${shown.slice(0, ampersand)}losse & in ${HIDDEN_VALUE}`;
}

export interface DescribedRetourCode {
  code: string;
  description: string;
}

/** Retour codes (WJ001) with their Dutch meaning; a code outside the list says so. */
export function describeRetourCodes(codes: readonly string[]): DescribedRetourCode[] {
  return codes.map((code) => ({ code, description: RETOUR_CODES[code as RetourCode] ?? 'Onbekende retourcode.' }));
}

export interface SkippedCount {
  provider: string;
  /** Why, naming no client (OutboxSkipped.cause). */
  cause: string;
  /** How many messages (one per client and provider) were not sent for this cause. */
  messages: number;
}

/**
 * What the outbox did not send, per provider and cause, with the number of messages: never which
 * client. Ordered by provider, then cause, so two runs with the same result read the same.
 */
export function skippedByCause(skipped: readonly Pick<OutboxSkipped, 'provider' | 'cause'>[]): SkippedCount[] {
  const counts = new Map<string, SkippedCount>();
  for (const { provider, cause } of skipped) {
    const key = JSON.stringify([provider, cause]);
    const entry = counts.get(key) ?? { provider, cause, messages: 0 };
    entry.messages++;
    counts.set(key, entry);
  }
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...counts.values()].sort((a, b) => order(a.provider, b.provider) || order(a.cause, b.cause));
}
