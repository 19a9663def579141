import * as fs from 'fs';
import * as path from 'path';
import { commitStagingDir, discardStagingDir, makeStagingDir, writeFiles } from '../synth/atomic';
import { FORM_GENERATOR } from './page';

/** Thrown when `kiban form --out` would replace a folder it did not write. */
export class FormOutputError extends Error {
  public readonly code = 'KIBAN_FORM_OUT_NOT_OURS';
  constructor(dir: string, entry: string) {
    super(`${dir} holds ${entry}, which kiban form did not write; give an empty or new folder / ${dir} には kiban form が作成していない ${entry} があります。空のフォルダか新しいフォルダを指定してください`);
    this.name = 'FormOutputError';
  }
}

/** True when `dir` is absent, empty, or holds only a page kiban form wrote. */
function replaceable(dir: string): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  for (const e of entries) {
    if (e !== 'index.html') throw new FormOutputError(dir, e);
    const head = fs.readFileSync(path.join(dir, e), 'utf8').slice(0, 600);
    if (!head.includes(FORM_GENERATOR)) throw new FormOutputError(dir, e);
  }
}

/**
 * Writes the page's files into `dir` atomically: staged next to it and renamed into place; a
 * folder holding anything kiban form did not write is never replaced.
 */
export function writeFormPage(dir: string, files: ReadonlyMap<string, string>): void {
  replaceable(dir);
  const staging = makeStagingDir(dir);
  try {
    writeFiles(staging, files);
    commitStagingDir(staging, dir);
  } catch (e) {
    discardStagingDir(staging);
    throw e;
  }
}
