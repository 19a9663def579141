import {
  assertReplaceable,
  commitStagingDir,
  discardStagingDir,
  makeStagingDir,
  recoverOutput,
  writeFiles,
} from '../synth/atomic';

/**
 * Writes the page's files into `dir` the way synth writes its output: staged next to it and swapped
 * in recoverably, and only over a folder that is absent, empty or one kiban wrote (its marker file);
 * anything else is refused with an OutputFolderError and left untouched.
 */
export function writeFormPage(dir: string, files: ReadonlyMap<string, string>): void {
  recoverOutput(dir);
  assertReplaceable(dir);
  const staging = makeStagingDir(dir);
  try {
    writeFiles(staging, files);
    commitStagingDir(staging, dir);
  } catch (e) {
    discardStagingDir(staging);
    throw e;
  }
}
