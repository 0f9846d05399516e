// The "Krachtplan" section of the case page: current version, agreed or not, end and review date.
import { DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph } from '@utrecht/component-library-react';
import { DateText } from '../../app/DateText';
import { RouterLink } from '../../app/links';
import { QueryStatus } from '../../app/QueryStatus';
import { usePlan } from './api';
import { formatDate } from '../../app/format';
import { WAY_SHORT } from './plan-labels';

export function PlanSummary({ caseId }: { caseId: string }) {
  const plan = usePlan(caseId);
  return (
    <section aria-labelledby="krachtplan-title" className="kt-section">
      <Heading2 id="krachtplan-title">Krachtplan</Heading2>
      <QueryStatus query={plan} what="het krachtplan">
        {(p) =>
          p.version === 0 ? (
            <Paragraph>Er is nog geen krachtplan.</Paragraph>
          ) : (
            <DataList appearance="rows" className="kt-datalist">
              <DataListItem>
                <DataListKey>Versie</DataListKey>
                <DataListValue>
                  {p.version}, opgeslagen op <DateText value={p.savedAt} />
                  {p.savedByName ? ` door ${p.savedByName}` : ''}
                </DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>Akkoord van de cliënt</DataListKey>
                <DataListValue>{p.agreedOn ? `Akkoord op ${formatDate(p.agreedOn)}${p.agreedHow ? ` (${WAY_SHORT[p.agreedHow]})` : ''}` : 'Nog geen akkoord op deze versie'}</DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>Verwachte einddatum</DataListKey>
                <DataListValue>
                  <DateText value={p.content.expectedEndOn} empty="Nog niet afgesproken" />
                </DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>Evaluatiedatum</DataListKey>
                <DataListValue>
                  <DateText value={p.content.reviewOn} empty="Nog niet gepland" />
                </DataListValue>
              </DataListItem>
            </DataList>
          )
        }
      </QueryStatus>
      <Paragraph>
        <RouterLink to={`/casussen/${caseId}/plan`}>Krachtplan openen</RouterLink>
      </Paragraph>
    </section>
  );
}
