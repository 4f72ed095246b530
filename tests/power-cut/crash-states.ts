// Pure functions of the power-cut test: read the log written by io-log.c, and rebuild the files of the
// watched folder as a disk could have left them had the power gone at a given point of that log.
//
// The disk model (tests/integration/power-cut.test.ts runs it):
// - a file's writes and truncations that came before its last completed fsync/fdatasync are on the disk;
// - its later ones may each be there or not, in any combination (a disk and the page cache reorder), and
//   one that is there may be torn: only some of its 512-byte sectors written (a prefix, or any subset);
//   a sector itself is written whole or not at all (what SQLite assumes by default: powersafe overwrite);
// - names (creating, unlinking, renaming a file) are durable once the folder has been fsynced after them;
//   later ones survive as a prefix, in order, as on a journalling file system (ext4, XFS, NTFS);
// - the -shm file is lost entirely: SQLite rebuilds it from the WAL when the database is next opened.
// The disk is assumed to keep what it acknowledged as synced: a disk that lies about fsync is not modelled.

export const SECTOR = 512;

export type IoRecord =
  | { kind: 'open'; sym: string; fd: number; created: boolean; path: string }
  | { kind: 'close'; sym: string; fd: number }
  | { kind: 'write'; sym: string; fd: number; offset: number; data: Buffer }
  | { kind: 'truncate'; sym: string; fd: number; size: number }
  | { kind: 'sync'; sym: string; fd: number }
  | { kind: 'unlink'; sym: string; path: string }
  | { kind: 'rename'; sym: string; from: string; to: string }
  | { kind: 'mmap'; sym: string; fd: number };

export interface IoLog {
  records: IoRecord[];
  /** ends[i]: the byte offset in the log just after record i. */
  ends: number[];
}

/** Reads the log io-log.c writes. A partly written last record (the writer was killed) is an error. */
export function parseIoLog(buf: Buffer): IoLog {
  const records: IoRecord[] = [];
  const ends: number[] = [];
  let at = 0;
  while (at < buf.length) {
    const nl = buf.indexOf(0x0a, at);
    if (nl < 0) throw new Error(`io log: unfinished line at byte ${at}`);
    const line = buf.toString('utf8', at, nl);
    at = nl + 1;
    const kind = line[0];
    const sp1 = line.indexOf(' ', 2);
    const sym = line.slice(2, sp1);
    const rest = line.slice(sp1 + 1);
    const fields = rest.split(' ');
    const num = (i: number): number => {
      const n = Number(fields[i]);
      if (!Number.isSafeInteger(n)) throw new Error(`io log: bad number in "${line}"`);
      return n;
    };
    switch (kind) {
      case 'O': {
        const path = fields.slice(2).join(' ');
        records.push({ kind: 'open', sym, fd: num(0), created: fields[1] === '1', path });
        break;
      }
      case 'C':
        records.push({ kind: 'close', sym, fd: num(0) });
        break;
      case 'W': {
        const length = num(2);
        if (at + length > buf.length) throw new Error(`io log: write of ${length} bytes cut short at byte ${at}`);
        records.push({ kind: 'write', sym, fd: num(0), offset: num(1), data: buf.subarray(at, at + length) });
        at += length;
        break;
      }
      case 'T':
        records.push({ kind: 'truncate', sym, fd: num(0), size: num(1) });
        break;
      case 'S':
        records.push({ kind: 'sync', sym, fd: num(0) });
        break;
      case 'U':
        records.push({ kind: 'unlink', sym, path: rest });
        break;
      case 'R': {
        const [from, to] = rest.split('\t');
        if (from === undefined || to === undefined) throw new Error(`io log: bad rename "${line}"`);
        records.push({ kind: 'rename', sym, from, to });
        break;
      }
      case 'M':
        records.push({ kind: 'mmap', sym, fd: num(0) });
        break;
      default:
        throw new Error(`io log: unknown record "${line.slice(0, 80)}" at byte ${at}`);
    }
    ends.push(at);
  }
  return { records, ends };
}

