import { describe, expect, it } from 'vitest';
import { parseXml, XmlSyntaxError } from './iwmo-xml';

function syntaxError(xml: string): XmlSyntaxError {
  try {
    parseXml(xml);
  } catch (error) {
    if (error instanceof XmlSyntaxError) return error;
    throw error;
  }
  throw new Error('parsed without error');
}

describe('parseXml', () => {
  it('gives local names, namespaces, own text with entities and CDATA resolved, and LF line ends', () => {
    const tree = parseXml('<?xml version="1.0" encoding="UTF-8"?>\r\n<p:a xmlns:p="urn:p" xmlns:q="urn:q"><p:b>x &amp; &#233;\r\ny</p:b><q:c><![CDATA[<z>]]></q:c></p:a>\r\n');
    expect(tree).toEqual({
      name: 'a',
      namespace: 'urn:p',
      text: '',
      children: [
        { name: 'b', namespace: 'urn:p', text: 'x & é\ny', children: [] },
        { name: 'c', namespace: 'urn:q', text: '<z>', children: [] },
      ],
    });
  });

  // xmlbuilder2's own reader accepts all of these; the well-formedness pass must not.
  it.each([
    ['<a><b></a>', 'a/b', 'sluittag </a> hoort niet bij <b>'],
    ['<a><b>', 'a/b', 'element <b> is niet afgesloten'],
    ['<a/><b/>', 'b', 'tweede hoofdelement'],
    ['<p:a/>', 'a', 'namespace-prefix p'],
    ['<a>&nbsp;</a>', 'a', 'onbekende entiteit'],
    ['<a>1 & 2</a>', 'a', 'losse &'],
    ['<a>\u0001</a>', '', 'ongeldig teken U+0001'],
    ['<!DOCTYPE a><a/>', '', 'DOCTYPE'],
    ['<a/>tekst', '', 'tekst buiten het hoofdelement'],
    ['\n<?xml version="1.0"?><a/>', '', 'XML-declaratie'],
    ['<?xml version="1.0" encoding="ISO-8859-1"?><a/>', '', 'tekenset ISO-8859-1'],
    ['<a b="1" b="2"/>', 'a', 'attribuut b staat twee keer'],
    ['<a><b</a>', 'a', 'geen geldige XML'],
    ['{"Bericht": {}}', '', 'tekst buiten het hoofdelement'],
    ['', '', 'geen element'],
  ])('rejects %j at %j', (xml, element, message) => {
    const error = syntaxError(xml);
    expect(error.element).toBe(element);
    expect(error.message).toContain(message);
  });
});
