// Warns before an idle session ends and lets the user stay (WCAG 2.2.1 Timing Adjustable): two
// minutes before the earliest end a modal alert dialog (NL Design System AlertDialog, a native
// <dialog>: focus moves in and stays, Escape means "stay") says how long is left; "Ingelogd
// blijven" makes one request, which resets the server's idle time. Text typed and not yet saved
// is kept meanwhile (use-draft.ts) and comes back after a new login. The timing is in
// session-timing.ts; the last request any tab of this session made is in api.ts.
import { useEffect, useRef, useState } from 'react';
import { AlertDialog, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { apiRequest, lastAnswerAt } from './api';
import { useAuth } from './auth';
import { sessionTiming, timeLeftText } from './session-timing';

const TICK_MS = 5_000;

export function SessionTimeout() {
  const { me, logout } = useAuth();
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<Element | null>(null);
  const checked = useRef(false);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);

  const timing = me ? sessionTiming(lastAnswerAt(), me.sessionIdleMinutes) : null;
  const warning = !!timing && now >= timing.warnAt;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (warning && !element.open) {
      returnFocus.current = document.activeElement;
      element.showModal();
    } else if (!warning && element.open) {
      element.close();
      if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
    }
  }, [warning]);

  // After the latest possible end the server is asked once; its 401 takes the app to the login page
  // (with "uw sessie is verlopen"), where the kept drafts wait for the same user.
  useEffect(() => {
    if (!timing || now < timing.surelyEndedAt || checked.current) return;
    checked.current = true;
    void apiRequest('GET', '/api/v1/auth/me').catch(() => undefined).finally(() => {
      checked.current = false;
      setNow(Date.now());
    });
  }, [now, timing]);

  async function stay() {
    setBusy(true);
    try {
      await apiRequest('GET', '/api/v1/auth/me');
    } catch {
      // A session that had already ended: the 401 handler shows the login page.
    } finally {
      setBusy(false);
      setNow(Date.now());
    }
  }

  if (!me || !timing) return null;
  const left = timing.endsAt - now;
  return (
    <AlertDialog
      ref={dialog}
      type="warning"
      role="alertdialog"
      aria-labelledby="sessie-titel"
      aria-describedby="sessie-tekst"
      onCancel={(event) => {
        // Escape: the user is here, so they stay.
        event.preventDefault();
        void stay();
      }}
    >
      <Heading2 id="sessie-titel">Blijft u ingelogd?</Heading2>
      <div id="sessie-tekst">
        <Paragraph>
          {left > 0
            ? `U heeft een tijd niets gedaan. Over ${timeLeftText(left)} logt Keukentafel u uit, om de gegevens van cliënten te beschermen.`
            : 'Uw sessie is verlopen, omdat u een tijd niets heeft gedaan.'}
        </Paragraph>
        <Paragraph>Tekst die u nog niet heeft opgeslagen, blijft bewaard. Na het inloggen staat die weer in het formulier.</Paragraph>
      </div>
      <ButtonGroup>
        <Button appearance="primary-action-button" type="button" onClick={() => void stay()} busy={busy} disabled={busy} autoFocus>
          Ingelogd blijven
        </Button>
        <Button appearance="secondary-action-button" type="button" onClick={() => void logout()} disabled={busy}>
          Uitloggen
        </Button>
      </ButtonGroup>
    </AlertDialog>
  );
}
