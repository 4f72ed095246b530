import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { CartesianGrid, LabelList, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import type { WorklistSettingsRecord } from '../../../shared/api/operations/worklist';
import { ageInYears } from '../../../shared/domain/dates';
import { isAlp } from '../../../shared/worklist/signs';
import { useOperation } from '../api/use-operation';
import { useFormatInstant } from '../clinical/format';
import { dateOfDay, dayNumber, timeTicks } from '../charts/chart-model';
import { useFormatter } from '../session/session-context';
import './alp-chart.css';
import { useApiErrorText } from '../api/failure';

// The patient's serum alkaline phosphatase (ALP) results over time, against the clinic's upper limit: the
// worklist flags a result above it (or a rise of more than half), and this shows the whole course. Drawn in
// black: a result above the limit is a filled square, one within it an open circle, each with its value
// written over it, so the chart reads on a black-and-white printout. The chart is a picture; the table
// under it (for screen readers) holds the same numbers.

interface AlpPoint {
  x: number;
  y: number;
  date: string;
  /** Above the limit in a result taken at 18 or older (the adult range is not applied to a growing child). */
  above: boolean;
}

/** Current ALP results, oldest first. */
export function alpPoints(file: Pick<PatientFile, 'events' | 'patient'>, limit: number | null): AlpPoint[] {
  return file.events
    .filter((e) => e.voided === null && isAlp(e) && e.value !== null)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((e) => {
      const adult = (ageInYears(file.patient.dateOfBirth, e.date) ?? 18) >= 18;
      return { x: dayNumber(e.date), y: e.value!, date: e.date, above: limit !== null && adult && e.value! > limit };
    });
}

/** A value axis in round U/L steps from 0, with room above the highest of the values and the limit. */
function unitsAxis(values: readonly number[]): { domain: [number, number]; ticks: number[] } {
  const max = Math.max(...values, 1) * 1.15;
  const step = [10, 20, 25, 50, 100, 200, 250, 500, 1000].find((s) => max / s <= 6) ?? 2000;
  const hi = Math.ceil(max / step) * step;
  return { domain: [0, hi], ticks: Array.from({ length: hi / step + 1 }, (_, i) => i * step) };
}

function Dot({ cx, cy, payload }: { cx?: number; cy?: number; payload?: AlpPoint }) {
  if (cx === undefined || cy === undefined || !payload) return null;
  return payload.above ? (
    <rect x={cx - 4.5} y={cy - 4.5} width={9} height={9} fill="#000" stroke="#000" strokeWidth={1.5} />
  ) : (
    <circle cx={cx} cy={cy} r={4.5} fill="#fff" stroke="#000" strokeWidth={1.5} />
  );
}

function limitSentence(t: TFunction, limit: string, settings: WorklistSettingsRecord, formatInstant: (iso: string) => string): string {
  if (settings.version === 0 || settings.setAt === null) return t('alpChart.limitDefault', { limit });
  if (settings.setByName) return t('alpChart.limitSetBy', { limit, name: settings.setByName, when: formatInstant(settings.setAt) });
  return t('alpChart.limitSet', { limit, when: formatInstant(settings.setAt) });
}

/** Shown on the patient page when the patient has at least one ALP result. */
export function AlpChart({ file }: { file: Pick<PatientFile, 'events' | 'patient'> }) {
  const [settings] = useOperation('worklist.settings', {});
  const format = useFormatter();
  const formatDate = format.date;
  const formatInstant = useFormatInstant();
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const id = useId();
  const limit = settings.state === 'ready' ? settings.value.alpUpperLimit : null;
  const points = alpPoints(file, limit);
  if (points.length === 0) return null;

  const first = points[0]!.x;
  const last = points[points.length - 1]!.x;
  // A single result still gets a readable span of time around it.
  const [from, to] = last - first < 30 ? [first - 15, last + 15] : [first, last];
  const axis = unitsAxis([...points.map((p) => p.y), limit ?? 0]);
  const childResults = points.some((p) => (ageInYears(file.patient.dateOfBirth, p.date) ?? 18) < 18);
  // Outside the plot, right of the line's end, so it never sits on a point or its value.
  const limitText = limit === null ? null : format.number(limit);
  const limitLabel = limitText === null ? null : t('alpChart.limitLabel', { limit: limitText });
  return (
    <section aria-labelledby={`${id}-heading`} className="alp-chart">
      <h2 id={`${id}-heading`}>{t('alpChart.heading')}</h2>
      <div className="alp-chart-picture" aria-hidden="true">
        <LineChart responsive width="100%" height={190} data={points} margin={{ top: 20, right: 104, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e2e2e2" vertical={false} />
          <XAxis
            dataKey="x"
            type="number"
            domain={[from, to]}
            padding={{ left: 18, right: 18 }}
            ticks={timeTicks(from, to, 5)}
            tickFormatter={(d: number) => formatDate(dateOfDay(d))}
            tick={{ fontSize: 11, fill: '#000' }}
          />
          <YAxis type="number" domain={axis.domain} ticks={axis.ticks} width={44} interval={0} tickFormatter={(n: number) => format.number(n)} tick={{ fontSize: 11, fill: '#000' }} />
          {limit !== null && (
            <ReferenceLine y={limit} stroke="#000" strokeDasharray="6 4" strokeWidth={1.5} label={{ value: limitLabel!, position: 'right', fontSize: 11, fill: '#000' }} />
          )}
          <Line dataKey="y" stroke="#000" strokeWidth={1.5} dot={<Dot />} activeDot={false} isAnimationActive={false}>
            <LabelList dataKey="y" position="top" offset={9} fontSize={11} fill="#000" formatter={(n: unknown) => (typeof n === 'number' ? format.number(n) : '')} />
          </Line>
        </LineChart>
      </div>
      <p className="alp-chart-key small">
        <Trans i18nKey="alpChart.key" components={[<span key="above" aria-hidden="true" />, <span key="within" aria-hidden="true" />]} />{' '}
        {limitText === null
          ? settings.state === 'error'
            ? t('alpChart.limitUnreadable', { message: errorText(settings.error) })
            : t('alpChart.limitReading')
          : settings.state === 'ready' && limitSentence(t, limitText, settings.value, formatInstant)}
        {childResults && ` ${t('alpChart.childResults')}`}
      </p>
      <table className="visually-hidden">
        <caption>{limitText === null ? t('alpChart.caption') : t('alpChart.captionWithLimit', { limit: limitText })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('alpChart.colDate')}</th>
            <th scope="col">{t('alpChart.colValue')}</th>
            <th scope="col">{t('alpChart.colAgainst')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p, i) => (
            <tr key={`${p.date}-${i}`}>
              <th scope="row">{formatDate(p.date)}</th>
              <td>{format.number(p.y)}</td>
              <td>
                {limit === null
                  ? t('alpChart.limitUnknown')
                  : p.above
                    ? t('alpChart.above')
                    : (ageInYears(file.patient.dateOfBirth, p.date) ?? 18) < 18
                      ? t('alpChart.notCompared')
                      : t('alpChart.within')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