/** How many records had been completely logged when the log was `byteLength` long. */
export function recordsWithin(log: IoLog, byteLength: number): number {
  let lo = 0;
  let hi = log.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (log.ends[mid]! <= byteLength) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What one record did to the folder, with descriptors resolved to files (an inode: one per creation). */
export type Op =
  | { kind: 'none' }
  | { kind: 'write'; file: number; offset: number; data: Buffer }
  | { kind: 'truncate'; file: number; size: number }
  | { kind: 'fsync'; file: number }
  | { kind: 'dirsync' }
  | { kind: 'create'; name: string; file: number }
  | { kind: 'unlink'; name: string }
  | { kind: 'rename'; from: string; to: string };

export interface Trace {
  /** One per log record, same index, so a cut is a number of records. */
  ops: Op[];
  /** The folder at the start: name → file number, with each such file's contents. */
  initialNames: Map<string, number>;
  initialContents: Map<number, Buffer>;
  /** The name each file was first given, for messages and to pick out the main database. */
  fileNames: string[];
  /** Files whose contents are never kept (the -shm). */
  volatile: Set<number>;
  /** Libc functions seen per record kind, e.g. "write:pwrite64" → count. */
  symbols: Map<string, number>;
}

export interface TraceOptions {
  /** The files in the folder when logging began (an empty folder: none). */
  initial?: Map<string, Buffer>;
  /** Names whose contents are lost at a power cut whatever was synced. */
  isVolatile?: (name: string) => boolean;
}

const defaultVolatile = (name: string) => name.endsWith('-shm');

/** Follows descriptors and names through the log, so every write is tied to the file it went to. */
export function buildTrace(log: IoLog, dir: string, options: TraceOptions = {}): Trace {
  const isVolatile = options.isVolatile ?? defaultVolatile;
  const prefix = dir.replace(/\/+$/, '') + '/';
  const nameOf = (path: string): string | null => {
    if (path.replace(/\/+$/, '') + '/' === prefix) return null;
    if (!path.startsWith(prefix)) throw new Error(`io log: ${path} is outside ${dir}`);
    return path.slice(prefix.length);
  };
  const fileNames: string[] = [];
  const volatile = new Set<number>();
  const initialNames = new Map<string, number>();
  const initialContents = new Map<number, Buffer>();
  const newFile = (name: string) => {
    fileNames.push(name);
    if (isVolatile(name)) volatile.add(fileNames.length - 1);
    return fileNames.length - 1;
  };
  for (const [name, contents] of options.initial ?? []) {
    const file = newFile(name);
    initialNames.set(name, file);
    initialContents.set(file, contents);
  }
  const live = new Map(initialNames);
  // fd → a file number, or 'dir' for the folder itself.
  const fds = new Map<number, number | 'dir'>();
  const symbols = new Map<string, number>();
  const fileOf = (fd: number, record: IoRecord): number | 'dir' => {
    const f = fds.get(fd);
    if (f === undefined) throw new Error(`io log: ${record.kind} on descriptor ${fd}, never opened`);
    return f;
  };
  const ops: Op[] = log.records.map((record): Op => {
    symbols.set(`${record.kind}:${record.sym}`, (symbols.get(`${record.kind}:${record.sym}`) ?? 0) + 1);
    switch (record.kind) {
      case 'open': {
        const name = nameOf(record.path);
        if (name === null) {
          fds.set(record.fd, 'dir');
          return { kind: 'none' };
        }
        if (record.created) {
          const file = newFile(name);
          live.set(name, file);
          fds.set(record.fd, file);
          return { kind: 'create', name, file };
        }
        const file = live.get(name);
        if (file === undefined) throw new Error(`io log: ${name} opened but neither there at the start nor created`);
        fds.set(record.fd, file);
        return { kind: 'none' };
      }
      case 'close':
        fds.delete(record.fd);
        return { kind: 'none' };
      case 'write': {
        const file = fileOf(record.fd, record);
        if (file === 'dir') throw new Error('io log: a write to the folder');
        return volatile.has(file) ? { kind: 'none' } : { kind: 'write', file, offset: record.offset, data: record.data };
      }
      case 'truncate': {
        const file = fileOf(record.fd, record);
        if (file === 'dir') throw new Error('io log: a truncation of the folder');
        return volatile.has(file) ? { kind: 'none' } : { kind: 'truncate', file, size: record.size };
      }
      case 'sync': {
        const file = fileOf(record.fd, record);
        return file === 'dir' ? { kind: 'dirsync' } : { kind: 'fsync', file };
      }
      case 'unlink': {
        const name = nameOf(record.path);
        if (name === null) throw new Error('io log: the folder itself unlinked');
        live.delete(name);
        return { kind: 'unlink', name };
      }
      case 'rename': {
        const from = nameOf(record.from);
        const to = nameOf(record.to);
        if (from === null || to === null) throw new Error('io log: a rename of the folder itself');
        const file = live.get(from);
        if (file === undefined) throw new Error(`io log: ${from} renamed but not there`);
        live.delete(from);
        live.set(to, file);
        return { kind: 'rename', from, to };
      }
      case 'mmap': {
        const file = fileOf(record.fd, record);
        if (file === 'dir' || !volatile.has(file)) {
          throw new Error(`io log: ${file === 'dir' ? 'the folder' : fileNames[file]} was mapped writable; writes through a map are not logged`);
        }
        return { kind: 'none' };
      }
    }
  });
  return { ops, initialNames, initialContents, fileNames, volatile, symbols };
}

/** A small seeded generator (mulberry32), so a failing state can be rebuilt from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CrashOptions {
  /** The chance that each write or truncation made after its file's last fsync reached the disk anyway. */
  keep: number;
  /** The chance that a write that reached the disk is torn: only some of its sectors written. */
  tear: number;
  /** How a write is torn: a prefix of its sectors, or any subset of them. */
  tearMode: 'prefix' | 'sectors';
  /** The chance that each name change after the folder's last fsync survived (the survivors are a prefix). */
  keepNames: number;
}

