// Form error state shared by every form: field errors from client-side zod validation or a 400
// answer, a general message for other failures, and a counter that moves focus to the summary.
import { useCallback, useMemo, useState } from 'react';
import type { z } from 'zod';
import { ApiError, type FieldError } from './api';

export interface FormErrors {
  formId: string;
  errors: FieldError[];
  general: string | null;
  conflict: boolean;
  attempt: number;
  idFor: (path: string) => string;
  errorFor: (path: string) => string | undefined;
  /** Show zod issues; returns false so callers can `if (!form.check(...)) return`. */
  showZod: (error: z.ZodError) => void;
  showApiError: (error: unknown) => void;
  show: (errors: FieldError[], general?: string | null) => void;
  clear: () => void;
}

/** Field ids follow the API's dotted paths: `client.bsn` in form `reg` → `reg-client-bsn`. */
export function fieldId(formId: string, path: string): string {
  return `${formId}-${path.replace(/\.\d+$/, '').replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

export function zodFieldErrors(error: z.ZodError): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((p) => typeof p !== 'number').join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    result.push({ path, message: issue.message });
  }
  return result;
}

export function useFormErrors(formId: string, options: { mapPath?: (path: string) => string } = {}): FormErrors {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [general, setGeneral] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const mapPath = options.mapPath;

  const show = useCallback(
    (list: FieldError[], message: string | null = null) => {
      setErrors(mapPath ? list.map((e) => ({ ...e, path: mapPath(e.path) })) : list);
      setGeneral(message);
      setConflict(false);
      setAttempt((a) => a + 1);
    },
    [mapPath],
  );

  const showApiError = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        if (error.status === 400 && error.fields.length > 0) {
          show(error.fields, null);
          return;
        }
        show([], error.message);
        if (error.status === 409) setConflict(true);
        return;
      }
      show([], 'Er ging iets mis. Probeer het opnieuw.');
    },
    [show],
  );

  const clear = useCallback(() => {
    setErrors([]);
    setGeneral(null);
    setConflict(false);
  }, []);

  return useMemo(
    () => ({
      formId,
      errors,
      general,
      conflict,
      attempt,
      idFor: (path: string) => fieldId(formId, path),
      errorFor: (path: string) => errors.find((e) => e.path === path)?.message,
      showZod: (error: z.ZodError) => show(zodFieldErrors(error)),
      showApiError,
      show,
      clear,
    }),
    [formId, errors, general, conflict, attempt, show, showApiError, clear],
  );
}
