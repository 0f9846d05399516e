// The saved versions of a plan, newest first, each with the client's agreement or "nog geen akkoord".
import { Paragraph } from '@utrecht/component-library-react';
import { formatDate } from '../../app/format';
import type { Plan } from './api';
import { shortDate, WAY_SHORT } from './plan-labels';

export function versionText(v: Plan['versions'][number]): string {
  const by = v.savedByName ? ` door ${v.savedByName}` : '';
  const agreed = v.agreedOn ? `akkoord ${shortDate(v.agreedOn)}${v.agreedHow ? ` ${WAY_SHORT[v.agreedHow] ?? v.agreedHow}` : ''}` : 'nog geen akkoord';
  return `Versie ${v.version} — ${formatDate(v.savedAt)}${by} — ${agreed}`;
}

export function PlanVersions({ plan }: { plan: Plan }) {
  if (plan.versions.length === 0) return <Paragraph>Er is nog geen versie opgeslagen.</Paragraph>;
  return (
    <ol className="kt-plan-versions" aria-label="Versies van het krachtplan, nieuwste eerst">
      {[...plan.versions]
        .sort((a, b) => b.version - a.version)
        .map((v) => (
          <li key={v.version}>{versionText(v)}</li>
        ))}
    </ol>
  );
}
