// The saved versions of a plan, newest first. One number per version: its own, in its text, and no
// list numbering beside it that would count the other way ("1. Versie 3").
import { Paragraph } from '@utrecht/component-library-react';
import { formatDate } from '../../app/format';
import type { Plan } from './api';
import { WAY_SHORT } from './plan-labels';

type VersionSummary = Plan['versions'][number];

/** "akkoord cliënt 12 november 2026 (mondeling)" or "nog geen akkoord van de cliënt". */
export function agreementText(v: Pick<VersionSummary, 'agreedOn' | 'agreedHow'>): string {
  if (!v.agreedOn) return 'nog geen akkoord van de cliënt';
  return `akkoord cliënt ${formatDate(v.agreedOn)}${v.agreedHow ? ` (${WAY_SHORT[v.agreedHow] ?? v.agreedHow})` : ''}`;
}

/** "Versie 3 — 12 november 2026 door Sanne Verhoeven — akkoord cliënt 12 november 2026 (mondeling)". */
export function versionText(v: VersionSummary): string {
  const by = v.savedByName ? ` door ${v.savedByName}` : '';
  return `Versie ${v.version} — ${formatDate(v.savedAt)}${by} — ${agreementText(v)}`;
}

export function PlanVersions({ plan }: { plan: Plan }) {
  if (plan.versions.length === 0) return <Paragraph>Er is nog geen versie opgeslagen.</Paragraph>;
  return (
    <ul className="kt-plan-versions" aria-label="Versies van het krachtplan, nieuwste eerst">
      {[...plan.versions]
        .sort((a, b) => b.version - a.version)
        .map((v) => (
          <li key={v.version} aria-current={v.version === plan.version ? 'true' : undefined}>
            {versionText(v)}
            {v.version === plan.version && <strong className="kt-plan-versions__current"> (huidige versie)</strong>}
          </li>
        ))}
    </ul>
  );
}
