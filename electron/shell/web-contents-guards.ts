import type { WebContents } from 'electron';
import { decideNavigation, decideWindowOpen } from './trusted-url';

/** The parts of WebContents the guards use, so a test can hand in a stand-in. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Applied to every web contents the app creates: the page cannot be replaced by another one,
 * cannot open windows or embed webviews; plain https links go to the system browser instead.
 */
export function guardWebContents(contents: GuardedContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    const decision = decideNavigation(url);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-external') openExternal(url);
  });
  // A redirect of an allowed navigation gets the same decision as the navigation itself.
  contents.on('will-redirect', (event, url) => {
    if (decideNavigation(url) !== 'allow') event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url) === 'open-external') openExternal(url);
    return { action: 'deny' };
  });
}
