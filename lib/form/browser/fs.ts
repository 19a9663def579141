/**
 * The read-only file system the browser bundle gives lib/intake in place of Node's `fs` (esbuild
 * alias): the estate folder embedded in the page at generation time, so `validateSources` and
 * `checkEstate` run unchanged. Only the calls lib/intake makes exist; a write fails.
 * (memfs 4 needs Node's events/stream/url in the browser, hence this small volume.)
 */
const files = new Map<string, Uint8Array>();
const dirs = new Map<string, Set<string>>();
const encoder = new TextEncoder();

function norm(p: string): string {
  const parts: string[] = [];
  for (const seg of String(p).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

function enoent(p: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, '${p}'`), { code: 'ENOENT' });
}

/** Replaces the volume's contents (absolute paths → texts). */
export function mount(contents: Readonly<Record<string, string>>): void {
  files.clear();
  dirs.clear();
  for (const [p, text] of Object.entries(contents)) {
    const full = norm(p);
    files.set(full, encoder.encode(text));
    let child = full;
    for (let d = child.slice(0, child.lastIndexOf('/')) || '/'; ; d = d.slice(0, d.lastIndexOf('/')) || '/') {
      if (!dirs.has(d)) dirs.set(d, new Set());
      dirs.get(d)!.add(child.slice(child.lastIndexOf('/') + 1));
      if (d === '/') break;
      child = d;
    }
  }
}

/** A directory entry and a stat result in one: what lib/intake asks of either. */
class Entry {
  constructor(
    public readonly name: string,
    public readonly size: number,
    private readonly dir: boolean,
  ) {}
  isFile(): boolean {
    return !this.dir;
  }
  isDirectory(): boolean {
    return this.dir;
  }
  isSymbolicLink(): boolean {
    return false;
  }
  isFIFO(): boolean {
    return false;
  }
  isSocket(): boolean {
    return false;
  }
  isCharacterDevice(): boolean {
    return false;
  }
  isBlockDevice(): boolean {
    return false;
  }
}

/** Open flags lib/intake passes (ignored: the volume holds regular files only). */
export const constants = { O_RDONLY: 0, O_NOFOLLOW: 0, O_NONBLOCK: 0 };

export function existsSync(p: string): boolean {
  const n = norm(p);
  return files.has(n) || dirs.has(n);
}

export function readdirSync(p: string, options?: { withFileTypes?: boolean }): Array<string | Entry> {
  const names = dirs.get(norm(p));
  if (!names) throw enoent(p);
  const sorted = [...names].sort();
  return options?.withFileTypes
    ? sorted.map(
        (name) => new Entry(name, files.get(norm(`${p}/${name}`))?.length ?? 0, dirs.has(norm(`${p}/${name}`))),
      )
    : sorted;
}

export function statSync(p: string): Entry {
  const n = norm(p);
  const f = files.get(n);
  if (f) return new Entry(n.slice(n.lastIndexOf('/') + 1), f.length, false);
  if (dirs.has(n)) return new Entry(n.slice(n.lastIndexOf('/') + 1), 0, true);
  throw enoent(p);
}
export const lstatSync = statSync;

const open = new Map<number, Uint8Array>();

export function fstatSync(fd: number): Entry {
  const f = open.get(fd);
  if (!f) throw Object.assign(new Error('EBADF'), { code: 'EBADF' });
  return new Entry('', f.length, false);
}
let nextFd = 3;

export function openSync(p: string): number {
  const f = files.get(norm(p));
  if (!f) throw enoent(p);
  open.set(nextFd, f);
  return nextFd++;
}

export function readSync(
  fd: number,
  buffer: Uint8Array,
  offset: number,
  length: number,
  position: number | null,
): number {
  const f = open.get(fd);
  if (!f) throw Object.assign(new Error('EBADF'), { code: 'EBADF' });
  const start = position ?? 0;
  const n = Math.max(0, Math.min(length, f.length - start));
  buffer.set(f.subarray(start, start + n), offset);
  return n;
}

export function closeSync(fd: number): void {
  open.delete(fd);
}

export function readFileSync(p: string, encoding?: string | { encoding?: string }): string | Uint8Array {
  const f = files.get(norm(p));
  if (!f) throw enoent(p);
  const enc = typeof encoding === 'string' ? encoding : encoding?.encoding;
  return enc ? new TextDecoder().decode(f) : f;
}

export function realpathSync(p: string): string {
  return norm(p);
}
