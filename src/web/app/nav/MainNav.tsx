// The main navigation ("Hoofdmenu") in two forms, from the same groups (navigation.ts):
// - on a wide screen a bar (NL Design System NavBar and NavList): the groups of the user's daily
//   work as links, each other group as a button that folds its links open (the disclosure pattern:
//   aria-expanded, Escape or a click elsewhere closes it, focus goes back to the button);
// - on a phone (up to 40em) a "Menu" button that opens a Drawer (a modal dialog) with every group
//   under its heading and the user's account; focus moves into it, Escape closes it and focus
//   returns to the button.
// Which of the two shows is CSS (styles.css): the other is display:none, so out of the
// accessibility tree too. The current page's link has aria-current="page"; a page below an item
// (a client's page under Cliënten) marks that item with aria-current="true".
import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Button, Drawer, Heading2, NavBar, NavList, NavListLink } from '@utrecht/component-library-react';
import { currentItem, type NavItem, type VisibleGroup } from './navigation';

/** The width from which the bar shows instead of the Menu button; kept equal to styles.css. */
export const WIDE_SCREEN = '(min-width: 40.0625em)';

function ariaCurrent(item: NavItem, current: NavItem | null, pathname: string): 'page' | 'true' | undefined {
  if (item !== current) return undefined;
  return pathname === item.to ? 'page' : 'true';
}

/** A link of the menu that the router follows (a plain click), or the browser (a new tab, a copied address). */
function ItemLink({ item, current, onFollow, className }: { item: NavItem; current: 'page' | 'true' | undefined; onFollow?: () => void; className?: string }) {
  const navigate = useNavigate();
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(item.to);
    onFollow?.();
  }
  return (
    <NavListLink href={item.to} aria-current={current} onClick={handleClick} className={className}>
      {item.label}
    </NavListLink>
  );
}

/** A folded group on the bar: a button with its links below it. */
function FoldedGroup({ group, current, pathname }: { group: VisibleGroup; current: NavItem | null; pathname: string }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLLIElement>(null);
  const panelId = `menu-${group.id}`;
  const holdsCurrent = group.items.some((item) => item === current);

  // Another page (the back button, a link elsewhere) closes the group.
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    function outside(event: PointerEvent) {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  return (
    <li
      ref={root}
      className="utrecht-nav-list__item kt-nav__group"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault();
          setOpen(false);
          button.current?.focus();
        }
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <Button
        ref={button}
        appearance="subtle-button"
        className={holdsCurrent ? 'kt-nav__toggle kt-nav__toggle--current' : 'kt-nav__toggle'}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
      >
        {group.label}
        <span className="kt-nav__chevron" aria-hidden="true" />
      </Button>
      <NavList id={panelId} hidden={!open} className="kt-nav__panel">
        {group.items.map((item) => (
          <ItemLink key={item.to} item={item} current={ariaCurrent(item, current, pathname)} onFollow={() => setOpen(false)} />
        ))}
      </NavList>
    </li>
  );
}

/** The bar on a wide screen: the daily groups' links, then the folded groups. */
export function MainNavBar({ groups }: { groups: VisibleGroup[] }) {
  const { pathname } = useLocation();
  const current = currentItem(groups, pathname);
  return (
    <NavBar aria-label="Hoofdmenu" className="kt-nav kt-wide-only">
      <NavList className="kt-nav__list">
        {groups.flatMap((group) =>
          group.inline || group.items.length === 1
            ? group.items.map((item) => <ItemLink key={item.to} item={item} current={ariaCurrent(item, current, pathname)} />)
            : [<FoldedGroup key={group.id} group={group} current={current} pathname={pathname} />],
        )}
      </NavList>
    </NavBar>
  );
}

/**
 * On a phone: the Menu button and the drawer it opens. `account` is the user's part (who, password,
 * logout), which the bar of a wide screen shows beside the search box.
 */
export function MenuDrawer({ groups, account }: { groups: VisibleGroup[]; account: ReactNode }) {
  const { pathname } = useLocation();
  const current = currentItem(groups, pathname);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const drawer = useRef<HTMLDialogElement>(null);

  function show() {
    const dialog = drawer.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    setOpen(true);
    // Into the menu: the first link (showModal alone would pick the close button).
    dialog.querySelector<HTMLElement>('nav a')?.focus();
  }

  function hide() {
    drawer.current?.close();
  }

  // Another page (the back button) closes the drawer; a link in it closes it itself.
  useEffect(() => drawer.current?.close(), [pathname]);

  // A wider window shows the bar: a drawer left open there would cover the page.
  useEffect(() => {
    const wide = window.matchMedia(WIDE_SCREEN);
    const closeWhenWide = () => {
      if (wide.matches) drawer.current?.close();
    };
    wide.addEventListener('change', closeWhenWide);
    return () => wide.removeEventListener('change', closeWhenWide);
  }, []);

  return (
    <>
      <Button ref={button} appearance="secondary-action-button" className="kt-menu-button kt-narrow-only" aria-expanded={open} aria-controls="hoofdmenu" onClick={show}>
        Menu
      </Button>
      <Drawer
        ref={drawer}
        id="hoofdmenu"
        align="inline-end"
        aria-label="Menu"
        className="kt-drawer"
        onClose={() => {
          setOpen(false);
          // The browser gives focus back to the button itself; after following a link the new page's heading takes it.
          if (!document.activeElement || document.activeElement === document.body) button.current?.focus();
        }}
        onClick={(event) => {
          // A click on the backdrop lands on the dialog itself, outside its content.
          if (event.target === event.currentTarget) hide();
        }}
      >
        <div className="kt-drawer__content">
          <div className="kt-drawer__top">
            <Button appearance="subtle-button" onClick={hide}>
              Menu sluiten
            </Button>
          </div>
          <nav aria-label="Hoofdmenu" className="kt-drawer__nav">
            {groups.map((group) => (
              <div key={group.id} className="kt-drawer__group">
                <Heading2 className="kt-drawer__heading">
                  {group.label}
                </Heading2>
                <NavList className="kt-drawer__list">
                  {group.items.map((item) => (
                    <ItemLink key={item.to} item={item} current={ariaCurrent(item, current, pathname)} onFollow={hide} />
                  ))}
                </NavList>
              </div>
            ))}
          </nav>
          <div className="kt-drawer__account">{account}</div>
        </div>
      </Drawer>
    </>
  );
}
