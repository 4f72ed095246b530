import { END_FEELS, INSTRUMENTS } from '../../../shared/domain/visit';
import { useVisitWords } from './visit-words';

// The choices a reading offers, in the shared vocabulary's order and the screen's language: the same list in the
// visit's header, each measurement's details and a correction. A form adds its own first option ("Not recorded",
// "As the visit: …") before these.

export function InstrumentOptions() {
  const words = useVisitWords();
  return INSTRUMENTS.map((i) => (
    <option key={i} value={i}>
      {words.instrument(i)}
    </option>
  ));
}

export function EndFeelOptions() {
  const words = useVisitWords();
  return END_FEELS.map((f) => (
    <option key={f} value={f}>
      {words.endFeel(f)}
    </option>
  ));
}
