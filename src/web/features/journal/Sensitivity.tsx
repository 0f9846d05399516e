// The "Gevoelig" mark of a journal entry or a plan part: the choice, the tag on the entry, and what a
// colleague outside the case's workers reads in place of a withheld entry.
import { Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { SENSITIVITIES, SENSITIVITY_LABELS, type Sensitivity } from '../../../server/lib/sensitivity';
import { SelectField, type Option } from '../../app/fields';
import './sensitivity.css';

const OPTIONS: Option[] = [{ value: '', label: 'Geen' }, ...SENSITIVITIES.map((s) => ({ value: s, label: SENSITIVITY_LABELS[s] }))];

export const SENSITIVITY_HELP = 'Bij huiselijk geweld, gezondheid of justitie: alleen u en de betrokken medewerkers van deze casus zien de inhoud.';

interface FieldProps {
  id: string;
  value: Sensitivity | null | undefined;
  onChange: (value: Sensitivity | null) => void;
  error?: string;
  /** The accessible name; "Gevoelig" unless the form holds several (then say which part). */
  label?: string;
  description?: string;
}

/** The choice Geen / Huiselijk geweld / Gezondheid / Justitie, as a native select (keyboard and screen readers as usual). */
export function SensitivityField({ id, value, onChange, error, label = 'Gevoelig', description = SENSITIVITY_HELP }: FieldProps) {
  return <SelectField id={id} label={label} description={description} options={OPTIONS} placeholder={null} value={value ?? ''} onChange={(v) => onChange(v ? (v as Sensitivity) : null)} error={error} />;
}

/** The tag on a marked entry, in words (the colour only supports them). */
export function SensitivityTag({ value }: { value: Sensitivity | null | undefined }) {
  if (!value) return null;
  return (
    <StatusBadge status="warning" className="kt-sensitivity-tag">
      Gevoelig: {SENSITIVITY_LABELS[value]}
    </StatusBadge>
  );
}

/** In place of an entry the user may not read. */
export function WithheldNotice({ text, id }: { text: string; id?: string }) {
  return (
    <Paragraph id={id} className="kt-withheld">
      {text}
    </Paragraph>
  );
}
