// The one way a form sends: check the values (the form's own rules, then the zod schema the server
// uses too), show what is wrong in the form's error summary, or send them; a failure (400 with
// fields, 409, no connection) goes into the summary, unless the form answers it itself.
import { useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { FieldError } from './api';
import type { FormErrors } from './form-errors';

export interface FormSubmitOptions<TValues, TResult> {
  /** The body as the form holds it now. It is sent as it is: the server parses it with the same schema. */
  values: TValues;
  /** The schema the server checks the body with; its issues become the field errors. */
  schema?: z.ZodType;
  /** The form's own rules, checked before the schema (a chosen person, a repeated password, …); any problem stops the submit. */
  check?: (values: TValues) => FieldError[];
  send: (values: TValues) => Promise<TResult>;
  /** After the server took it; the error summary is already cleared. */
  onSuccess?: (result: TResult) => void;
  /** A failure the form answers itself returns true; any other goes to the error summary. */
  onError?: (error: unknown) => boolean;
}

export interface FormSubmit<TValues> {
  /** For `<form onSubmit>`, or a confirmation button outside a form (no event). */
  submit: (event?: FormEvent) => void;
  /** The same with other values than `options.values` (e.g. a row's "Toevoegen" button). */
  submitValues: (values: TValues) => void;
  /** True while sending: the actions show it and refuse a second submit. */
  busy: boolean;
}

export function useFormSubmit<TValues, TResult>(form: FormErrors, options: FormSubmitOptions<TValues, TResult>): FormSubmit<TValues> {
  const [busy, setBusy] = useState(false);
  // A second press before React re-rendered the disabled button must not send twice.
  const sending = useRef(false);

  async function run(values: TValues): Promise<void> {
    if (sending.current) return;
    const problems = options.check?.(values) ?? [];
    if (problems.length > 0) return form.show(problems);
    if (options.schema) {
      const parsed = options.schema.safeParse(values);
      if (!parsed.success) return form.showZod(parsed.error);
    }
    sending.current = true;
    setBusy(true);
    try {
      const result = await options.send(values);
      form.clear();
      options.onSuccess?.(result);
    } catch (error) {
      if (!options.onError?.(error)) form.showApiError(error);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  return {
    submit: (event) => {
      event?.preventDefault();
      void run(options.values);
    },
    submitValues: (values) => void run(values),
    busy,
  };
}
