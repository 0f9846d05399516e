import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../config';

describe('the iWmo settings', () => {
  it('send as Utrecht (0344), the demo municipality, unless KEUKENTAFEL_GEMEENTECODE says otherwise', () => {
    expect(readConfig({}).gemeentecode).toBe('0344');
    expect(readConfig({ KEUKENTAFEL_GEMEENTECODE: '0363' }).gemeentecode).toBe('0363');
    for (const wrong of ['344', '03444', 'utrecht']) expect(() => readConfig({ KEUKENTAFEL_GEMEENTECODE: wrong }), wrong).toThrow(/KEUKENTAFEL_GEMEENTECODE must be the 4-digit CBS gemeentecode/);
  });

  it('validate against the XSDs only when a folder is given', () => {
    expect(readConfig({}).iwmoXsdDir).toBeUndefined();
    expect(readConfig({ KEUKENTAFEL_IWMO_XSD_DIR: '/srv/iwmo/xsd' }).iwmoXsdDir).toBe('/srv/iwmo/xsd');
  });

  it('take the folders of the message gateway when given, never one folder for both', () => {
    expect(readConfig({})).toMatchObject({ iwmoOutboxDir: undefined, iwmoInboxDir: undefined });
    expect(readConfig({ KEUKENTAFEL_IWMO_OUTBOX_DIR: '/srv/iwmo/uit', KEUKENTAFEL_IWMO_INBOX_DIR: '/srv/iwmo/in' })).toMatchObject({ iwmoOutboxDir: '/srv/iwmo/uit', iwmoInboxDir: '/srv/iwmo/in' });
    expect(() => readConfig({ KEUKENTAFEL_IWMO_OUTBOX_DIR: '/srv/iwmo', KEUKENTAFEL_IWMO_INBOX_DIR: '/srv/iwmo/' })).toThrow(/must be two different folders/);
  });
});
