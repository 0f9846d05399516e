// The count of unread notifications for the header: a link to Berichten with the NL Design System
// BadgeCounter. Self-contained (Layout places it). It asks the server again when the window gets
// focus and on every move to another screen; no timer, so an idle session still ends.
import { useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router';
import { BadgeCounter } from '@utrecht/component-library-react';
import { useUnreadCount } from './api';
import './notifications.css';

export function NotificationBadge() {
  const count = useUnreadCount();
  const { pathname } = useLocation();
  const first = useRef(true);
  const { refetch } = count;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void refetch();
  }, [pathname, refetch]);
  const unread = count.data?.unread ?? 0;
  return (
    <NavLink to="/berichten" className="utrecht-link utrecht-link--html-a kt-notification-badge" aria-label={unread > 0 ? `Berichten, ${unread} ongelezen` : 'Berichten'}>
      Berichten
      {unread > 0 && (
        <>
          {' '}
          <BadgeCounter className="kt-notification-badge__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </BadgeCounter>
        </>
      )}
    </NavLink>
  );
}
