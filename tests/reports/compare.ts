// Compares a report with an expected one the way shared/tools/compare-report.py (the acceptance
// check) does: only the expected top-level keys; below them a key missing on one side reads as
// zero; integers exact, other numbers within 0.01; null only equals null.

/** A number written with a decimal point or exponent in the expected file: compared within 0.01. */
export class ExpectedFloat {
  constructor(readonly value: number) {}
  toJSON(): number {
    return this.value;
  }
}

/**
 * Parses an expected report keeping what JSON.parse loses: whether a number was written as an
 * integer (`5`, compared exactly) or not (`5.0`, compared within 0.01), as Python's json does.
 */
export function parseExpected(text: string): Record<string, unknown> {
  let marked = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      marked += text.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      const token = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i))![0];
      marked += /[.eE]/.test(token) ? `{"$float":${token}}` : token;
      i += token.length;
    } else {
      marked += ch;
      i++;
    }
  }
  return JSON.parse(marked, (_key, value: unknown) => (isObject(value) && '$float' in value ? new ExpectedFloat(value.$float as number) : value)) as Record<string, unknown>;
}

function isZeroLike(value: unknown): boolean {
  if (value instanceof ExpectedFloat) return value.value === 0;
  if (value === null || value === undefined || value === 0) return true;
  if (Array.isArray(value)) return value.every(isZeroLike);
  if (isObject(value)) return Object.values(value).every(isZeroLike);
  return false;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof ExpectedFloat);
}

const short = (value: unknown) => (JSON.stringify(value) ?? 'undefined').slice(0, 80);

function compareValue(actual: unknown, expected: unknown, path: string, out: string[]): void {
  if (expected instanceof ExpectedFloat) {
    if (typeof actual !== 'number' || Math.abs(actual - expected.value) > 0.01 + 1e-9) out.push(`${path}: expected ${expected.value}, got ${short(actual)}`);
    return;
  }
  if (isObject(expected) || isObject(actual)) {
    const a = isObject(actual) ? actual : {};
    const e = isObject(expected) ? expected : {};
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(e)])].sort()) {
      if (!(key in e)) {
        if (!isZeroLike(a[key])) out.push(`${path}.${key}: unexpected ${short(a[key])}`);
      } else if (!(key in a)) {
        if (!isZeroLike(e[key])) out.push(`${path}.${key}: missing, expected ${short(e[key])}`);
      } else {
        compareValue(a[key], e[key], `${path}.${key}`, out);
      }
    }
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push(`${path}: expected list of ${expected.length}, got ${short(actual)}`);
      return;
    }
    expected.forEach((e, i) => compareValue(actual[i], e, `${path}[${i}]`, out));
  } else if (expected === null) {
    if (actual !== null) out.push(`${path}: expected null, got ${short(actual)}`);
  } else if (typeof expected === 'number') {
    // A plain number here was written as an integer (parseExpected): exact. Without parseExpected
    // (JSON.parse) integral values are compared exactly too, which is stricter, never looser.
    if (typeof actual !== 'number') out.push(`${path}: expected ${expected}, got ${short(actual)}`);
    else if (Number.isInteger(expected) ? actual !== expected : Math.abs(actual - expected) > 0.01 + 1e-9) out.push(`${path}: expected ${expected}, got ${actual}`);
  } else if (actual !== expected) {
    out.push(`${path}: expected ${short(expected)}, got ${short(actual)}`);
  }
}

/** The differences between a report and the expected one; empty when they match. */
export function compareReport(actual: Record<string, unknown>, expected: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(expected)) {
    if (!(key in actual)) out.push(`${key}: missing`);
    else compareValue(actual[key], expected[key], key, out);
  }
  return out;
}
