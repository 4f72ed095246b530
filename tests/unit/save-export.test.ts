import type { SaveDialogOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { exportFileName, saveDialogOptions, saveExport, withExtension, type SaveExportSteps } from '../../electron/shell/save-export';

// The desktop save dialog for exports, everything but the Electron call: which name and filter each kind of export
// offers, what is written where, and what is refused. The dialog itself (dialog.showSaveDialog) needs the Electron
// binary and is not run here.

const APP = 'app://romtrack/index.html#/settings';
const words = { title: 'Save the export', filterName: 'CSV tables' };

function steps(chosen: (o: SaveDialogOptions) => string | null) {
  const written: [string, string][] = [];
  const asked: SaveDialogOptions[] = [];
  const s: SaveExportSteps = {
    chooseFile: vi.fn(async (o: SaveDialogOptions) => {
      asked.push(o);
      return chosen(o);
    }),
    writeFile: vi.fn(async (path: string, text: string) => void written.push([path, text])),
    documentsDir: '/home/pt/Documents',
  };
  return { s, written, asked };
}

describe('each kind of export', () => {
  it('offers its own name in the documents folder and only its own filter', () => {
    const fhir = saveDialogOptions({ kind: 'write', fileName: 'romtrack-patient-1.fhir.json', mediaType: 'application/fhir+json', content: '{}', title: 'Save', filterName: 'FHIR files (JSON)' }, '/docs');
    expect(fhir).toMatchObject({ title: 'Save', defaultPath: '/docs/romtrack-patient-1.fhir.json', filters: [{ name: 'FHIR files (JSON)', extensions: ['json'] }] });
    expect(fhir.properties).toContain('showOverwriteConfirmation');
    const csv = saveDialogOptions({ kind: 'write', fileName: 'romtrack-measurements-2026-12-02.csv', mediaType: 'text/csv', content: '', ...words }, '/docs');
    expect(csv).toMatchObject({ defaultPath: '/docs/romtrack-measurements-2026-12-02.csv', filters: [{ name: 'CSV tables', extensions: ['csv'] }] });
    // The clinic file is written by the back end, which never writes over a file: no overwrite question.
    const ndjson = saveDialogOptions({ kind: 'choose', fileName: 'romtrack-clinic.ndjson', mediaType: 'application/fhir+ndjson', title: 'Save', filterName: 'NDJSON' }, '/docs');
    expect(ndjson).toMatchObject({ defaultPath: '/docs/romtrack-clinic.ndjson', filters: [{ name: 'NDJSON', extensions: ['ndjson'] }] });
    expect(ndjson.properties).not.toContain('showOverwriteConfirmation');
  });

  it('proposes a name that stays in the folder and ends in the kind’s extension', () => {
    expect(exportFileName('../../etc/passwd', 'text/csv')).toBe('passwd.csv');
    expect(exportFileName('a:b*c?.json', 'application/fhir+json')).toBe('a-b-c-.json');
    expect(exportFileName('C:\\Users\\x\\file.CSV', 'text/csv')).toBe('file.csv');
    expect(exportFileName('...', 'application/fhir+ndjson')).toBe('romtrack-export.ndjson');
  });

  it('adds the extension to a chosen name typed without it', () => {
    expect(withExtension('/media/usb/clinic', 'application/fhir+ndjson')).toBe('/media/usb/clinic.ndjson');
    expect(withExtension('/media/usb/table.CSV', 'text/csv')).toBe('/media/usb/table.CSV');
    expect(withExtension('/media/usb/patient.json', 'text/csv')).toBe('/media/usb/patient.json.csv');
  });
});

describe('saving', () => {
  it('writes the operation’s answer where the person chose', async () => {
    const { s, written } = steps(() => '/media/usb/measurements');
    const r = await saveExport(s, APP, true, { kind: 'write', fileName: 'm.csv', mediaType: 'text/csv', content: 'a,b\n1,2\n', ...words });
    expect(r).toEqual({ ok: true, value: { saved: true, path: '/media/usb/measurements.csv' } });
    expect(written).toEqual([['/media/usb/measurements.csv', 'a,b\n1,2\n']]);
  });

  it('only asks where for the whole clinic, and writes nothing itself', async () => {
    const { s, written } = steps(() => '/media/usb/clinic.ndjson');
    const r = await saveExport(s, APP, true, { kind: 'choose', fileName: 'romtrack-clinic.ndjson', mediaType: 'application/fhir+ndjson', title: 'Save', filterName: 'NDJSON' });
    expect(r).toEqual({ ok: true, value: { saved: true, path: '/media/usb/clinic.ndjson' } });
    expect(written).toEqual([]);
  });

  it('saves nothing when the dialog is cancelled', async () => {
    const { s, written } = steps(() => null);
    expect(await saveExport(s, APP, true, { kind: 'write', fileName: 'm.csv', mediaType: 'text/csv', content: 'x', ...words })).toEqual({ ok: true, value: { saved: false } });
    expect(written).toEqual([]);
  });

  it('says where it could not write', async () => {
    const { s } = steps(() => '/readonly/m.csv');
    s.writeFile = async () => {
      throw new Error('EACCES: permission denied');
    };
    const r = await saveExport(s, APP, true, { kind: 'write', fileName: 'm.csv', mediaType: 'text/csv', content: 'x', ...words });
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!r.ok) expect(r.error.message).toMatch(/^The export could not be written to \/readonly\/m\.csv: .*EACCES/);
  });

  it('refuses other frames and malformed requests without opening a dialog', async () => {
    const { s, asked } = steps(() => '/x.csv');
    expect(await saveExport(s, 'https://evil.example/', true, { kind: 'write', fileName: 'm.csv', mediaType: 'text/csv', content: 'x', ...words })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await saveExport(s, APP, false, { kind: 'write', fileName: 'm.csv', mediaType: 'text/csv', content: 'x', ...words })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await saveExport(s, APP, true, { kind: 'write', fileName: 'm.exe', mediaType: 'application/x-msdownload', content: 'x', ...words })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await saveExport(s, APP, true, { kind: 'choose', fileName: 'c.ndjson', mediaType: 'application/fhir+ndjson', title: 'Save', filterName: 'NDJSON', path: '/etc/x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(asked).toEqual([]);
  });
});
