import type { MenuCommand } from '../../../shared/api/transport';
import { desktopBridge } from '../api/desktop-bridge';
import { PRINT_REPORT_EVENT } from '../report/print-actions';
import { href, navigate, parseRoute } from '../router';

/** What a command needs from the page; tests pass their own. */
export interface MenuCommandPage {
  go(to: string): void;
  /** The current address's hash, to know which patient is on screen. */
  hash(): string;
  /** Asks the report on screen to print itself (ReportPage listens). */
  printReport(): void;
  /** Tells the person why nothing happened. */
  say(message: string): void;
}

const browserPage: MenuCommandPage = {
  go: navigate,
  hash: () => window.location.hash,
  printReport: () => window.dispatchEvent(new Event(PRINT_REPORT_EVENT)),
  say: (message) => window.alert(message),
};

export const OPEN_A_PATIENT_FIRST = 'Open a patient first: File → Print report prints the progress report of the patient on screen.';

/**
 * What the page does for each menu command. The switch is exhaustive: adding a command to
 * MENU_COMMANDS in shared/api/transport.ts fails the typecheck here until it is handled.
 */
export function handleMenuCommand(command: MenuCommand, page: Partial<MenuCommandPage> = {}): void {
  const p = { ...browserPage, ...page };
  switch (command) {
    case 'new-patient':
      p.go(href.newPatient());
      return;
    case 'print-report': {
      // On the report itself, print it; on any screen of one patient, open that patient's report.
      const route = parseRoute(p.hash());
      if (route.name === 'patient-report') p.printReport();
      else if ('id' in route) p.go(href.report(route.id));
      else p.say(OPEN_A_PATIENT_FIRST);
      return;
    }
  }
}

/** Listens for menu commands in the desktop app; in server mode (a browser, no bridge) there are none. Returns the unsubscribe. */
export function listenForMenuCommands(win: Window = window, handle: (command: MenuCommand) => void = (c) => handleMenuCommand(c)): () => void {
  const onMenuCommand = desktopBridge(win)?.onMenuCommand;
  if (typeof onMenuCommand !== 'function') return () => {};
  return onMenuCommand(handle);
}
