// A legal term: its last day and where it stands, in words (the colour only supports them).
import { StatusBadge } from '@utrecht/component-library-react';
import { DateText } from '../../app/DateText';
import type { ProvisionRequest } from './api';
import { TERM_STATE_LABELS, TERM_STATE_TONE } from './labels';

export function TermBadge({ label, term }: { label: string; term: ProvisionRequest['researchTerm'] }) {
  return (
    <span className="kt-term">
      {label} uiterlijk <DateText value={term.dueOn} />: <StatusBadge status={TERM_STATE_TONE[term.state]}>{TERM_STATE_LABELS[term.state]}</StatusBadge>
    </span>
  );
}
