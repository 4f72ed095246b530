import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../support/source-files';

// An ApiError's `message` is its English text, for API callers and logs; a screen writes the error from its
// `messageRef` (useApiErrorText), or a French clinic reads English on every failure. react-hook-form's own field
// errors (`errors.x?.message`, written by the schema resolver in the screen's language) are not ApiErrors.
const ROOT = join(__dirname, '..', '..', 'renderer', 'src');
const ALLOWED = new Set([
  // the one place that falls back to the English text, for an error with no id (an older server)
  'api/failure.ts',
  // the form helper's summary, same rule (its `say` is useMessageText)
  'forms/schema-form.ts',
]);

describe('screens write an API error in the screen language', () => {
  it('no screen shows an ApiError’s English message', () => {
    const found: string[] = [];
    const scanned = sourceFiles(ROOT, '.', /\.tsx?$/);
    expect(scanned.length, 'the scan reads the source files').toBeGreaterThan(100);
    for (const path of scanned) {
      const name = path.slice(2);
      if (ALLOWED.has(name)) continue;
      const text = readFileSync(join(ROOT, path), 'utf8');
      if (!/\bApiError\b|\.error\b/.test(text)) continue;
      text.split('\n').forEach((line, i) => {
        // `r.error.message`, `statuses.error.message`, `{error.message}` where `error` is an ApiError
        // `x.messageRef ? say(x.messageRef) : x.message` is the fallback for a text stored by an older version
        const apiErrorText = !/messageRef \? say\(/.test(line) && (/\b\w+\.error\.message\b/.test(line) || (/\bApiError\b|\bcall\(/.test(text) && /\b\w*[eE]rror\.message\b/.test(line)));
        // a schema's field messages, in English: translatedFieldMessages writes them in the screen's language
        if (apiErrorText || /\bfieldMessages\(/.test(line)) found.push(`${name}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });

  it('the scan catches the pattern it is meant to', () => {
    expect(/\b\w+\.error\.message\b/.test("setMessage({ ok: false, text: r.error.message });")).toBe(true);
    expect(/\b\w*[eE]rror\.message\b/.test('{serverError.message}')).toBe(true);
  });
});
