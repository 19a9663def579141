import * as fs from 'fs';
import * as path from 'path';

const YAML_FILE = /\.ya?ml$/i;

/**
 * The declaration files under `dir`: `*.yaml` in it and in its sub-folders (two levels: an estate
 * folder, its systems folder or a department folder), sorted. Entries named `*.yaml` are listed
 * whatever they are, and a sub-folder reached through a symbolic link or that cannot be read is
 * listed as itself, so the loader reports it (a system never disappears silently).
 */
export function declarationFiles(dir: string, depth = 2): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    return [dir];
  }
  const here = entries
    .filter((d) => YAML_FILE.test(d.name) && !d.name.startsWith('.'))
    .map((d) => path.join(dir, d.name))
    .sort();
  if (depth === 0) return here;
  const linked = entries
    .filter(
      (d) => d.isSymbolicLink() && !d.name.startsWith('.') && !YAML_FILE.test(d.name) && isDir(path.join(dir, d.name)),
    )
    .map((d) => path.join(dir, d.name));
  const sub = entries
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && !YAML_FILE.test(d.name))
    .map((d) => d.name)
    .sort();
  const unreadable = sub.map((s) => path.join(dir, s)).filter((d) => !readable(d));
  return [
    ...here,
    ...linked,
    ...unreadable,
    ...sub.filter((s) => readable(path.join(dir, s))).flatMap((s) => declarationFiles(path.join(dir, s), depth - 1)),
  ];
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function readable(dir: string): boolean {
  try {
    fs.readdirSync(dir);
    return true;
  } catch {
    return false;
  }
}
