// Validation against the official iWmo XSDs, for a municipality that puts them in a folder
// (KEUKENTAFEL_IWMO_XSD_DIR, docs/iwmo.md): `WMO301.xsd` … next to the `basisschema.xsd` they import.
// Runs `xmllint --noout --schema <dir>/WMO<kind>.xsd -` with the message on stdin. xmllint comes
// with libxml2-utils; nothing is installed from here.
import { execFile } from 'node:child_process';
import path from 'node:path';
import type { MessageKind } from './iwmo-format';

export interface XsdProblem {
  /** Line in the message, when xmllint gives one. */
  readonly line: number | null;
  /** xmllint's own text (English), e.g. "Element '…': This element is not expected." */
  readonly message: string;
}

export interface XsdOptions {
  /** The xmllint program; default `xmllint` on the PATH. */
  readonly xmllint?: string;
}

/** xmllint's exit codes: 0 valid, 1 the input is not well-formed XML, 3 and 4 not valid, 5 the schema does not compile. */
const NOT_WELL_FORMED = 1;
const INVALID = [3, 4];
const SCHEMA_FAILED = 5;

/** The XSD's problems with the message; empty when it is valid. Throws when xmllint is missing or the XSD cannot be loaded. */
export function validateWithXsd(kind: MessageKind, xml: string, xsdDir: string, options: XsdOptions = {}): Promise<XsdProblem[]> {
  const program = options.xmllint ?? 'xmllint';
  const schema = path.join(xsdDir, `WMO${kind}.xsd`);
  return new Promise((resolve, reject) => {
    const child = execFile(program, ['--noout', '--schema', schema, '-'], { maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (!error) return resolve([]);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return reject(new Error(`xmllint is niet gevonden (${program}); installeer libxml2-utils om iWmo-berichten tegen de officiële XSD's te valideren`));
      }
      const exit = typeof error.code === 'number' ? error.code : null;
      if (exit === NOT_WELL_FORMED || (exit !== null && INVALID.includes(exit))) return resolve(problemsOf(stderr));
      if (exit === SCHEMA_FAILED) return reject(new Error(`het XSD ${schema} kan niet worden geladen: ${firstLines(stderr)}`));
      return reject(new Error(`xmllint stopte onverwacht (${exit ?? error.message}): ${firstLines(stderr)}`));
    });
    // A missing program closes stdin at once; its error is reported through the callback above.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(xml, 'utf8');
  });
}

/** xmllint writes `-:12: element Foo: Schemas validity error : Element '…': …`; the last line ("- fails to validate") is a summary. */
function problemsOf(stderr: string): XsdProblem[] {
  const problems = stderr
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !/^- fails to validate$/.test(line.trim()))
    .map((line) => {
      const match = /^-:(\d+):\s*(.*)$/.exec(line);
      return match ? { line: Number(match[1]), message: match[2] } : { line: null, message: line.trim() };
    });
  return problems.length > 0 ? problems : [{ line: null, message: 'xmllint meldt dat het bericht niet voldoet aan het XSD' }];
}

const firstLines = (text: string): string => text.split(/\r?\n/).filter(Boolean).slice(0, 3).join(' | ');
