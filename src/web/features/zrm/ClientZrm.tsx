// Zelfredzaamheid (ZRM) on the client page: the client's scores over time against the goal.
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { QueryStatus } from '../../app/QueryStatus';
import { codeOptions, useReference } from '../../app/reference';
import { useClientZrm } from './api';
import { ZrmProgress } from './ZrmProgress';

export function ClientZrm({ clientId, name }: { clientId: string; name: string }) {
  const zrm = useClientZrm(clientId);
  const reference = useReference();
  const domains = codeOptions(reference.data, 'zrm_domains');
  return (
    <section aria-labelledby="zrm-title" className="kt-section">
      <Heading2 id="zrm-title">Zelfredzaamheid (ZRM)</Heading2>
      <QueryStatus query={zrm} what="de ZRM-metingen">
        {(assessments) =>
          assessments.length === 0 ? (
            <Paragraph>Er zijn nog geen ZRM-metingen van {name}.</Paragraph>
          ) : (
            <ZrmProgress name={name} assessments={assessments} domains={domains} />
          )
        }
      </QueryStatus>
    </section>
  );
}
