import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_BOUNDS, MIN_HEIGHT, MIN_WIDTH, type WindowBounds } from './window-options';

/** Where the window was, kept in the per-user data folder (not in the database: it belongs to this screen). */
export const WINDOW_STATE_FILE = 'window-state.json';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

/**
 * How much of the window must lie on a display for the saved position to be kept: enough of its
 * top edge to grab and drag it back. Less than that (the laptop was undocked, the second screen
 * is gone), and the window opens centred instead of somewhere nobody can reach.
 */
export const MIN_VISIBLE_WIDTH = 120;
export const MIN_VISIBLE_HEIGHT = 40;

// Finite numbers only (zod's numbers refuse NaN and the infinities); extra keys are ignored.
const SavedState = z.object({
  bounds: z.object({ x: z.number(), y: z.number(), width: z.number().positive(), height: z.number().positive() }),
  maximized: z.boolean(),
});

/** A saved state read back from disk: anything malformed (hand-edited, truncated, older format) is null. */
export function parseWindowState(value: unknown): WindowState | null {
  const parsed = SavedState.safeParse(value);
  if (!parsed.success) return null;
  const { bounds: { x, y, width, height }, maximized } = parsed.data;
  return { bounds: { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) }, maximized };
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** The display holding enough of the window's title bar strip to grab it, if any. */
function displayHoldingTitleBar(bounds: Rectangle, workAreas: readonly Rectangle[]): Rectangle | undefined {
  const titleBar: Rectangle = { x: bounds.x, y: bounds.y, width: bounds.width, height: MIN_VISIBLE_HEIGHT };
  return workAreas.find((area) => {
    const o = overlap(titleBar, area);
    return o.width >= Math.min(MIN_VISIBLE_WIDTH, bounds.width) && o.height >= MIN_VISIBLE_HEIGHT;
  });
}

function clampSize(width: number, height: number, area: Rectangle): { width: number; height: number } {
  // Never smaller than the window's minimum, never larger than the screen it is on (old 1024×768 screens).
  return {
    width: Math.min(area.width, Math.max(MIN_WIDTH, width)),
    height: Math.min(area.height, Math.max(MIN_HEIGHT, height)),
  };
}

/**
 * Where to open the window, given what was saved and the displays there are now (their work
 * areas, primary first). A saved position is kept only if the window's top edge is on a display;
 * otherwise, or with nothing saved, the window gets a size that fits the primary display and no
 * position, so Electron centres it.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rectangle[]): { bounds: WindowBounds; maximized: boolean } {
  const primary = workAreas[0];
  if (!primary) return { bounds: DEFAULT_BOUNDS, maximized: false };
  if (!saved) return { bounds: clampSize(DEFAULT_BOUNDS.width, DEFAULT_BOUNDS.height, primary), maximized: false };

  const area = displayHoldingTitleBar(saved.bounds, workAreas);
  if (!area) return { bounds: clampSize(saved.bounds.width, saved.bounds.height, primary), maximized: saved.maximized };

  const size = clampSize(saved.bounds.width, saved.bounds.height, area);
  // Pull the window fully onto its display where it now fits (a resolution was lowered meanwhile).
  const x = Math.min(Math.max(saved.bounds.x, area.x), area.x + area.width - size.width);
  const y = Math.min(Math.max(saved.bounds.y, area.y), area.y + area.height - size.height);
  return { bounds: { x, y, ...size }, maximized: saved.maximized };
}

/** The saved state, or null when there is none or it cannot be used. Never throws: a bad file must not stop the app. */
export function readWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

/** Writes under a temporary name first, so a crash mid-write leaves the old file rather than half a new one. */
export function writeWindowState(file: string, state: WindowState): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(state, null, 2) + '\n', 'utf8');
  renameSync(temp, file);
}
