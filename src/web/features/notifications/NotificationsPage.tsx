// Berichten (/berichten): the user's notifications, newest first, 20 a page. "/meldingen" would be
// confused with the quality register's "Melding doen". A new one is marked "Nieuw" in words; opening
// its link or pressing "Gelezen" marks it read; "Alles gelezen" marks read what the first page shows
// and everything before it (one that arrives meanwhile stays new).
import { useRef, useState } from 'react';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useNavigate } from 'react-router';
import { DateText } from '../../app/DateText';
import { RouterLink } from '../../app/links';
import { PageTitle } from '../../app/PageTitle';
import { QueryStatus } from '../../app/QueryStatus';
import { NOTIFICATION_PAGE_SIZE, useMarkAllRead, useMarkRead, useNotifications, type Notification, type NotificationPage } from './api';
import './notifications.css';

/** Where a notification leads, with the link's words; null when the user can no longer open it. */
function target(n: Notification): { to: string; label: string } | null {
  if (n.caseId) return { to: `/casussen/${n.caseId}`, label: 'Naar de casus' };
  if (n.registrationId) return { to: `/aanmeldingen/${n.registrationId}`, label: 'Naar de aanmelding' };
  if (n.kind === 'task_assigned' && n.readable) return { to: '/taken', label: 'Naar uw taken' };
  return null;
}

export function NotificationsPage() {
  const [offset, setOffset] = useState(0);
  const notifications = useNotifications(offset);
  return (
    <>
      <PageTitle title="Berichten" />
      <Paragraph>Hier ziet u wat er voor u is gebeurd: een casus of taak die u kreeg, een nieuwe aanmelding voor uw team, of een collega die schreef in het journaal van uw casus.</Paragraph>
      <QueryStatus query={notifications} what="uw berichten">
        {(page) => <NotificationList page={page} offset={offset} onOffset={setOffset} />}
      </QueryStatus>
    </>
  );
}

function NotificationList({ page, offset, onOffset }: { page: NotificationPage; offset: number; onOffset: (offset: number) => void }) {
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const navigate = useNavigate();
  const listRef = useRef<HTMLUListElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const first = offset + 1;
  const last = offset + page.items.length;

  function go(to: number) {
    onOffset(to);
    setAnnouncement(`Berichten ${to + 1} tot en met ${Math.min(to + NOTIFICATION_PAGE_SIZE, page.total)} van ${page.total}.`);
  }

  async function open(n: Notification, to: string) {
    if (!n.read) await markRead.mutateAsync([n.id]).catch(() => undefined);
    navigate(to);
  }

  return (
    <>
      <div role="status" className="kt-visually-hidden">
        {announcement}
      </div>
      <Paragraph className="kt-notifications__summary">
        {page.unread === 0 ? 'U heeft geen ongelezen berichten.' : page.unread === 1 ? 'U heeft 1 ongelezen bericht.' : `U heeft ${page.unread} ongelezen berichten.`}
      </Paragraph>
      {offset === 0 && page.unread > 0 && page.items[0] && (
        <ButtonGroup>
          <Button type="button" appearance="secondary-action-button" busy={markAll.isPending} disabled={markAll.isPending} onClick={() => markAll.mutate(page.items[0]!.createdAt, { onSuccess: () => setAnnouncement('Alle berichten zijn gelezen.') })}>
            Alles gelezen
          </Button>
        </ButtonGroup>
      )}
      {page.items.length === 0 ? (
        <Paragraph className="kt-muted">Er zijn nog geen berichten voor u.</Paragraph>
      ) : (
        <ul ref={listRef} className="kt-notifications" aria-label={`Berichten ${first} tot en met ${last} van ${page.total}`}>
          {page.items.map((n) => {
            const link = target(n);
            return (
              <li key={n.id} className={n.read ? 'kt-notification' : 'kt-notification kt-notification--new'}>
                <p className="kt-notification__text">
                  {!n.read && <strong className="kt-notification__new">Nieuw: </strong>}
                  {n.text}
                </p>
                <p className="kt-notification__meta">
                  <DateText value={n.createdAt} withTime />
                  {link && (
                    <RouterLink
                      to={link.to}
                      onClick={(event) => {
                        event.preventDefault();
                        void open(n, link.to);
                      }}
                    >
                      {link.label}
                    </RouterLink>
                  )}
                  {!n.read && (
                    <Button type="button" appearance="subtle-button" aria-label={`Gelezen: ${n.text}`} onClick={() => markRead.mutate([n.id], { onSuccess: () => setAnnouncement('Het bericht is gelezen.') })}>
                      Gelezen
                    </Button>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {page.total > NOTIFICATION_PAGE_SIZE && (
        <nav aria-label="Bladeren door de berichten" className="kt-notifications__pages">
          <ButtonGroup>
            <Button type="button" appearance="secondary-action-button" aria-disabled={offset === 0 || undefined} onClick={() => offset > 0 && go(Math.max(0, offset - NOTIFICATION_PAGE_SIZE))}>
              Nieuwere berichten
            </Button>
            <Button type="button" appearance="secondary-action-button" aria-disabled={last >= page.total || undefined} onClick={() => last < page.total && go(offset + NOTIFICATION_PAGE_SIZE)}>
              Oudere berichten
            </Button>
          </ButtonGroup>
          <Paragraph>
            Berichten {first} tot en met {last} van {page.total}.
          </Paragraph>
        </nav>
      )}
    </>
  );
}
