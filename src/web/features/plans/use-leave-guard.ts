// While a form of the krachtplan holds changes that are not saved, leaving asks first:
// - closing the tab, reloading or an address typed: the browser's own question (beforeunload);
// - a link in the app (menu, "Terug naar de casus", …): the page's question (`ask`), after which the
//   link is followed. The app runs in a BrowserRouter, where react-router's useBlocker does not
//   work, so clicks on links are caught in the capture phase, before the router's own handler.
// The browser's back button is not caught (BrowserRouter gives no way to stop it); the texts are
// kept as drafts (use-draft.ts) and come back when the form is opened again.
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';

/** A link whose click would take the user away from this page, or null. */
export function leavingLink(event: MouseEvent): HTMLAnchorElement | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(link instanceof HTMLAnchorElement)) return null;
  // A new tab or a download leaves this page as it is.
  if ((link.target && link.target !== '_self') || link.hasAttribute('download')) return null;
  const url = new URL(link.href, window.location.href);
  // A link within the page (the error summary, the skip link) does not leave it.
  if (url.origin === window.location.origin && url.pathname === window.location.pathname && url.search === window.location.search) return null;
  return link;
}

export function useLeaveGuard(dirty: boolean, ask: (proceed: () => void) => void): void {
  const navigate = useNavigate();
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const askRef = useRef(ask);
  askRef.current = ask;

  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return;
      event.preventDefault();
      // Older browsers ask only with a returnValue set.
      event.returnValue = '';
    };
    const click = (event: MouseEvent) => {
      if (!dirtyRef.current) return;
      const link = leavingLink(event);
      if (!link) return;
      event.preventDefault();
      event.stopPropagation();
      const url = new URL(link.href, window.location.href);
      askRef.current(() => {
        dirtyRef.current = false;
        if (url.origin === window.location.origin) navigate(url.pathname + url.search + url.hash);
        else window.location.assign(url.href);
      });
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, [dirty, navigate]);
}
