import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { MotionKey } from '../../shared/domain/catalogue';
import type { ThresholdOverride } from '../../shared/domain/thresholds';
import { INSTRUMENTS, type Instrument } from '../../shared/domain/visit';
import { prepared } from './statement-cache';

/** One row of clinic_thresholds: a value with its lifetime, and the names of who set and who ended it. */
export interface StoredThreshold extends ThresholdOverride {
  id: string;
  setAt: string;
  setById: string;
  setByName: string;
  endedAt: string | null;
  endedById: string | null;
  endedByName: string | null;
}

interface ThresholdRow {
  id: string;
  motion: MotionKey;
  instrument: Instrument | null;
  degrees: number;
  set_at: string;
  set_by: string;
  set_by_name: string;
  ended_at: string | null;
  ended_by: string | null;
  ended_by_name: string | null;
}

function toStored(r: ThresholdRow): StoredThreshold {
  return {
    id: r.id,
    motion: r.motion,
    instrument: r.instrument,
    degrees: r.degrees,
    setAt: r.set_at,
    setById: r.set_by,
    setByName: r.set_by_name,
    endedAt: r.ended_at,
    endedById: r.ended_by,
    endedByName: r.ended_by_name,
  };
}

// Names come with the row: a therapist since deactivated still set that value.
const SELECT = `SELECT c.*, s.name AS set_by_name, e.name AS ended_by_name
  FROM clinic_thresholds c JOIN therapists s ON s.id = c.set_by LEFT JOIN therapists e ON e.id = c.ended_by`;
const CURRENT = 'c.ended_at IS NULL';

/** "Any instrument" first, then the instruments in their usual order, so every screen lists them alike. */
function slotOrder(instrument: Instrument | null): number {
  return instrument === null ? -1 : INSTRUMENTS.indexOf(instrument);
}

/**
 * The clinic's threshold overrides. A change never edits a row: setting ends the current value and adds
 * one, clearing ends it (the table's triggers refuse anything else). Call the changes inside the
 * transaction that writes their audit row.
 */
export class ThresholdRepository {
  constructor(private readonly db: Database.Database) {}

  /** Every current override, by motion, "any instrument" first: what the analysis applies (thresholdFor). */
  overrides(): ThresholdOverride[] {
    return this.current().map(({ motion, instrument, degrees }) => ({ motion, instrument, degrees }));
  }

  /** Every current override with who set it and when. */
  current(): StoredThreshold[] {
    const rows = prepared<[], ThresholdRow>(this.db, `${SELECT} WHERE ${CURRENT}`).all();
    return rows.map(toStored).sort((a, b) => (a.motion < b.motion ? -1 : a.motion > b.motion ? 1 : slotOrder(a.instrument) - slotOrder(b.instrument)));
  }

  /** The current override of one motion and instrument (null: any instrument), or null when there is none. */
  find(motion: MotionKey, instrument: Instrument | null): StoredThreshold | null {
    const row = prepared<[MotionKey, Instrument | null], ThresholdRow>(this.db, `${SELECT} WHERE c.motion = ? AND c.instrument IS ? AND ${CURRENT}`).get(motion, instrument);
    return row ? toStored(row) : null;
  }

  /** Ends the current value of this motion and instrument, if any, and makes `degrees` the current one. */
  set(o: ThresholdOverride, at: string, by: string): StoredThreshold {
    return this.db.transaction(() => {
      this.clear(o.motion, o.instrument, at, by);
      const id = randomUUID();
      const info = prepared(this.db, `INSERT INTO clinic_thresholds (id, motion, instrument, degrees, set_at, set_by) VALUES (?, ?, ?, ?, ?, ?)`).run(
        id,
        o.motion,
        o.instrument,
        o.degrees,
        at,
        by,
      );
      if (info.changes !== 1) throw new Error('the clinic threshold row was not written');
      // Written just above, in this transaction.
      return toStored(prepared<[string], ThresholdRow>(this.db, `${SELECT} WHERE c.id = ?`).get(id)!);
    })();
  }

  /** Ends the current value of this motion and instrument; false when there was none to end. */
  clear(motion: MotionKey, instrument: Instrument | null, at: string, by: string): boolean {
    const info = prepared(this.db, `UPDATE clinic_thresholds SET ended_at = ?, ended_by = ? WHERE motion = ? AND instrument IS ? AND ended_at IS NULL`).run(
      at,
      by,
      motion,
      instrument,
    );
    if (info.changes > 1) throw new Error(`more than one current clinic threshold for ${motion}`);
    return info.changes === 1;
  }

  /** Every value the clinic ever set for a motion, current and ended, oldest first. */
  history(motion: MotionKey): StoredThreshold[] {
    const rows = prepared<[MotionKey], ThresholdRow>(this.db, `${SELECT} WHERE c.motion = ? ORDER BY c.set_at, c.rowid`).all(motion);
    return rows.map(toStored);
  }
}
