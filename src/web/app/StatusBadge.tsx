// Case status as text in a badge; the colour only supports the words.
import { StatusBadge } from '@utrecht/component-library-react';
import { CASE_STATUS_LABELS, type CaseStatus } from '../../server/modules/cases/case-rules';

const TONE: Record<CaseStatus, string> = {
  registered: 'warning',
  first_meeting: 'neutral',
  running: 'safe',
  closed: 'inactive',
};

export function CaseStatusBadge({ status }: { status: string }) {
  const known = status in CASE_STATUS_LABELS ? (status as CaseStatus) : null;
  return <StatusBadge status={known ? TONE[known] : 'neutral'}>{known ? CASE_STATUS_LABELS[known] : status}</StatusBadge>;
}
