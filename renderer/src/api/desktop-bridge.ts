import { BRIDGE_NAME, type DesktopBridge } from '../../../shared/api/transport';

// The one reader of the preload's bridge. In server mode (a plain browser) there is none; each caller checks the
// one function it needs, so a page served by an older shell without it degrades instead of throwing.
declare global {
  interface Window {
    readonly [BRIDGE_NAME]?: Partial<DesktopBridge>;
  }
}

export function desktopBridge(win: Window = window): Partial<DesktopBridge> | undefined {
  return win[BRIDGE_NAME];
}
