// The last step of every writer: the file text (serialise), checked against the structure table,
// so that no message leaves this folder that our own checker would reject.
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { IwmoInputError } from './iwmo-errors';
import { serialise, type MessageKind } from './iwmo-format';
import { checkStructure } from './iwmo-structure';

export function serialiseChecked(kind: MessageKind, doc: XMLBuilder): string {
  const xml = serialise(doc);
  const problems = checkStructure(kind, xml);
  if (problems.length > 0) throw new IwmoInputError(problems);
  return xml;
}