export interface CrashState {
  cut: number;
  /** name → contents; the -shm and files whose name did not survive are absent. */
  files: Map<string, Buffer>;
  /** What happened to the writes after the last fsyncs, for messages. */
  summary: { pending: number; kept: number; torn: number; pendingNames: number; keptNames: number };
}

/** A file's bytes as they build up; bytes past `size` in the buffer are always zero, as a hole reads. */
class FileImage {
  private constructor(
    private buf: Buffer,
    private size: number,
  ) {}
  static of(initial: Buffer | undefined): FileImage {
    const image = new FileImage(Buffer.alloc(0), 0);
    if (initial) image.write(0, initial);
    return image;
  }
  write(offset: number, data: Buffer): void {
    const end = offset + data.length;
    if (end > this.buf.length) this.grow(end);
    data.copy(this.buf, offset);
    // A gap left by a write beyond the end reads as zeros.
    if (end > this.size) this.size = end;
  }
  truncate(size: number): void {
    if (size < this.size) this.buf.fill(0, size, this.size);
    else if (size > this.buf.length) this.grow(size);
    this.size = size;
  }
  clone(): FileImage {
    const copy = Buffer.allocUnsafe(this.size);
    this.buf.copy(copy, 0, 0, this.size);
    return new FileImage(copy, this.size);
  }
  /** A view, not a copy: take it only from an image that will not change again. */
  contents(): Buffer {
    return this.buf.subarray(0, this.size);
  }
  private grow(min: number): void {
    const grown = Buffer.alloc(Math.max(min, this.buf.length * 2, 4096));
    this.buf.copy(grown, 0, 0, this.size);
    this.buf = grown;
  }
}

/**
 * The sector-aligned pieces of a write: a write at offset 1000 of 1500 bytes covers sectors from 512, so its
 * pieces are [1000, 1024), [1024, 1536), [1536, 2048), [2048, 2500).
 */
export function sectorPieces(offset: number, length: number, sector = SECTOR): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let start = offset;
  const end = offset + length;
  while (start < end) {
    const next = Math.min(end, (Math.floor(start / sector) + 1) * sector);
    pieces.push([start, next]);
    start = next;
  }
  return pieces;
}

/** The pieces of a torn write that reach the disk (never all, never none, unless it fits one sector). */
export function tornPieces(offset: number, length: number, mode: 'prefix' | 'sectors', random: () => number): Array<[number, number]> {
  const pieces = sectorPieces(offset, length);
  if (pieces.length < 2) return pieces;
  if (mode === 'prefix') return pieces.slice(0, 1 + Math.floor(random() * (pieces.length - 1)));
  const kept = pieces.filter(() => random() < 0.5);
  if (kept.length === pieces.length) kept.pop();
  if (kept.length === 0) kept.push(pieces[Math.floor(random() * pieces.length)]!);
  return kept;
}

/** The last index in `sorted` below `limit`, or -1. */
function lastBelow(sorted: readonly number[], limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? -1 : sorted[lo - 1]!;
}

/**
 * Builds crash states from one trace. What is durable only grows as the cut moves on, so each file's durable
 * contents are kept and brought forward rather than replayed from the start for every state: ask for states
 * in increasing order of cut (an earlier cut starts over, which is correct, only slower).
 */
export class CrashStateBuilder {
  private readonly syncs = new Map<number, number[]>();
  private readonly dirSyncs: number[] = [];
  private readonly nameOps: number[] = [];
  private readonly dataOps = new Map<number, number[]>();
  private durable = new Map<number, { image: FileImage; next: number }>();
  private lastCut = 0;

