// While a form of the krachtplan holds changes that are not saved, leaving asks first:
// - closing the tab, reloading or an address typed: the browser's own question (beforeunload);
// - a link in the app (menu, "Terug naar de casus", …): the page's question (`ask`, an AlertDialog),
//   after which the link is followed; which clicks count is use-unsaved-changes.ts' isInAppLinkClick. The app runs in a BrowserRouter, where react-router's useBlocker does not
//   work, so clicks on links are caught in the capture phase, before the router's own handler.
// The browser's back button is not caught (BrowserRouter gives no way to stop it); the texts are
// kept as drafts (use-draft.ts) and come back when the form is opened again.
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { isInAppLinkClick } from '../../app/use-unsaved-changes';

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
      const link = isInAppLinkClick(event);
      if (!link) return;
      event.preventDefault();
      event.stopPropagation();
      const url = new URL(link.href, window.location.href);
      askRef.current(() => {
        dirtyRef.current = false;
        navigate(url.pathname + url.search + url.hash);
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
