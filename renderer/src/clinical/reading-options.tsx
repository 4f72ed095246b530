import { END_FEELS, END_FEEL_LABELS, INSTRUMENTS, INSTRUMENT_LABELS } from '../../../shared/domain/visit';

// The choices a reading offers, in the shared vocabulary's order and words: the same list in the visit's
// header, each measurement's details and a correction. A form adds its own first option ("Not recorded",
// "As the visit: …") before these.

export function InstrumentOptions() {
  return INSTRUMENTS.map((i) => (
    <option key={i} value={i}>
      {INSTRUMENT_LABELS[i]}
    </option>
  ));
}

export function EndFeelOptions() {
  return END_FEELS.map((f) => (
    <option key={f} value={f}>
      {END_FEEL_LABELS[f]}
    </option>
  ));
}
