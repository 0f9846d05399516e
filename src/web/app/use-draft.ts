// Text typed but not yet saved survives the end of a session (WCAG 2.2.1): a field's value is kept
// in this tab's sessionStorage under the user and the field, restored when the same user opens the
// same form again after logging in, and removed when it is saved or the user logs out on purpose.
// sessionStorage, not localStorage: it ends with the tab, so nothing of a client stays on a shared
// computer once the browser tab is closed.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useAuth } from './auth';

const PREFIX = 'kt-draft:';

function storageKey(userId: string, key: string): string {
  return `${PREFIX}${userId}:${key}`;
}

function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    // Storage full or off: the field still works, only the safety net is missing.
  }
}

/** Forgets every kept draft of this tab: on a logout on purpose. */
export function forgetDrafts(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // Nothing kept.
  }
}

export interface Draft {
  value: string;
  setValue: (value: string) => void;
  /** The value came back from a session that ended before it was saved. */
  restored: boolean;
  /** After saving (or cancelling on purpose): the kept copy goes. */
  clear: () => void;
}

/**
 * A text field's state that outlives the session. `key` names the form and field, with the record
 * it belongs to (e.g. `journaal:${caseId}:note`); `initial` is the value when nothing was kept.
 */
export function useDraft(key: string, initial = ''): Draft {
  const { me } = useAuth();
  const fullKey = me ? storageKey(me.id, key) : null;
  const kept = fullKey ? read(fullKey) : null;
  const [value, setState] = useState(kept ?? initial);
  const [restored, setRestored] = useState(kept !== null && kept !== initial);
  const keyRef = useRef(fullKey);
  keyRef.current = fullKey;

  const setValue = useCallback((next: string) => {
    setState(next);
    setRestored(false);
    if (keyRef.current) write(keyRef.current, next === '' ? null : next);
  }, []);
  const clear = useCallback(() => {
    if (keyRef.current) write(keyRef.current, null);
    setRestored(false);
  }, []);
  // Another record's form in the same component (a new case id): start from what that one kept.
  useEffect(() => {
    if (!fullKey) return;
    const other = read(fullKey);
    setState(other ?? initial);
    setRestored(other !== null && other !== initial);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fullKey]);
  return { value, setValue, restored, clear };
}
