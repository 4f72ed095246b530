import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi, type Mock } from 'vitest';
import { aboutDialog } from '../../electron/shell/about';
import { buildMenuTemplate, MENU_ITEM_IDS, type MenuActions } from '../../electron/shell/menu';
import { handleMenuCommand, listenForMenuCommands, OPEN_A_PATIENT_FIRST } from '../../renderer/src/desktop/menu-commands';
import { BRIDGE_NAME, isMenuCommand, MENU_COMMANDS, type MenuCommand } from '../../shared/api/transport';

function fakeActions(): Record<keyof MenuActions, Mock<() => void>> {
  return { newPatient: vi.fn(), printReport: vi.fn(), backUpNow: vi.fn(), restore: vi.fn(), about: vi.fn() };
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  expect(Array.isArray(item?.submenu), `${item?.label} has a submenu`).toBe(true);
  return item!.submenu as MenuItemConstructorOptions[];
}

function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

const menuNamed = (template: MenuItemConstructorOptions[], name: string) => template.find((m) => m.label?.replace(/&/g, '') === name);
const labels = (items: MenuItemConstructorOptions[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label?.replace(/&/g, ''));

describe.each(['win32', 'linux', 'darwin'] as const)('the application menu on %s', (platform) => {
  const actions = fakeActions();
  const template = buildMenuTemplate(actions, platform);
  const mac = platform === 'darwin';

  it('gives every item a label, and mnemonics only where the platform has them', () => {
    for (const item of allItems(template).filter((i) => i.type !== 'separator')) {
      expect(item.label, JSON.stringify(item)).toMatch(/\S/);
      if (mac) expect(item.label).not.toContain('&');
    }
    if (!mac) expect(template.every((m) => /&\w/.test(m.label ?? ''))).toBe(true);
  });

  it('has File with New patient, Print report, Back up now, Restore and a way out', () => {
    const file = submenu(menuNamed(template, 'File'));
    expect(labels(file)).toEqual(['New patient', 'Print report…', 'Back up now…', 'Restore…', mac ? 'Close Window' : 'Quit']);
    const quit = allItems(template).find((i) => i.role === 'quit');
    expect(quit?.accelerator).toBe(mac ? 'Cmd+Q' : 'Ctrl+Q');
    if (mac) expect(labels(submenu(template[0]))).toContain('Quit ROMtrack');
  });

  it('has accelerators for the common actions', () => {
    const byId = (id: string) => allItems(template).find((i) => i.id === id);
    expect(byId(MENU_ITEM_IDS.newPatient)?.accelerator).toBe('CmdOrCtrl+N');
    expect(byId(MENU_ITEM_IDS.printReport)?.accelerator).toBe('CmdOrCtrl+P');
    const byRole = (role: string) => allItems(template).find((i) => i.role === role);
    expect(byRole('zoomIn')?.accelerator).toBe('CmdOrCtrl+=');
    expect(byRole('zoomOut')?.accelerator).toBe('CmdOrCtrl+-');
    expect(byRole('resetZoom')?.accelerator).toBe('CmdOrCtrl+0');
    expect(byRole('togglefullscreen')?.accelerator).toBeTruthy();
    const accelerators = allItems(template).map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accelerators).size, 'no accelerator used twice').toBe(accelerators.length);
  });

  it('wires each item to its action', () => {
    for (const [key, id] of Object.entries(MENU_ITEM_IDS) as [keyof MenuActions, string][]) {
      const item = allItems(template).find((i) => i.id === id);
      expect(item, id).toBeDefined();
      (item!.click as () => void)();
      expect(actions[key]).toHaveBeenCalledTimes(1);
    }
  });

  it('has standard Edit roles, and zoom and full screen in View', () => {
    expect(submenu(menuNamed(template, 'Edit')).filter((i) => i.role).map((i) => i.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(submenu(menuNamed(template, 'View')).filter((i) => i.role).map((i) => i.role)).toEqual(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']);
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (t: MenuItemConstructorOptions[]) => allItems(t).map((i) => i.role);
    expect(roles(template)).not.toContain('reload');
    expect(roles(template)).not.toContain('forceReload');
    expect(roles(template)).not.toContain('toggleDevTools');
    const dev = buildMenuTemplate(fakeActions(), platform, { development: true });
    expect(roles(dev)).toContain('reload');
    expect(roles(dev)).toContain('toggleDevTools');
  });

  it('puts About ROMtrack where the platform’s users look for it', () => {
    const where = mac ? template[0] : menuNamed(template, 'Help');
    expect(labels(submenu(where))).toContain('About ROMtrack');
    expect(template.map((m) => m.label?.replace(/&/g, ''))).toEqual(mac ? ['ROMtrack', 'File', 'Edit', 'View'] : ['File', 'Edit', 'View', 'Help']);
  });
});

describe('the About box', () => {
  it('shows the version and the database path', () => {
    const box = aboutDialog({ name: 'ROMtrack', version: '0.1.0', databasePath: 'C:\\Users\\pt\\AppData\\Roaming\\ROMtrack\\romtrack.sqlite', schemaVersion: 7, mode: 'desktop' });
    expect(box.message).toBe('ROMtrack 0.1.0');
    expect(box.detail).toContain('C:\\Users\\pt\\AppData\\Roaming\\ROMtrack\\romtrack.sqlite');
    expect(box.detail).toContain('7');
  });
});

describe('menu commands in the page', () => {
  it('are one list, checked by name', () => {
    expect(MENU_COMMANDS).toEqual(['new-patient', 'print-report']);
    expect(isMenuCommand('new-patient')).toBe(true);
    expect(isMenuCommand('New-Patient')).toBe(false);
    expect(isMenuCommand(undefined)).toBe(false);
  });

  it('New patient opens the new-patient form', () => {
    const go = vi.fn();
    handleMenuCommand('new-patient', { go });
    expect(go).toHaveBeenCalledWith('#/patients/new');
  });

  it('Print report opens the report of the patient on screen, prints the report on screen, or asks for a patient', () => {
    const page = (hash: string) => ({ go: vi.fn(), hash: () => hash, printReport: vi.fn(), say: vi.fn() });
    const id = '8f14e45f-ceea-4e7a-9b6b-1c2d3e4f5a6b';
    for (const hash of [`#/patients/${id}`, `#/patients/${id}/mobility`, `#/patients/${id}/mobility/right.elbow.flexion.active`, `#/patients/${id}/visits/new`]) {
      const p = page(hash);
      handleMenuCommand('print-report', p);
      expect(p.go, hash).toHaveBeenCalledWith(`#/patients/${id}/report`);
      expect(p.say).not.toHaveBeenCalled();
    }
    const onReport = page(`#/patients/${id}/report?from=2025-01-01&to=2025-12-31&paper=A4`);
    handleMenuCommand('print-report', onReport);
    expect(onReport.printReport).toHaveBeenCalledOnce();
    expect(onReport.go).not.toHaveBeenCalled();
    for (const hash of ['#/patients', '#/patients/new', '#/settings', '']) {
      const p = page(hash);
      handleMenuCommand('print-report', p);
      expect(p.go, hash).not.toHaveBeenCalled();
      expect(p.say).toHaveBeenCalledWith(OPEN_A_PATIENT_FIRST);
    }
  });

  it('are listened for through the bridge when there is one, and quietly not in server mode', () => {
    let registered: ((command: MenuCommand) => void) | undefined;
    const unsubscribe = vi.fn();
    const win = { [BRIDGE_NAME]: { call: vi.fn(), onMenuCommand: (cb: (command: MenuCommand) => void) => ((registered = cb), unsubscribe) } };
    const handle = vi.fn();
    const stop = listenForMenuCommands(win as unknown as Window, handle);
    registered!('new-patient');
    expect(handle).toHaveBeenCalledWith('new-patient');
    stop();
    expect(unsubscribe).toHaveBeenCalled();

    const browser = {} as unknown as Window;
    expect(() => listenForMenuCommands(browser, handle)()).not.toThrow();
  });
});
