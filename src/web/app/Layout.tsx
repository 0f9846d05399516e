// The shell: skip link; a header with the name, the search box, the user and the main navigation
// (nav/MainNav.tsx: a bar on a wide screen, a Menu button with a drawer on a phone); main; footer.
import { useState } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { Button, Page, PageContent, PageFooter, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react';
import { useAuth, useMe } from './auth';
import { MainNavBar, MenuDrawer } from './nav/MainNav';
import { navigationFor } from './nav/navigation';
import { QuickSearch } from './nav/QuickSearch';
import { NotificationBadge } from '../features/notifications/NotificationBadge';

export function Layout() {
  const me = useMe();
  const { can, logout } = useAuth();
  const navigate = useNavigate();
  const [loggingOut, setLoggingOut] = useState(false);
  const groups = navigationFor(me);
  // The search box finds the team's clients; kwaliteit reads clients only through break-the-glass.
  const searches = can('clients:read') && !!me.team;

  async function handleLogout() {
    setLoggingOut(true);
    try {
      await logout();
    } finally {
      setLoggingOut(false);
      navigate('/inloggen', { replace: true });
    }
  }

  const account = (
    <>
      <Paragraph className="kt-user__text">
        <span className="kt-visually-hidden">Ingelogd als </span>
        <strong>{me.name}</strong>
        <span className="kt-visually-hidden">, </span>
        <span className="kt-user__role">
          {me.roleLabel}
          {me.team ? ` · ${me.team.name}` : ''}
        </span>
      </Paragraph>
      <NavLink to="/wachtwoord" className="utrecht-link utrecht-link--html-a">
        Wachtwoord wijzigen
      </NavLink>
      <Button appearance="secondary-action-button" type="button" onClick={() => void handleLogout()} busy={loggingOut} disabled={loggingOut}>
        Uitloggen
      </Button>
    </>
  );

  return (
    <>
      <SkipLink href="#main">Naar de inhoud</SkipLink>
      <Page className="kt-page">
        <PageHeader className="kt-header">
          <div className={searches ? 'kt-header__bar kt-header__bar--search' : 'kt-header__bar'}>
            <Paragraph className="kt-brand">
              <NavLink to="/" className="kt-brand__link">
                Keukentafel
              </NavLink>
            </Paragraph>
            {searches && <QuickSearch />}
            <NotificationBadge />
            {/* Without a menu (a role with no screens) the user part stays in the bar, also on a phone. */}
            <div className={groups.length > 0 ? 'kt-user kt-wide-only' : 'kt-user'}>{account}</div>
            {groups.length > 0 && <MenuDrawer groups={groups} account={<div className="kt-user kt-user--drawer">{account}</div>} />}
          </div>
          {groups.length > 0 && <MainNavBar groups={groups} />}
        </PageHeader>
        <PageContent className="kt-content">
          <main id="main" tabIndex={-1} className="kt-main">
            <Outlet />
          </main>
        </PageContent>
        <PageFooter className="kt-footer">
          <Paragraph>Keukentafel · registratie voor de buurtteams sociaal</Paragraph>
        </PageFooter>
      </Page>
    </>
  );
}
