import { describe, expect, it } from 'vitest';
import { PlanEnding } from '../../shared/domain/plan';
import { typedDate } from '../../shared/domain/schema-parts';
import { readDateBoxes } from '../../renderer/src/forms/typed-dates';
import { mappedResolver } from '../../renderer/src/forms/schema-form';

// The one rule for typed dates (issue #17, item 6): the clinic's format and ISO are read, the contract gets ISO,
// and a box that is no date says how to write one in the clinic's own format.

describe('typedDate: a date as a person types it', () => {
  it.each([
    ['DD/MM/YYYY', '04/03/2026', '2026-03-04'],
    ['DD/MM/YYYY', ' 4/3/2026 ', '2026-03-04'],
    ['MM/DD/YYYY', '04/03/2026', '2026-04-03'],
    ['DD/MM/YYYY', '2026-03-04', '2026-03-04'],
    ['YYYY-MM-DD', '2026-03-04', '2026-03-04'],
    ['D MMM YYYY', '4 Mar 2026', '2026-03-04'],
    ['DD/MM/YYYY', '4 March 2026', '2026-03-04'],
  ] as const)('in a %s clinic reads "%s" as %s', (format, text, iso) => {
    expect(typedDate(format).parse(text)).toBe(iso);
  });

  it('refuses what is no date, naming the clinic format, and says so for an empty box', () => {
    const wrong = typedDate('DD/MM/YYYY').safeParse('31/02/2026');
    expect(wrong.success || wrong.error.issues[0]?.message).toBe('"31/02/2026" is not a real date: write it as DD/MM/YYYY or YYYY-MM-DD.');
    // Slashed digits are ambiguous in an ISO clinic: refused rather than guessed.
    expect(typedDate('YYYY-MM-DD').safeParse('04/03/2026').success).toBe(false);
    const empty = typedDate('MM/DD/YYYY').safeParse('  ');
    expect(empty.success || empty.error.issues[0]?.message).toBe('Enter the date, written MM/DD/YYYY or YYYY-MM-DD.');
  });
});

describe('a form’s date boxes', () => {
  it('become ISO in a copy, lists included, leaving the typed values alone', () => {
    const typed = { startDate: '04/03/2026', endDate: '', goals: [{ targetDate: '01/06/2026' }, { targetDate: 'soon' }] };
    const { values, problems } = readDateBoxes(typed, { format: 'DD/MM/YYYY', paths: ['startDate', 'endDate', 'goals.*.targetDate'] });
    expect(values).toEqual({ startDate: '2026-03-04', endDate: '', goals: [{ targetDate: '2026-06-01' }, { targetDate: 'soon' }] });
    expect(typed.startDate).toBe('04/03/2026');
    expect(Object.keys(problems)).toEqual(['endDate', 'goals.1.targetDate']);
  });

  it('reach the submit handler as ISO, and a refused box speaks the clinic format', async () => {
    const resolver = mappedResolver(PlanEnding, (v: { endedOn: string; reason: string }) => ({ id: '6f1d3c1e-2b7a-4c1e-9a51-0c2f7e9d8b11', ...v }), {
      format: 'DD/MM/YYYY',
      paths: ['endedOn'],
    });
    const run = (values: { endedOn: string; reason: string }) => resolver(values, undefined, { fields: {}, shouldUseNativeValidation: undefined });
    // The handler receives the operation's input as the schema accepted it: the hidden id, the date as ISO.
    expect(await run({ endedOn: '04/03/2026', reason: 'Goals met' })).toEqual({ values: { id: '6f1d3c1e-2b7a-4c1e-9a51-0c2f7e9d8b11', endedOn: '2026-03-04', reason: 'Goals met' }, errors: {} });
    const refused = await run({ endedOn: '2026/03/04', reason: 'Goals met' });
    expect(refused.errors.endedOn?.message).toBe('"2026/03/04" is not a real date: write it as DD/MM/YYYY or YYYY-MM-DD.');
    // A readable date the contract refuses for another reason keeps the contract's own message.
    const noReason = await run({ endedOn: '04/03/2026', reason: '' });
    expect(noReason.errors.endedOn).toBeUndefined();
    expect(noReason.errors.reason?.message).toMatch(/reason/i);
  });
});
