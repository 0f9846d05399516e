// Text that PostgreSQL cannot store and give back unchanged: a lone UTF-16 surrogate (JSON's \ud800
// escapes and JavaScript strings allow one) or a NUL character, found anywhere in a JSON value, and
// the refusal that names each place (and for a file, its line). Pure: the input check of every
// /api route (http/input-check.ts) and the web import's upload reader (which reads its own bytes,
// off the event loop) use the same rule and the same words.
import { Invalid, type FieldProblem } from './errors';
import { textProblem } from './text-fields';

export type TextProblem = NonNullable<ReturnType<typeof textProblem>>;

export interface BadText {
  path: (string | number)[];
  problem: TextProblem;
  /** The line of the first bad character, when the text has more than one line (a CSV file). */
  line?: number;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function badText(path: (string | number)[], text: string, problem: TextProblem): BadText {
  if (!text.includes('\n')) return { path, problem };
  const at = problem === 'nul' ? text.indexOf('\u0000') : text.search(LONE_SURROGATE);
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return { path, problem, line };
}

/** A place in a JSON value: its key and the place it is in (a path is built only for bad text). */
interface Place {
  parent: Place | null;
  key: string | number;
}

function pathOf(place: Place | null): (string | number)[] {
  const path: (string | number)[] = [];
  for (let p = place; p; p = p.parent) path.push(p.key);
  return path.reverse();
}

/**
 * The strings in a JSON value (keys and values, at any depth) that are not storable text, in
 * document order, at most `limit`. Iterative and linear, so a deeply nested body cannot exhaust the
 * stack or the time.
 */
export function findBadText(value: unknown, limit = 20): BadText[] {
  const found: BadText[] = [];
  const stack: { place: Place | null; value: unknown }[] = [{ place: null, value }];
  while (stack.length > 0 && found.length < limit) {
    const { place, value: current } = stack.pop()!;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) found.push(badText(pathOf(place), current, problem));
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ place: { parent: place, key: i }, value: current[i] });
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        const childPlace = { parent: place, key };
        stack.push({ place: childPlace, value: child });
        // A bad key is reported before its value (pushed last, popped first).
        if (textProblem(key)) stack.push({ place: childPlace, value: key });
      }
    }
  }
  return found;
}

/** A path as the error shape writes it (`client.firstName`), with the bad characters of keys replaced, so the answer is valid text itself. */
function dotted(path: (string | number)[]): string {
  return path.map((segment) => String(segment).toWellFormed().replaceAll('\u0000', '\ufffd')).join('.');
}

const FIELD_MESSAGES: Record<TextProblem, string> = {
  nul: 'Bevat een nulteken; haal het weg',
  surrogate: 'Bevat een teken dat geen geldige tekst is (een losse helft van een UTF-16-tekenpaar); typ of kopieer de tekst opnieuw',
};

function where(bad: BadText): string {
  return bad.line ? ` op regel ${bad.line}` : '';
}

/** The refusal: every bad field, and a message that names the first (the web import shows only the message: the file and line). */
export function badTextError(found: BadText[]): Invalid {
  const fields: FieldProblem[] = found.map((bad) => ({ path: dotted(bad.path), message: `${FIELD_MESSAGES[bad.problem]}${bad.line ? ` (regel ${bad.line})` : ''}` }));
  const first = found[0]!;
  // The field's own name (a file name in the import), not the index of a list it is in.
  const key = first.path.findLast((segment) => typeof segment === 'string');
  const subject = key === undefined ? 'De invoer' : `“${dotted([key])}”`;
  const message =
    first.problem === 'nul'
      ? `${subject} bevat${where(first)} een nulteken. Haal het weg en probeer het opnieuw.`
      : `${subject} bevat${where(first)} een teken dat geen geldige tekst is (een losse helft van een UTF-16-tekenpaar). Typ of kopieer de tekst opnieuw en sla het bestand op als UTF-8.`;
  return new Invalid(fields, message);
}
