// The one way an inline form opens and closes (WCAG 2.4.3 focus order, 4.1.2 name, role, value):
// the button that opens it says whether it is open (`aria-expanded`, `aria-controls` while the
// panel is in the page); opening moves focus to the panel's first field (or to an element marked
// `data-autofocus`, or to the panel itself); closing, after a save or "Annuleren", puts focus back
// on the button that opened it. Without this, a keyboard user lands on the page body each time.
//
// Usage:
//   const edit = useDisclosure('gegevens-wijzigen');
//   <Button {...edit.buttonProps}>Gegevens wijzigen</Button>
//   {edit.open && <div {...edit.panelProps}><Form onDone={() => edit.hide()} /></div>}
// The panel may appear a render later (a tab that has to switch first): focus follows when it does.
import { useCallback, useEffect, useId, useRef, useState, type RefCallback } from 'react';

const FIELDS = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

/** Moves focus into a panel that just opened: a marked element, else the first field, else the panel. */
export function focusInto(panel: HTMLElement): void {
  const target = panel.querySelector<HTMLElement>('[data-autofocus]') ?? panel.querySelector<HTMLElement>(FIELDS);
  if (target) {
    target.focus();
    return;
  }
  if (!panel.hasAttribute('tabindex')) panel.setAttribute('tabindex', '-1');
  panel.focus();
}

export interface Disclosure {
  open: boolean;
  /** Opens the panel; focus goes into it as soon as it is in the page. */
  show: () => void;
  /** Closes the panel; focus goes back to the button unless `returnFocus` is false (another panel takes over). */
  hide: (options?: { returnFocus?: boolean }) => void;
  toggle: () => void;
  /** Spread on the opening button. `onClick` toggles; pass your own to do more first. */
  buttonProps: {
    ref: RefCallback<HTMLElement>;
    'aria-expanded': boolean;
    'aria-controls': string | undefined;
    onClick: () => void;
  };
  /** Spread on the element around the form. */
  panelProps: { ref: RefCallback<HTMLElement>; id: string };
  /** The opening button, for a focus that has to go there from elsewhere. */
  button: () => HTMLElement | null;
}

/**
 * `name` makes the panel's id readable (`<name>-paneel`); `options.initiallyOpen` shows the panel
 * without moving focus (a ZRM measurement that is due); `options.canClose` may refuse a close by
 * the button (unsaved text: ask first). "Annuleren" and a save call `hide()` directly.
 */
export function useDisclosure(name?: string, options: { initiallyOpen?: boolean; canClose?: () => boolean } = {}): Disclosure {
  const fallbackId = useId();
  const panelId = `${name ?? fallbackId.replace(/[^a-zA-Z0-9_-]/g, '')}-paneel`;
  const [open, setOpen] = useState(options.initiallyOpen ?? false);
  const buttonNode = useRef<HTMLElement | null>(null);
  const panelNode = useRef<HTMLElement | null>(null);
  const pending = useRef<'panel' | 'button' | null>(null);
  const canClose = useRef(options.canClose);
  canClose.current = options.canClose;

  const buttonRef = useCallback<RefCallback<HTMLElement>>((node) => {
    buttonNode.current = node;
    // The button came back (it was replaced by the form): focus it now.
    if (node && pending.current === 'button') {
      pending.current = null;
      node.focus();
    }
  }, []);

  const panelRef = useCallback<RefCallback<HTMLElement>>((node) => {
    panelNode.current = node;
    if (node && pending.current === 'panel') {
      pending.current = null;
      focusInto(node);
    }
  }, []);

  // The button stayed in the page while the panel closed: its ref callback does not run again.
  useEffect(() => {
    if (!open && pending.current === 'button' && buttonNode.current) {
      pending.current = null;
      buttonNode.current.focus();
    }
  }, [open]);

  const show = useCallback(() => {
    // Already open (the header's action pressed again): go to the form that is there.
    if (panelNode.current) {
      focusInto(panelNode.current);
      return;
    }
    pending.current = 'panel';
    setOpen(true);
  }, []);
  const hide = useCallback((hideOptions: { returnFocus?: boolean } = {}) => {
    pending.current = hideOptions.returnFocus === false ? null : 'button';
    setOpen(false);
  }, []);
  const toggle = useCallback(() => {
    if (!open) return show();
    if (canClose.current && !canClose.current()) return;
    hide();
  }, [open, show, hide]);

  return {
    open,
    show,
    hide,
    toggle,
    buttonProps: { ref: buttonRef, 'aria-expanded': open, 'aria-controls': open ? panelId : undefined, onClick: toggle },
    panelProps: { ref: panelRef, id: panelId },
    button: () => buttonNode.current,
  };
}
