// Versies vergelijken: any two versions, the changes as "label: van → naar".
import { useState } from 'react';
import { Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { SelectField } from '../../app/fields';
import { QueryStatus } from '../../app/QueryStatus';
import { usePlanComparison, type Plan } from './api';

export function PlanCompare({ caseId, plan }: { caseId: string; plan: Plan }) {
  const versions = [...plan.versions].sort((a, b) => a.version - b.version);
  const options = versions.map((v) => ({ value: String(v.version), label: `Versie ${v.version}` }));
  const [from, setFrom] = useState(String(versions.at(-2)?.version ?? ''));
  const [to, setTo] = useState(String(versions.at(-1)?.version ?? ''));
  const comparison = usePlanComparison(caseId, Number(from), Number(to));
  return (
    <section aria-labelledby="vergelijken-title" className="kt-section">
      <Heading2 id="vergelijken-title">Versies vergelijken</Heading2>
      <div className="kt-row">
        <SelectField id="vergelijk-van" label="Van versie" options={options} value={from} onChange={setFrom} placeholder={null} />
        <SelectField id="vergelijk-naar" label="Naar versie" options={options} value={to} onChange={setTo} placeholder={null} />
      </div>
      <div aria-live="polite">
        {from === to ? (
          <Paragraph>Kies twee verschillende versies.</Paragraph>
        ) : (
          <QueryStatus query={comparison} what="de vergelijking">
            {(result) =>
              result.changes.length === 0 ? (
                <Paragraph>Er zijn geen verschillen tussen versie {result.from} en versie {result.to}.</Paragraph>
              ) : (
                <>
                  <Paragraph>
                    Wat er veranderde van versie {result.from} naar versie {result.to}:
                  </Paragraph>
                  <UnorderedList>
                    {result.changes.map((change, index) => (
                      <UnorderedListItem key={index}>
                        <strong>{change.label}</strong>: {change.from || '(leeg)'} → {change.to || '(leeg)'}
                      </UnorderedListItem>
                    ))}
                  </UnorderedList>
                </>
              )
            }
          </QueryStatus>
        )}
      </div>
    </section>
  );
}
