// Earlier versions of one contact: what it said before each edit, and who changed it.
import { Paragraph } from '@utrecht/component-library-react';
import { CONTACT_KIND_LABELS } from '../../../server/modules/cases/case-rules';
import { DateText } from '../../app/DateText';
import { QueryStatus } from '../../app/QueryStatus';
import { useContactVersions } from './api';
import { SensitivityTag } from './Sensitivity';

export function ContactVersions({ contactId, headingId }: { contactId: string; headingId: string }) {
  const versions = useContactVersions(contactId, true);
  return (
    <section className="kt-versions" aria-labelledby={headingId}>
      <Paragraph id={headingId} className="kt-versions__title">
        <strong>Eerdere versies</strong>
      </Paragraph>
      <QueryStatus query={versions} what="eerdere versies">
        {(list) =>
          list.length === 0 ? (
            <Paragraph>Er zijn geen eerdere versies.</Paragraph>
          ) : (
            <ol className="kt-versions__list">
              {[...list]
                .sort((a, b) => b.version - a.version)
                .map((v) => (
                  <li key={v.version}>
                    <Paragraph>
                      Versie {v.version}: <DateText value={v.contactOn} />, {CONTACT_KIND_LABELS[v.kind] ?? v.kind}
                      {v.minutes !== null ? `, ${v.minutes} minuten` : ''}
                      {v.authorName ? `, geschreven door ${v.authorName}` : ''}. Vervangen op <DateText value={v.replacedAt} withTime />
                      {v.replacedByName ? ` door ${v.replacedByName}` : ''}.
                      <SensitivityTag value={v.sensitivity} />
                    </Paragraph>
                    {v.note && <Paragraph className="kt-pre-line kt-note">{v.note}</Paragraph>}
                  </li>
                ))}
            </ol>
          )
        }
      </QueryStatus>
    </section>
  );
}
