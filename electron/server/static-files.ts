import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { extname, isAbsolute, join, normalize, relative, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
};

/** Never served: source maps (the whole source, and nothing the page needs). */
const REFUSED_EXTENSIONS = new Set(['.map']);

// Not blocking on a FIFO or device while opening it, and not following a link swapped in at the last
// moment. Both flags are 0 where the platform lacks them (Windows); the checks below still apply.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** True when `child` is `root` itself or lies below it (both already resolved). */
function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Resolves a URL path inside `root` and reads it; null for anything outside root or missing.
 * Paths without an extension fall back to index.html so the renderer's routes can be reloaded.
 *
 * Confined by real path, not only by the text of the path: a symbolic link in the folder that leads
 * out of it is refused, and so is anything that is not a regular file (directories, FIFOs, devices;
 * checked on the opened file, so a FIFO never blocks the read). Hidden names and source maps are
 * never served.
 */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relativePath = decoded === '/' || extname(decoded) === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (REFUSED_EXTENSIONS.has(extname(relativePath).toLowerCase())) return null;
  if (relativePath.split(/[\\/]+/).some((segment) => segment.startsWith('.'))) return null;
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return null;
  }
  const full = normalize(join(realRoot, relativePath));
  if (!isInside(realRoot, full)) return null;
  let real: string;
  try {
    real = await realpath(full);
  } catch {
    return null;
  }
  if (real === realRoot || !isInside(realRoot, real)) return null;
  if (REFUSED_EXTENSIONS.has(extname(real).toLowerCase())) return null;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(real, OPEN_FLAGS);
    const info = await handle.stat();
    if (!info.isFile()) return null;
    return { body: await handle.readFile(), contentType: TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream' };
  } catch {
    return null;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
