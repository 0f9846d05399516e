// Labelled form fields built from the Utrecht components. Every field has a visible label, its
// error message is linked with aria-describedby, and optional fields say so in the label.
import { useEffect, useState, type ReactNode } from 'react';
import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';

interface BaseProps {
  id: string;
  label: ReactNode;
  error?: string;
  description?: ReactNode;
  /** Shown as "(niet verplicht)" after the label. */
  optional?: boolean;
  required?: boolean;
}

function describedBy(id: string, description: ReactNode, error: string | undefined): string | undefined {
  const ids = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The label holds only the field's name (a stable accessible name); "(niet verplicht)" sits beside it. */
function Label({ id, label, optional }: { id: string; label: ReactNode; optional?: boolean }) {
  return (
    <div className="kt-label">
      <FormLabel htmlFor={id}>{label}</FormLabel>
      {optional && <span className="kt-optional"> (niet verplicht)</span>}
    </div>
  );
}

function Extras({ id, description, error }: { id: string; description?: ReactNode; error?: string }) {
  return (
    <>
      {description && <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>}
      {error && (
        <FormFieldErrorMessage id={`${id}-error`}>
          <span className="kt-visually-hidden">Fout: </span>
          {error}
        </FormFieldErrorMessage>
      )}
    </>
  );
}

export interface TextFieldProps extends BaseProps {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  type?: 'text' | 'date' | 'time' | 'email' | 'password' | 'tel' | 'number' | 'search';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'email' | 'search';
  size?: 'xs' | 's' | 'm' | 'l';
  min?: string | number;
  max?: string | number;
  /** Shows the character count under the field (take it from the schema: `maxLengthOf`). */
  maxLength?: number;
}

export function TextField({ id, label, error, description, optional, required, value, onChange, onBlur, type = 'text', autoComplete, inputMode, size = 'l', min, max, maxLength }: TextFieldProps) {
  const countId = maxLength ? `${id}-count` : null;
  return (
    <FormField invalid={!!error} className="kt-field">
      <Label id={id} label={label} optional={optional} />
      <Extras id={id} description={description} error={error} />
      <Textbox
        id={id}
        name={id}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        invalid={!!error}
        required={required}
        autoComplete={autoComplete}
        inputMode={inputMode}
        min={min}
        max={max}
        aria-describedby={[describedBy(id, description, error), countId].filter(Boolean).join(' ') || undefined}
        className={`kt-input kt-input--${size}`}
      />
      {maxLength && <CharacterCount id={countId!} length={value.length} max={maxLength} />}
    </FormField>
  );
}

export function TextareaField({ id, label, error, description, optional, required, value, onChange, rows = 4, maxLength, restored }: BaseProps & { value: string; onChange: (value: string) => void; rows?: number; maxLength?: number; /** The text came back from a session that ended before saving (use-draft.ts). */ restored?: boolean }) {
  const countId = maxLength ? `${id}-count` : null;
  const restoredId = restored ? `${id}-restored` : null;
  return (
    <FormField invalid={!!error} className="kt-field">
      <Label id={id} label={label} optional={optional} />
      <Extras id={id} description={description} error={error} />
      <Textarea
        id={id}
        name={id}
        value={value}
        rows={rows}
        onChange={(e) => onChange(e.target.value)}
        invalid={!!error}
        required={required}
        aria-describedby={[restoredId, describedBy(id, description, error), countId].filter(Boolean).join(' ') || undefined}
        className="kt-input kt-input--l"
      />
      {restoredId && (
        <p id={restoredId} className="utrecht-form-field-description kt-restored">
          Deze tekst had u nog niet opgeslagen toen uw sessie afliep. Hij is teruggezet.
        </p>
      )}
      {maxLength && <CharacterCount id={countId!} length={value.length} max={maxLength} />}
    </FormField>
  );
}

/** "Nog 120 van 2.000 tekens": one may type on past the limit (the check says so), as in GOV.UK's character count. */
export function characterCountText(length: number, max: number): string {
  const left = max - length;
  if (left < 0) return `${(-left).toLocaleString('nl-NL')} ${left === -1 ? 'teken' : 'tekens'} te veel (maximaal ${max.toLocaleString('nl-NL')})`;
  return `Nog ${left.toLocaleString('nl-NL')} van ${max.toLocaleString('nl-NL')} tekens`;
}

/**
 * The count under a long text field. A screen reader hears it with the field (aria-describedby)
 * and, near the limit only, once typing pauses (a polite live region), not at every key.
 */
function CharacterCount({ id, length, max }: { id: string; length: number; max: number }) {
  const text = characterCountText(length, max);
  const near = length >= max * 0.9;
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(near ? text : ''), 800);
    return () => clearTimeout(timer);
  }, [near, text]);
  return (
    <>
      <p id={id} className={`utrecht-form-field-description kt-count${length > max ? ' kt-count--over' : ''}`}>
        {text}
      </p>
      <span className="kt-visually-hidden" aria-live="polite">
        {announced}
      </span>
    </>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({ id, label, error, description, optional, required, value, onChange, options, placeholder = 'Maak een keuze' }: BaseProps & { value: string; onChange: (value: string) => void; options: Option[]; placeholder?: string | null }) {
  return (
    <FormField invalid={!!error} className="kt-field">
      <Label id={id} label={label} optional={optional} />
      <Extras id={id} description={description} error={error} />
      <Select
        id={id}
        name={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        invalid={!!error}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        className="kt-input kt-input--l"
      >
        {placeholder !== null && <SelectOption value="">{placeholder}</SelectOption>}
        {options.map((option) => (
          <SelectOption key={option.value} value={option.value}>
            {option.label}
          </SelectOption>
        ))}
      </Select>
    </FormField>
  );
}

function groupDescription(description: ReactNode, optional: boolean | undefined): ReactNode {
  if (!optional) return description;
  return description ? <>Niet verplicht. {description}</> : 'Niet verplicht.';
}

interface GroupProps extends BaseProps {
  options: Option[];
}

/** A radio group in a fieldset; the first radio carries `id` so error links can focus it. */
export function RadioGroupField({ id, label, error, description, optional, required, options, value, onChange }: GroupProps & { value: string; onChange: (value: string) => void }) {
  return (
    <Fieldset invalid={!!error} role="radiogroup" required={required} aria-describedby={describedBy(id, groupDescription(description, optional), error)} className="kt-field">
      <FieldsetLegend>{label}</FieldsetLegend>
      <Extras id={id} description={groupDescription(description, optional)} error={error} />
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option.value || 'leeg'}`;
        return (
          <FormField
            key={option.value}
            type="radio"
            className="kt-choice"
            input={<RadioButton id={optionId} name={id} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} invalid={!!error} />}
            label={
              <FormLabel htmlFor={optionId} type="radio" checked={value === option.value}>
                {option.label}
              </FormLabel>
            }
          />
        );
      })}
    </Fieldset>
  );
}

/** A group of checkboxes in a fieldset; the first box carries `id`. */
export function CheckboxGroupField({ id, label, error, description, optional, options, value, onChange }: GroupProps & { value: string[]; onChange: (value: string[]) => void }) {
  return (
    <Fieldset invalid={!!error} aria-describedby={describedBy(id, groupDescription(description, optional), error)} className="kt-field">
      <FieldsetLegend>{label}</FieldsetLegend>
      <Extras id={id} description={groupDescription(description, optional)} error={error} />
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option.value}`;
        const checked = value.includes(option.value);
        return (
          <FormField
            key={option.value}
            type="checkbox"
            className="kt-choice"
            input={
              <Checkbox
                id={optionId}
                name={id}
                value={option.value}
                checked={checked}
                invalid={!!error}
                appearance="custom"
                onChange={() => onChange(checked ? value.filter((v) => v !== option.value) : [...value, option.value])}
              />
            }
            label={
              <FormLabel htmlFor={optionId} type="checkbox" checked={checked}>
                {option.label}
              </FormLabel>
            }
          />
        );
      })}
    </Fieldset>
  );
}
