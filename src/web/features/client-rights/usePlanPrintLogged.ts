// The print view of the krachtplan is a print of the client's data (NEN 7513): log it once when the
// view opens. The print itself happens in the browser, so opening the view is what the server sees.
import { useEffect, useRef } from 'react';
import { logPlanPrint } from './api';

export function usePlanPrintLogged(caseId: string) {
  const logged = useRef<string | null>(null);
  useEffect(() => {
    if (!caseId || logged.current === caseId) return;
    logged.current = caseId;
    // A case the user may not see answers 404, and the page itself says so; nothing to add here.
    logPlanPrint(caseId).catch(() => undefined);
  }, [caseId]);
}
