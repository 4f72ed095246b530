import { requestActor, type ClientScope } from '../auth/sessions';

/**
 * The desktop app's one client: its window. The main process holds its session (never the page), and every call
 * from the window or from its menus runs in it, so the menu's backup is made by whoever is signed in there.
 */
const desktopScope: ClientScope = { token: null };

export function inDesktopScope<T>(fn: () => Promise<T>): Promise<T> {
  return requestActor.run(desktopScope, fn);
}
