import * as fs from 'fs';
import * as path from 'path';
import { EstateManifest, parseEstateManifest } from './manifest';

/** Reads `estate.json` of a synth output folder; a missing or unreadable file becomes an error under `label`. */
export function loadOutputManifest(dir: string, errors: string[], label: string): EstateManifest | undefined {
  const file = path.join(dir, 'estate.json');
  if (!fs.existsSync(file)) {
    errors.push(
      `${label}: ${file} not found — not a kiban synth output folder (run \`kiban synth --out ${dir}\`) / kiban synth の出力フォルダではありません`,
    );
    return undefined;
  }
  try {
    return parseEstateManifest(fs.readFileSync(file, 'utf8'), file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    errors.push(
      code
        ? `${label}: cannot read ${file} (${code}) — check the permissions / ${file} を読み込めません（${code}）。権限を確認してください`
        : `${label}: ${(e as Error).message}`,
    );
    return undefined;
  }
}
