// The shell: skip link, header with the user and logout, navigation by permission, main, footer.
import { useState } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { Button, Page, PageContent, PageFooter, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react';
import type { Permission } from '../../server/access/permissions';
import { useAuth, useMe } from './auth';

interface NavItem {
  to: string;
  label: string;
  permission: Permission;
  /** Only for users who work in a team (kwaliteit reads cases only through break-the-glass). */
  inTeam?: boolean;
}

const NAV: NavItem[] = [
  { to: '/mijn-dag', label: 'Mijn dag', permission: 'cases:read', inTeam: true },
  { to: '/mijn-werk', label: 'Mijn werk', permission: 'cases:read', inTeam: true },
  { to: '/aanmeldingen/nieuw', label: 'Nieuwe aanmelding', permission: 'registrations:write' },
  { to: '/aanmeldingen', label: 'Aanmeldingen', permission: 'registrations:write' },
  { to: '/clienten', label: 'Cliënten zoeken', permission: 'clients:read', inTeam: true },
  { to: '/noodtoegang', label: 'Noodtoegang', permission: 'emergency:request' },
  { to: '/kwaliteit/toegang', label: 'Toegang beoordelen', permission: 'emergency:review' },
  { to: '/team', label: 'Team', permission: 'team:overview' },
  { to: '/cijfers', label: 'Cijfers per team', permission: 'figures:read' },
  { to: '/cijfers/jaarverslag', label: 'Jaarverslag', permission: 'reports:read' },
  { to: '/cijfers/zrm', label: 'ZRM-voortgang', permission: 'reports:read' },
  { to: '/cijfers/uitstroom', label: 'Uitstroom', permission: 'reports:read' },
  { to: '/bewaartermijn', label: 'Bewaartermijn en vernietiging', permission: 'retention:manage' },
  { to: '/kwaliteit', label: 'Kwaliteit', permission: 'quality:manage' },
  { to: '/kwaliteit/melden', label: 'Melding doen', permission: 'quality:file' },
  { to: '/beheer/import', label: 'Import', permission: 'exchange:import' },
  { to: '/beheer/iwmo', label: 'iWmo-berichten', permission: 'iwmo:manage' },
];

export function Layout() {
  const me = useMe();
  const { can, logout } = useAuth();
  const navigate = useNavigate();
  const [loggingOut, setLoggingOut] = useState(false);
  const items = NAV.filter((item) => can(item.permission) && (!item.inTeam || me.team));

  async function handleLogout() {
    setLoggingOut(true);
    try {
      await logout();
    } finally {
      setLoggingOut(false);
      navigate('/inloggen', { replace: true });
    }
  }

  return (
    <>
      <SkipLink href="#main">Naar de inhoud</SkipLink>
      <Page className="kt-page">
        <PageHeader className="kt-header">
          <div className="kt-header__bar">
            <Paragraph className="kt-brand">
              <NavLink to="/" className="kt-brand__link">
                Keukentafel
              </NavLink>
            </Paragraph>
            <div className="kt-user">
              <Paragraph className="kt-user__text">
                <span className="kt-visually-hidden">Ingelogd als </span>
                <strong>{me.name}</strong>
                <span className="kt-user__role">
                  {' '}
                  · {me.roleLabel}
                  {me.team ? ` · ${me.team.name}` : ''}
                </span>
              </Paragraph>
              <NavLink to="/wachtwoord" className="utrecht-link utrecht-link--html-a">Wachtwoord wijzigen</NavLink>
              <Button appearance="secondary-action-button" type="button" onClick={() => void handleLogout()} busy={loggingOut} disabled={loggingOut}>
                Uitloggen
              </Button>
            </div>
          </div>
          {items.length > 0 && (
            <nav aria-label="Hoofdmenu" className="kt-nav">
              <ul className="kt-nav__list">
                {items.map((item) => (
                  <li key={item.to} className="kt-nav__item">
                    <NavLink to={item.to} end className={({ isActive }) => `utrecht-link utrecht-link--html-a kt-nav__link${isActive ? ' kt-nav__link--current' : ''}`}>
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          )}
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
