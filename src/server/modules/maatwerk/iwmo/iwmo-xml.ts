// Reading XML text into a small plain tree (element name, namespace, children, own text) that the
// structure checker and the reader walk. xmlbuilder2 parses; because its reader is lenient (it
// accepts `<a><b></a>` and unclosed elements), a well-formedness pass over the same lexer's tokens
// runs first: matching tags, one root element, declared prefixes, known entities, legal characters.
import { create } from 'xmlbuilder2';
import type { Element, Node } from '@oozcitak/dom/lib/dom/interfaces.js';
import { TokenType } from '@oozcitak/dom/lib/parser/interfaces.js';
import type { DeclarationToken, ElementToken, ClosingTagToken, CharacterDataToken, XMLToken } from '@oozcitak/dom/lib/parser/interfaces.js';
import { XMLStringLexer } from '@oozcitak/dom/lib/parser/XMLStringLexer.js';

export interface XmlElement {
  /** Local name, without prefix. */
  readonly name: string;
  readonly namespace: string | null;
  readonly children: readonly XmlElement[];
  /** The element's own character data (text and CDATA), concatenated; line ends normalised to LF. */
  readonly text: string;
}

/** Not well-formed XML. `element` is the path of local names to where it went wrong ('' before the root). */
export class XmlSyntaxError extends Error {
  constructor(
    readonly element: string,
    message: string,
  ) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

const NODE_ELEMENT = 1;
const NODE_TEXT = 3;
const NODE_CDATA = 4;
/** Characters XML 1.0 allows (§2.2 Char); anything else makes the document not well-formed. */
const ILLEGAL_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const REFERENCE = /^&(?:lt|gt|amp|apos|quot|#[0-9]+|#x[0-9a-fA-F]+);/;

/** Parse XML text into its root element; throws XmlSyntaxError when it is not well-formed. */
export function parseXml(xml: string): XmlElement {
  // XML 1.0 §2.11: a parser sees every CR/LF and lone CR as LF.
  const text = xml.replace(/\r\n?/g, '\n');
  const illegal = ILLEGAL_CHAR.exec(text);
  if (illegal) {
    const line = text.slice(0, illegal.index).split('\n').length;
    throw new XmlSyntaxError('', `geen geldige XML: ongeldig teken U+${illegal[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} op regel ${line}`);
  }
  checkWellFormed(text);
  const root = create(text).root().node as unknown as Element;
  return toTree(root);
}

function toTree(element: Element): XmlElement {
  const children: XmlElement[] = [];
  let text = '';
  element.childNodes.forEach((node: Node) => {
    if (node.nodeType === NODE_ELEMENT) children.push(toTree(node as Element));
    else if (node.nodeType === NODE_TEXT || node.nodeType === NODE_CDATA) text += node.textContent ?? '';
  });
  return { name: element.localName, namespace: element.namespaceURI, children, text };
}

interface OpenElement {
  readonly qname: string;
  readonly prefixes: ReadonlySet<string>;
}

const localPart = (qname: string): string => qname.slice(qname.indexOf(':') + 1);
const prefixOf = (qname: string): string | null => (qname.includes(':') ? qname.slice(0, qname.indexOf(':')) : null);

function checkWellFormed(xml: string): void {
  const lexer = new XMLStringLexer(xml, { skipWhitespaceOnlyText: false });
  const open: OpenElement[] = [];
  let rootSeen = false;
  let first = true;
  /** Fail at the open element, or at `current` inside it (an element whose start tag is wrong). */
  const fail = (message: string, current?: string): never => {
    const names = [...open.map((o) => o.qname), ...(current ? [current] : [])];
    throw new XmlSyntaxError(names.map(localPart).join('/'), message);
  };
  const checkReferences = (data: string): void => {
    for (let i = data.indexOf('&'); i !== -1; i = data.indexOf('&', i + 1)) {
      if (!REFERENCE.test(data.slice(i))) fail(`geen geldige XML: onbekende entiteit of losse & in "${data.slice(i, i + 12)}"`);
    }
  };

  for (;;) {
    let token: XMLToken;
    try {
      token = lexer.nextToken();
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const where = /Ln: (\d+), Col: (\d+)/.exec(text);
      return fail(`geen geldige XML: ${text.split('\n')[0]}${where ? ` (regel ${Number(where[1]) + 1}, kolom ${Number(where[2]) + 1})` : ''}`);
    }
    if (token.type === TokenType.EOF) break;
    switch (token.type) {
      case TokenType.Declaration: {
        if (!first) fail('geen geldige XML: de XML-declaratie staat niet aan het begin van het bestand');
        const encoding = (token as DeclarationToken).encoding;
        if (encoding && encoding.toUpperCase() !== 'UTF-8') fail(`tekenset ${encoding}; iWmo-bestanden zijn UTF-8 (OP192)`);
        break;
      }
      case TokenType.DocType:
        fail('een DOCTYPE is niet toegestaan in een iWmo-bericht');
        break;
      case TokenType.Element: {
        const element = token as ElementToken;
        if (open.length === 0) {
          if (rootSeen) fail(`geen geldige XML: tweede hoofdelement <${element.name}>`, element.name);
          rootSeen = true;
        }
        const inScope = new Set(open.at(-1)?.prefixes ?? ['xml']);
        const seen = new Set<string>();
        for (const [name, value] of element.attributes) {
          if (seen.has(name)) fail(`geen geldige XML: attribuut ${name} staat twee keer in <${element.name}>`, element.name);
          seen.add(name);
          checkReferences(value);
          if (name.startsWith('xmlns:')) inScope.add(name.slice('xmlns:'.length));
        }
        for (const qname of [element.name, ...[...seen].filter((n) => n.includes(':') && !n.startsWith('xmlns:'))]) {
          const prefix = prefixOf(qname);
          if (prefix !== null && !inScope.has(prefix)) fail(`geen geldige XML: namespace-prefix ${prefix} in ${qname} is niet gedeclareerd`, element.name);
        }
        if (!element.selfClosing) open.push({ qname: element.name, prefixes: inScope });
        break;
      }
      case TokenType.ClosingTag: {
        const name = (token as ClosingTagToken).name;
        const top = open.at(-1);
        if (!top) fail(`geen geldige XML: sluittag </${name}> zonder begintag`);
        else if (top.qname !== name) fail(`geen geldige XML: sluittag </${name}> hoort niet bij <${top.qname}>`);
        open.pop();
        break;
      }
      case TokenType.Text: {
        const data = (token as CharacterDataToken).data;
        if (open.length === 0 && data.trim() !== '') fail('geen geldige XML: tekst buiten het hoofdelement');
        checkReferences(data);
        break;
      }
      case TokenType.CDATA:
        if (open.length === 0) fail('geen geldige XML: CDATA buiten het hoofdelement');
        break;
      default: // comments and processing instructions carry no data for us
        break;
    }
    first = false;
  }
  const unclosed = open.at(-1);
  if (unclosed) fail(`geen geldige XML: element <${unclosed.qname}> is niet afgesloten`);
  if (!rootSeen) fail('geen geldige XML: het bestand bevat geen element');
}
