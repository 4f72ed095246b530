import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../support/source-files';

// A schema in shared/ is the message a person reads on a field when an input is refused, in the screen's language:
// it is given as `said(message(id))` or `saidIssue(ref)`, never as English written inline.
const ROOT = join(__dirname, '..', '..', 'shared');
const INLINE = /\b(error|message):\s*['"`][A-Z]/;
// Checks of the back end's own output and of a message id: a failure there is a bug in ROMtrack, not a person's input.
const INTERNAL = ['api/operations/analysis.ts: error: \'The analysis did not have the expected shape.\'', 'i18n/message.ts: const MessageId'];

describe('shared schemas refuse in message ids', () => {
  it('no schema or check in shared/ writes a refusal in English inline', () => {
    const found: string[] = [];
    const scanned = sourceFiles(ROOT, '.', /\.ts$/, ['messages']);
    expect(scanned.length, 'the scan reads the source files').toBeGreaterThan(50);
    for (const path of scanned) {
      const name = path.slice(2);
      readFileSync(join(ROOT, path), 'utf8')
        .split('\n')
        .forEach((line) => {
          if (INLINE.test(line) && !/^(\*|\/)/.test(line.trim()) && !INTERNAL.some((x) => `${name}: ${line.trim()}`.startsWith(x))) found.push(`${name}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('the pattern catches an inline refusal', () => {
    expect(INLINE.test(".max(2000, { error: 'This address is too long.' })")).toBe(true);
    expect(INLINE.test("ctx.addIssue({ code: 'custom', message: `Weekly measurement cannot end` })")).toBe(true);
  });
});
