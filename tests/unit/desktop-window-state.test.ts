import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS, MIN_HEIGHT, MIN_WIDTH } from '../../electron/shell/window-options';
import {
  MIN_VISIBLE_HEIGHT,
  MIN_VISIBLE_WIDTH,
  parseWindowState,
  placeWindow,
  readWindowState,
  WINDOW_STATE_FILE,
  writeWindowState,
  type Rectangle,
} from '../../electron/shell/window-state';
import { makeTempDir } from '../support/temp-dir';

const laptop: Rectangle = { x: 0, y: 0, width: 1366, height: 728 };
const rightMonitor: Rectangle = { x: 1366, y: 0, width: 1920, height: 1040 };
const oldScreen: Rectangle = { x: 0, y: 0, width: 1024, height: 738 };

describe('reading a saved window state', () => {
  it('accepts a well-formed state and rounds fractional pixels', () => {
    expect(parseWindowState({ bounds: { x: 10.4, y: 20, width: 1000, height: 700.6 }, maximized: true })).toEqual({
      bounds: { x: 10, y: 20, width: 1000, height: 701 },
      maximized: true,
    });
  });

  it.each([
    null,
    'text',
    [],
    {},
    { bounds: { x: 0, y: 0, width: 800, height: 600 } },
    { bounds: { x: 0, y: 0, width: 800 }, maximized: false },
    { bounds: { x: '0', y: 0, width: 800, height: 600 }, maximized: false },
    { bounds: { x: 0, y: 0, width: 0, height: 600 }, maximized: false },
    { bounds: { x: 0, y: 0, width: -800, height: 600 }, maximized: false },
    { bounds: { x: Number.NaN, y: 0, width: 800, height: 600 }, maximized: false },
    { bounds: { x: 0, y: 0, width: 800, height: 600 }, maximized: 'yes' },
  ])('refuses %j', (value) => {
    expect(parseWindowState(value)).toBeNull();
  });
});

describe('placing the window', () => {
  it('opens a first window at the default size, centred, on a screen that holds it', () => {
    expect(placeWindow(null, [rightMonitor])).toEqual({ bounds: { width: DEFAULT_BOUNDS.width, height: DEFAULT_BOUNDS.height }, maximized: false });
    // An old 1024×768 screen: the default 1200×800 would hang off the edges.
    expect(placeWindow(null, [oldScreen]).bounds).toEqual({ width: 1024, height: 738 });
  });

  it('keeps a remembered position that is on a display, including a second monitor', () => {
    const saved = { bounds: { x: 1500, y: 100, width: 1200, height: 800 }, maximized: false };
    expect(placeWindow(saved, [laptop, rightMonitor])).toEqual({ bounds: saved.bounds, maximized: false });
  });

  it('centres the window on the primary display when its monitor is gone (laptop undocked)', () => {
    const saved = { bounds: { x: 1500, y: 100, width: 1600, height: 900 }, maximized: true };
    expect(placeWindow(saved, [laptop])).toEqual({ bounds: { width: 1366, height: 728 }, maximized: true });
  });

  it('moves back a window whose title bar is off screen, even if part of it is visible', () => {
    // Dragged up so its title bar is above the top of the screen: it cannot be grabbed any more.
    const saved = { bounds: { x: 100, y: -500, width: 900, height: 700 }, maximized: false };
    const placed = placeWindow(saved, [laptop]);
    expect(placed.bounds.x).toBeUndefined();
    expect(placed.bounds.y).toBeUndefined();
  });

  it('keeps a window that only just shows its title bar, pulled fully onto the screen', () => {
    const saved = { bounds: { x: laptop.width - MIN_VISIBLE_WIDTH, y: 50, width: 900, height: 600 }, maximized: false };
    expect(placeWindow(saved, [laptop]).bounds).toEqual({ x: laptop.width - 900, y: 50, width: 900, height: 600 });
    const lost = { ...saved, bounds: { ...saved.bounds, x: laptop.width - MIN_VISIBLE_WIDTH + 1 } };
    expect(placeWindow(lost, [laptop]).bounds.x).toBeUndefined();
  });

  it('clamps the size: never below the minimum, never beyond the display', () => {
    expect(placeWindow({ bounds: { x: 0, y: 0, width: 300, height: 200 }, maximized: false }, [laptop]).bounds).toEqual({ x: 0, y: 0, width: MIN_WIDTH, height: MIN_HEIGHT });
    expect(placeWindow({ bounds: { x: 0, y: 0, width: 5000, height: 3000 }, maximized: false }, [laptop]).bounds).toEqual({ x: 0, y: 0, width: 1366, height: 728 });
  });

  it('whatever was saved and whatever the displays, the window opens reachable and within a display', () => {
    const rect = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 1, max: 8000 }),
      height: fc.integer({ min: 1, max: 8000 }),
    });
    const display = fc.record({
      x: fc.integer({ min: -4000, max: 4000 }),
      y: fc.integer({ min: -4000, max: 4000 }),
      width: fc.integer({ min: 640, max: 3840 }),
      height: fc.integer({ min: 480, max: 2160 }),
    });
    fc.assert(
      fc.property(fc.option(rect, { nil: null }), fc.array(display, { minLength: 1, maxLength: 3 }), fc.boolean(), (bounds, displays, maximized) => {
        const { bounds: placed } = placeWindow(bounds ? { bounds, maximized } : null, displays);
        if (placed.x === undefined || placed.y === undefined) {
          // Centred by Electron on the primary display: it must fit there.
          expect(placed.width).toBeLessThanOrEqual(Math.max(displays[0]!.width, MIN_WIDTH));
          expect(placed.height).toBeLessThanOrEqual(Math.max(displays[0]!.height, MIN_HEIGHT));
          return;
        }
        const holder = displays.find(
          (d) => placed.x! >= d.x && placed.y! >= d.y && placed.x! + placed.width <= d.x + d.width && placed.y! + placed.height <= d.y + d.height,
        );
        expect(holder, JSON.stringify({ bounds, displays, placed })).toBeDefined();
        expect(placed.height).toBeGreaterThanOrEqual(Math.min(MIN_VISIBLE_HEIGHT, holder!.height));
      }),
    );
  });
});

describe('the window state file', () => {
  let tmp: ReturnType<typeof makeTempDir> | undefined;
  afterEach(() => tmp?.cleanup());

  it('round-trips through the file and leaves no temporary file behind', () => {
    tmp = makeTempDir();
    const file = join(tmp.dir, WINDOW_STATE_FILE);
    const state = { bounds: { x: 40, y: 30, width: 1100, height: 700 }, maximized: true };
    writeWindowState(file, state);
    expect(readWindowState(file)).toEqual(state);
    expect(existsSync(`${file}.tmp`)).toBe(false);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
  });

  it('reads a missing, truncated or foreign file as "nothing saved" instead of failing the start', () => {
    tmp = makeTempDir();
    const file = join(tmp.dir, WINDOW_STATE_FILE);
    expect(readWindowState(file)).toBeNull();
    writeFileSync(file, '{"bounds": {"x": 1');
    expect(readWindowState(file)).toBeNull();
    writeFileSync(file, JSON.stringify({ width: 800, height: 600 }));
    expect(readWindowState(file)).toBeNull();
  });
});
