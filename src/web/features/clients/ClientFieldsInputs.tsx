// The person fields (name, birth date, BSN, address, phone) used by registration, household and edit.
import { today } from '../../app/format';
import { TextField } from '../../app/fields';
import type { FormErrors } from '../../app/form-errors';
import type { ClientFormValues } from './client-form';

interface Props {
  form: FormErrors;
  /** Path prefix of these fields in the API body, e.g. `client`. */
  prefix?: string;
  value: ClientFormValues;
  onChange: (value: ClientFormValues) => void;
  /** Called when a field that identifies the person loses focus (for the duplicate check). */
  onIdentityBlur?: () => void;
}

export function ClientFieldsInputs({ form, prefix, value, onChange, onIdentityBlur }: Props) {
  const path = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const field = (name: keyof ClientFormValues) => ({
    id: form.idFor(path(name)),
    value: value[name],
    onChange: (v: string) => onChange({ ...value, [name]: v }),
    error: form.errorFor(path(name)),
  });
  return (
    <div className="kt-client-fields">
      <div className="kt-row">
        <TextField {...field('firstName')} label="Voornaam" autoComplete="off" required onBlur={onIdentityBlur} />
        <TextField {...field('lastName')} label="Achternaam" autoComplete="off" required onBlur={onIdentityBlur} />
      </div>
      <div className="kt-row">
        <TextField {...field('birthDate')} label="Geboortedatum" type="date" optional max={today()} size="s" onBlur={onIdentityBlur} />
        <TextField {...field('bsn')} label="BSN" optional inputMode="numeric" size="s" autoComplete="off" onBlur={onIdentityBlur} description="9 cijfers, wordt gecontroleerd met de 11-proef." />
      </div>
      <div className="kt-row">
        <TextField {...field('street')} label="Straat" optional autoComplete="off" />
        <TextField {...field('houseNumber')} label="Huisnummer" optional size="xs" autoComplete="off" />
      </div>
      <div className="kt-row">
        <TextField {...field('postcode')} label="Postcode" optional size="s" autoComplete="off" onBlur={onIdentityBlur} description="Bijvoorbeeld 3511 AB" />
        <TextField {...field('city')} label="Woonplaats" optional autoComplete="off" />
      </div>
      <TextField {...field('phone')} label="Telefoonnummer" type="tel" optional size="m" autoComplete="off" />
    </div>
  );
}
