import { BRIDGE_NAME, type MenuCommand } from '../../../shared/api/transport';
import { href, navigate } from '../router';

/** The part of the desktop bridge (electron/preload.ts) that carries the application menu's commands. */
export interface MenuCommandBridge {
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
}

/**
 * What the page does for each menu command. The switch is exhaustive: adding a command to
 * MENU_COMMANDS in shared/api/transport.ts fails the typecheck here until it is handled.
 */
export function handleMenuCommand(command: MenuCommand, go: (to: string) => void = navigate): void {
  switch (command) {
    case 'new-patient':
      go(href.newPatient());
      return;
    case 'print-report':
      // There is no report screen yet, so there is nothing to print and File → Print report… does
      // nothing. The report issue adds the route and its PDF printing, and handles this command here
      // (for example: on a patient's page, open that patient's report).
      return;
  }
}

/** Listens for menu commands in the desktop app; in server mode (a browser, no bridge) there are none. Returns the unsubscribe. */
export function listenForMenuCommands(win: Window = window, handle: (command: MenuCommand) => void = handleMenuCommand): () => void {
  const bridge = (win as unknown as Record<string, Partial<MenuCommandBridge> | undefined>)[BRIDGE_NAME];
  if (typeof bridge?.onMenuCommand !== 'function') return () => {};
  return bridge.onMenuCommand(handle);
}