  constructor(private readonly trace: Trace) {
    trace.ops.forEach((op, i) => {
      if (op.kind === 'fsync') push(this.syncs, op.file, i);
      else if (op.kind === 'dirsync') this.dirSyncs.push(i);
      else if (op.kind === 'create' || op.kind === 'unlink' || op.kind === 'rename') this.nameOps.push(i);
      else if (op.kind === 'write' || op.kind === 'truncate') push(this.dataOps, op.file, i);
    });
  }

  /**
   * The folder as the disk could hold it had the power gone after the first `cut` records: one draw of the
   * model above, decided by `random`.
   */
  state(cut: number, random: () => number, options: CrashOptions): CrashState {
    const { trace } = this;
    if (cut < 0 || cut > trace.ops.length) throw new Error(`cut ${cut} outside 0..${trace.ops.length}`);
    if (cut < this.lastCut) this.durable = new Map();
    this.lastCut = cut;
    const summary = { pending: 0, kept: 0, torn: 0, pendingNames: 0, keptNames: 0 };

    // Names: durable up to the folder's last sync, then a prefix of the rest.
    const dirSynced = lastBelow(this.dirSyncs, cut);
    const before = this.nameOps.filter((i) => i < cut);
    const pending = before.filter((i) => i > dirSynced).length;
    let keptNames = 0;
    while (keptNames < pending && random() < options.keepNames) keptNames++;
    summary.pendingNames = pending;
    summary.keptNames = keptNames;
    const names = new Map(trace.initialNames);
    let seenPending = 0;
    for (const i of before) {
      if (i > dirSynced && seenPending++ >= keptNames) break;
      const op = trace.ops[i]!;
      if (op.kind === 'create') names.set(op.name, op.file);
      else if (op.kind === 'unlink') names.delete(op.name);
      else if (op.kind === 'rename') {
        const file = names.get(op.from);
        names.delete(op.from);
        // A rename whose source name never reached the disk leaves the target as it was.
        if (file !== undefined) names.set(op.to, file);
      }
    }

    // Contents: each surviving file's writes before its last sync, then a random selection of the later ones,
    // drawn in log order.
    const images = new Map<number, FileImage>();
    const later: number[] = [];
    for (const file of new Set(names.values())) {
      if (trace.volatile.has(file)) continue;
      const synced = lastBelow(this.syncs.get(file) ?? [], cut);
      const ops = this.dataOps.get(file) ?? [];
      let durable = this.durable.get(file);
      if (!durable) {
        durable = { image: FileImage.of(trace.initialContents.get(file)), next: 0 };
        this.durable.set(file, durable);
      }
      while (durable.next < ops.length && ops[durable.next]! < synced) apply(durable.image, trace.ops[ops[durable.next++]!]!);
      images.set(file, durable.image.clone());
      for (let k = durable.next; k < ops.length && ops[k]! < cut; k++) later.push(ops[k]!);
    }
    later.sort((a, b) => a - b);
    for (const i of later) {
      const op = trace.ops[i] as Extract<Op, { kind: 'write' | 'truncate' }>;
      summary.pending++;
      if (random() >= options.keep) continue;
      summary.kept++;
      const image = images.get(op.file)!;
      if (op.kind === 'write' && random() < options.tear && sectorPieces(op.offset, op.data.length).length > 1) {
        summary.torn++;
        for (const [from, to] of tornPieces(op.offset, op.data.length, options.tearMode, random)) {
          image.write(from, op.data.subarray(from - op.offset, to - op.offset));
        }
      } else {
        apply(image, op);
      }
    }
    const files = new Map<string, Buffer>();
    for (const [name, file] of names) {
      const image = images.get(file);
      if (image) files.set(name, image.contents());
    }
    return { cut, files, summary };
  }
}

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function apply(image: FileImage, op: Op): void {
  if (op.kind === 'write') image.write(op.offset, op.data);
  else if (op.kind === 'truncate') image.truncate(op.size);
}

/** One crash state on its own (see CrashStateBuilder for many). */
export function crashState(trace: Trace, cut: number, random: () => number, options: CrashOptions): CrashState {
  return new CrashStateBuilder(trace).state(cut, random, options);
}

/** Positions just before each sync of a file (not the folder): the moments the most is at stake. */
export function syncPoints(trace: Trace, fileName?: string): number[] {
  const points: number[] = [];
  trace.ops.forEach((op, i) => {
    if (op.kind === 'fsync' && (fileName === undefined || trace.fileNames[op.file] === fileName)) points.push(i);
  });
  return points;
}
