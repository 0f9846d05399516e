import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build319 } from './build-319';
import { validateWithXsd } from './validate-xsd';
import { INPUT_301 } from './test-fixtures';

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const dir = mkdtempSync(path.join(tmpdir(), 'iwmo-xsd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const xml319 = build319({ header: INPUT_301.header, providerReference: 'VOT-1', answer: '2', rejectionReason: null });

// A tiny hand-written stand-in for WMO319.xsd: Bericht is Header then Antwoord, their content unchecked.
const TINY_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.istandaarden.nl/iwmo/3_2/wmo319/schema" elementFormDefault="qualified">
  <xs:complexType name="Open">
    <xs:sequence><xs:any namespace="##any" processContents="skip" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
  </xs:complexType>
  <xs:element name="Bericht">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="Header" type="Open" xmlns="http://www.istandaarden.nl/iwmo/3_2/wmo319/schema"/>
        <xs:element name="Antwoord" type="Open" xmlns="http://www.istandaarden.nl/iwmo/3_2/wmo319/schema"/>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>
`;

/** A stand-in program that reads the message from stdin, prints `stderr` and exits with `exit`. */
function fakeXmllint(name: string, stderr: string, exit: number): string {
  const file = path.join(dir, name);
  writeFileSync(`${file}.stderr`, stderr);
  writeFileSync(file, `#!/bin/sh\ncat > /dev/null\ncat '${file}.stderr' >&2\nexit ${exit}\n`);
  chmodSync(file, 0o755);
  return file;
}

describe('validateWithXsd', () => {
  it.skipIf(!hasXmllint)('validates with xmllint against the XSD in the folder', async () => {
    const xsdDir = path.join(dir, 'xsd');
    mkdirSync(xsdDir, { recursive: true });
    writeFileSync(path.join(xsdDir, 'WMO319.xsd'), TINY_XSD);
    expect(await validateWithXsd('319', xml319, xsdDir)).toEqual([]);
    const swapped = xml319.replace('wmo319:Header>', 'wmo319:Kop>').replace('</wmo319:Header>', '</wmo319:Kop>');
    const problems = await validateWithXsd('319', swapped, xsdDir);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.line).toBe(3);
    expect(problems[0]!.message).toContain('Kop');
    await expect(validateWithXsd('305', xml319, xsdDir)).rejects.toThrow(/kan niet worden geladen/);
  });

  it.skipIf(hasXmllint)('says libxml2-utils is needed when xmllint is not installed', async () => {
    await expect(validateWithXsd('319', xml319, dir)).rejects.toThrow('xmllint is niet gevonden (xmllint); installeer libxml2-utils');
  });

  it('says libxml2-utils is needed when the configured program does not exist', async () => {
    await expect(validateWithXsd('319', xml319, dir, { xmllint: path.join(dir, 'geen-xmllint') })).rejects.toThrow(/installeer libxml2-utils/);
  });

  it('turns xmllint validity errors into problems with line numbers', async () => {
    const program = fakeXmllint('invalid', "-:3: element Kop: Schemas validity error : Element 'Kop': This element is not expected.\n- fails to validate\n", 3);
    expect(await validateWithXsd('319', xml319, dir, { xmllint: program })).toEqual([
      { line: 3, message: "element Kop: Schemas validity error : Element 'Kop': This element is not expected." },
    ]);
    const valid = fakeXmllint('valid', '- validates\n', 0);
    expect(await validateWithXsd('319', xml319, dir, { xmllint: valid })).toEqual([]);
    const broken = fakeXmllint('broken', 'WXS schema WMO319.xsd failed to compile\n', 5);
    await expect(validateWithXsd('319', xml319, dir, { xmllint: broken })).rejects.toThrow(/WMO319.xsd kan niet worden geladen/);
  });
});
