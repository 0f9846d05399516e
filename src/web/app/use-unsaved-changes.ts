// Warn before typed text is lost. A form registers whether it holds unsaved changes; while any
// does, the app asks before leaving:
// - reloading, closing the tab or going to another site: the browser's own question (beforeunload);
// - a click on a link inside the app (the menu, a case in a list, a tab of the case page): a
//   confirm, asked in the capture phase before react-router sees the click, so "Annuleren" keeps
//   the page as it is;
// - a screen that switches its own parts (the case page's tabs, also by the back button) asks
//   `confirmDiscardChanges()` first.
// The app uses <BrowserRouter>, where react-router's useBlocker does not work (it needs a data
// router); so the back and forward buttons to another screen are not caught, only the above.
import { useEffect, useId, useState } from 'react';

export const UNSAVED_CHANGES_QUESTION = 'U heeft iets ingevuld dat nog niet is opgeslagen. Als u doorgaat, gaat dat verloren. Wilt u doorgaan?';

const dirtyForms = new Set<string>();
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

/** True when no form holds unsaved text, or the user agrees to lose it (then every form counts as clean). */
export function confirmDiscardChanges(): boolean {
  if (dirtyForms.size === 0) return true;
  if (!window.confirm(UNSAVED_CHANGES_QUESTION)) return false;
  dirtyForms.clear();
  changed();
  return true;
}

export function hasUnsavedChanges(): boolean {
  return dirtyForms.size > 0;
}

function onBeforeUnload(event: BeforeUnloadEvent): void {
  event.preventDefault();
  // Older browsers show the question only when returnValue is set.
  event.returnValue = '';
}

/** A plain left click on a link that the app itself handles (same origin, same tab) and that leaves where the user is. */
export function isInAppLinkClick(event: MouseEvent): HTMLAnchorElement | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = (event.target as Element | null)?.closest?.('a[href]');
  if (!(link instanceof HTMLAnchorElement)) return null;
  if ((link.target && link.target !== '_self') || link.hasAttribute('download')) return null;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  const samePage = url.pathname === window.location.pathname && url.search === window.location.search;
  // A link to where we are already changes nothing; one to a place in the page (the skip link, an
  // error summary's link to its field) only moves there.
  if (samePage && url.hash === window.location.hash) return null;
  if (samePage && url.hash.length > 1 && document.getElementById(decodeURIComponent(url.hash.slice(1)))) return null;
  return link;
}

function onLinkClick(event: MouseEvent): void {
  if (!isInAppLinkClick(event)) return;
  if (confirmDiscardChanges()) return;
  event.preventDefault();
  event.stopPropagation();
}

function update(): void {
  if (dirtyForms.size > 0) {
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onLinkClick, true);
  } else {
    window.removeEventListener('beforeunload', onBeforeUnload);
    document.removeEventListener('click', onLinkClick, true);
  }
}
listeners.add(update);

/** Registers this form's unsaved state; it is forgotten when the form leaves the page. */
export function useUnsavedChanges(dirty: boolean): void {
  const id = useId();
  useEffect(() => {
    if (!dirty) return;
    dirtyForms.add(id);
    changed();
    return () => {
      dirtyForms.delete(id);
      changed();
    };
  }, [id, dirty]);
}

/**
 * For a form whose values live in a component it does not own: unsaved once the user typed or
 * chose something inside the element that gets `trackProps` (input and change events bubble up),
 * until `reset()` (saved, cancelled). Registers itself with `useUnsavedChanges`.
 */
export function useEditedWithin(): { edited: boolean; reset: () => void; trackProps: { onInput: () => void; onChange: () => void } } {
  const [edited, setEdited] = useState(false);
  useUnsavedChanges(edited);
  // After "Doorgaan" the forms count as clean, also this one if it stays in the page.
  useEffect(() => {
    if (!edited) return;
    const forget = () => {
      if (dirtyForms.size === 0) setEdited(false);
    };
    listeners.add(forget);
    return () => {
      listeners.delete(forget);
    };
  }, [edited]);
  const mark = () => {
    if (!edited) setEdited(true);
  };
  return { edited, reset: () => setEdited(false), trackProps: { onInput: mark, onChange: mark } };
}
