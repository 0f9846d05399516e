// Dutch words for the register's codes, and the select options built from them.
import type { Option } from '../../app/fields';
import {
  INCIDENT_CATEGORIES,
  INCIDENT_CATEGORY_LABELS,
  QUALITY_KIND_LABELS,
  QUALITY_KINDS,
  QUALITY_STATUS_LABELS,
  QUALITY_STATUSES,
  type IncidentCategory,
  type QualityKind,
  type QualityStatus,
} from '../../../server/modules/quality/quality-rules';

export const KIND_OPTIONS: Option[] = QUALITY_KINDS.map((kind) => ({ value: kind, label: QUALITY_KIND_LABELS[kind] }));
export const CATEGORY_OPTIONS: Option[] = INCIDENT_CATEGORIES.map((category) => ({ value: category, label: INCIDENT_CATEGORY_LABELS[category] }));
export const STATUS_OPTIONS: Option[] = QUALITY_STATUSES.map((status) => ({ value: status, label: QUALITY_STATUS_LABELS[status] }));

export function kindText(kind: QualityKind, category: IncidentCategory | null): string {
  return category ? `${QUALITY_KIND_LABELS[kind]}: ${INCIDENT_CATEGORY_LABELS[category].toLowerCase()}` : QUALITY_KIND_LABELS[kind];
}

export function statusText(status: QualityStatus): string {
  return QUALITY_STATUS_LABELS[status];
}
