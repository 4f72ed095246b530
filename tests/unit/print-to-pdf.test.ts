import { describe, expect, it, vi } from 'vitest';
import { parsePrintRequest, pdfOptions, reportFileName, savePdf, type SavePdfSteps } from '../../electron/shell/print-to-pdf';

const APP = 'app://romtrack/index.html#/patients/x/report';

function steps(overrides: Partial<SavePdfSteps> = {}) {
  const written: [string, Uint8Array][] = [];
  const s: SavePdfSteps = {
    printToPdf: vi.fn(async () => new Uint8Array([37, 80, 68, 70])),
    chooseFile: vi.fn(async (p: string) => p),
    writeFile: vi.fn(async (path: string, data: Uint8Array) => void written.push([path, data])),
    documentsDir: '/home/pt/Documents',
    today: '2026-11-25',
    ...overrides,
  };
  return { s, written };
}

describe('the PDF options', () => {
  it('let the page’s @page rule decide paper and margins, and print no backgrounds', () => {
    expect(pdfOptions('A4')).toMatchObject({ preferCSSPageSize: true, printBackground: false, pageSize: 'A4', displayHeaderFooter: false });
    expect(pdfOptions('Letter').pageSize).toBe('Letter');
  });
});

describe('the default file name', () => {
  it('is "ROMtrack report SURNAME date.pdf"', () => {
    expect(reportFileName('Mensah', '2026-11-25')).toBe('ROMtrack report MENSAH 2026-11-25.pdf');
    expect(reportFileName('  van der  Berg ', '2026-11-25')).toBe('ROMtrack report VAN DER BERG 2026-11-25.pdf');
    expect(reportFileName('Ọ̀ṣun-Adé', '2026-01-02')).toBe('ROMtrack report Ọ̀ṢUN-ADÉ 2026-01-02.pdf');
  });

  it('cannot leave the folder or carry characters file systems refuse', () => {
    expect(reportFileName('../../etc/passwd', '2026-11-25')).toBe('ROMtrack report ETC PASSWD 2026-11-25.pdf');
    expect(reportFileName('a\\b:c*d?e"f<g>h|i\u0000j\nk', '2026-11-25')).toBe('ROMtrack report A B C D E F G H I J K 2026-11-25.pdf');
    expect(reportFileName('...', '2026-11-25')).toBe('ROMtrack report PATIENT 2026-11-25.pdf');
    expect(reportFileName('x'.repeat(500), '2026-11-25')).toBe(`ROMtrack report ${'X'.repeat(60)} 2026-11-25.pdf`);
  });
});

describe('the print request', () => {
  it('is exactly a paper size and a surname', () => {
    expect(parsePrintRequest({ paper: 'Letter', familyName: 'Mensah' })).toEqual({ paper: 'Letter', familyName: 'Mensah' });
    for (const bad of [null, 'A4', [], {}, { paper: 'A3', familyName: 'M' }, { paper: 'A4' }, { paper: 'A4', familyName: 7 }, { paper: 'A4', familyName: 'M', path: '/etc' }, { paper: 'A4', familyName: 'x'.repeat(201) }]) {
      expect(parsePrintRequest(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});

describe('saving the report as PDF', () => {
  it('prints with the options, offers Documents/<default name>, and writes the chosen file', async () => {
    const { s, written } = steps();
    const r = await savePdf(s, APP, true, { paper: 'A4', familyName: 'Mensah' });
    expect(r).toEqual({ ok: true, value: { saved: true, path: '/home/pt/Documents/ROMtrack report MENSAH 2026-11-25.pdf' } });
    expect(s.printToPdf).toHaveBeenCalledWith(pdfOptions('A4'));
    expect(written).toEqual([['/home/pt/Documents/ROMtrack report MENSAH 2026-11-25.pdf', new Uint8Array([37, 80, 68, 70])]]);
  });

  it('adds .pdf when the person typed a name without it', async () => {
    const { s } = steps({ chooseFile: async () => '/tmp/for Dr Boateng' });
    expect(await savePdf(s, APP, true, { paper: 'Letter', familyName: 'Mensah' })).toEqual({ ok: true, value: { saved: true, path: '/tmp/for Dr Boateng.pdf' } });
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { s, written } = steps({ chooseFile: async () => null });
    expect(await savePdf(s, APP, true, { paper: 'A4', familyName: 'Mensah' })).toEqual({ ok: true, value: { saved: false } });
    expect(written).toEqual([]);
  });

  it('answers only our own top frame, and a well-formed request', async () => {
    for (const [url, main] of [['https://evil.example/', true], ['app://romtrack.evil.com/', true], [APP, false], [undefined, true]] as const) {
      const { s } = steps();
      const r = await savePdf(s, url, main, { paper: 'A4', familyName: 'Mensah' });
      expect(r.ok || r.error.code).toBe('unauthorized');
      expect(s.printToPdf).not.toHaveBeenCalled();
    }
    const { s } = steps();
    const r = await savePdf(s, APP, true, { paper: 'A4', familyName: 'Mensah', path: '/etc/passwd' });
    expect(r.ok || r.error.code).toBe('invalid_input');
    expect(s.printToPdf).not.toHaveBeenCalled();
  });

  it('says what failed when printing or writing fails', async () => {
    const failingPrint = steps({ printToPdf: async () => Promise.reject(new Error('renderer gone')) });
    const a = await savePdf(failingPrint.s, APP, true, { paper: 'A4', familyName: 'Mensah' });
    expect(a.ok ? '' : a.error.message).toMatch(/could not be made: renderer gone/);
    expect(failingPrint.s.chooseFile).not.toHaveBeenCalled();

    const failingWrite = steps({ writeFile: async () => Promise.reject(new Error('EACCES: permission denied')) });
    const b = await savePdf(failingWrite.s, APP, true, { paper: 'A4', familyName: 'Mensah' });
    expect(b.ok ? '' : b.error.message).toMatch(/could not be written to .*EACCES.*Choose another folder/);
  });
});
