import * as fs from 'fs';
import * as path from 'path';
import { ChangeCollector as Collector } from './change';
import { byKey } from './manifest';

/* Terraform JSON and Hyper-V scripts of two synth output folders, read only when present. */

type Json = Record<string, unknown>;

function readJson(file: string): Json | undefined {
  if (!fs.existsSync(file)) return undefined;
  const text = fs.readFileSync(file, 'utf8');
  try {
    return JSON.parse(text) as Json;
  } catch {
    throw new Error(
      `${file} is not valid JSON: not a kiban synth output / ${file} は kiban synth の出力ではありません（JSON として読めません）`,
    );
  }
}

function resourcesOf(tf: Json | undefined, type: string): Map<string, Json> {
  const r = (tf?.['resource'] as Json | undefined)?.[type] as Record<string, Json> | undefined;
  return new Map(Object.entries(r ?? {}));
}

const asArray = (v: unknown): Json[] =>
  Array.isArray(v) ? (v as Json[]) : v && typeof v === 'object' ? [v as Json] : [];
const stable = (v: unknown): string => JSON.stringify(v ?? null);

/** Replacement triggers of the vSphere provider, from the synthesized stacks (when both are present). */
function diffTerraform(
  c: Collector,
  systemId: string,
  baseTf: Json | undefined,
  headTf: Json | undefined,
  already: ReadonlySet<string>,
): void {
  if (!baseTf || !headTf) return;
  const bvm = resourcesOf(baseTf, 'vsphere_virtual_machine');
  const hvm = resourcesOf(headTf, 'vsphere_virtual_machine');
  for (const [key, b] of [...bvm].sort(byKey(([k]) => k))) {
    const h = hvm.get(key);
    const name = String(b['name'] ?? key);
    if (already.has(`${systemId}/${name}`)) continue;
    if (!h) {
      c.add(
        systemId,
        'destroyed',
        'terraform',
        `vsphere_virtual_machine.${key}`,
        'Terraform から仮想マシンが消えます (VM resource removed)',
        true,
      );
      continue;
    }
    for (const block of ['clone', 'ovf_deploy'] as const) {
      if (stable(b[block]) !== stable(h[block]))
        c.add(
          systemId,
          'replaced',
          'terraform',
          `vsphere_virtual_machine.${key}`,
          `${block} ブロックの変更は再作成 (${block} block changed: forces replacement)`,
          true,
        );
    }
    const bd = asArray(b['disk']);
    const hd = asArray(h['disk']);
    bd.forEach((d, i) => {
      const e = hd[i];
      if (!e) return; // removal is reported by the manifest diff
      if (d['label'] !== e['label'])
        c.add(
          systemId,
          'replaced',
          'terraform',
          `vsphere_virtual_machine.${key} disk[${i}]`,
          `ディスクラベル ${String(d['label'])} → ${String(e['label'])}（ディスク再作成 — forces replacement）`,
          true,
        );
      if (stable(d['datastore_id']) !== stable(e['datastore_id']))
        c.add(
          systemId,
          'replaced',
          'terraform',
          `vsphere_virtual_machine.${key} disk[${i}]`,
          'ディスクのデータストア変更（再作成 — forces replacement）',
          true,
        );
    });
  }
  const bdk = resourcesOf(baseTf, 'vsphere_virtual_disk');
  const hdk = resourcesOf(headTf, 'vsphere_virtual_disk');
  for (const [key, b] of [...bdk].sort(byKey(([k]) => k))) {
    const h = hdk.get(key);
    if (!h) continue; // the manifest diff reports removed backup volumes
    for (const attr of ['vmdk_path', 'datastore', 'type']) {
      if (stable(b[attr]) !== stable(h[attr]))
        c.add(
          systemId,
          'replaced',
          'terraform',
          `vsphere_virtual_disk.${key}`,
          `${attr} の変更は再作成 (${attr} changed: forces replacement)`,
          true,
        );
    }
  }
}

function scriptSteps(file: string): string[] | undefined {
  if (!fs.existsSync(file)) return undefined;
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

function diffHyperv(c: Collector, systemId: string, baseDir: string, headDir: string): void {
  for (const script of ['apply.ps1', 'remove.ps1']) {
    const b = scriptSteps(path.join(baseDir, 'hyperv', systemId, script));
    const h = scriptSteps(path.join(headDir, 'hyperv', systemId, script));
    if (!b && !h) continue;
    const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
    const bc = count(b ?? []);
    const hc = count(h ?? []);
    // Multiset difference: a line present twice in HEAD and once in BASE is one added line, not two.
    const beyond = (xs: string[], own: Map<string, number>, other: Map<string, number>) => {
      const left = new Map([...own].map(([x, n]) => [x, n - (other.get(x) ?? 0)]));
      return xs.filter((x) => {
        const n = left.get(x)!;
        left.set(x, n - 1);
        return n > 0;
      });
    };
    const added = beyond(h ?? [], hc, bc);
    const removed = beyond(b ?? [], bc, hc);
    const show = (xs: string[]) =>
      [...new Set(xs)]
        .slice(0, 5)
        .map((x) => (x.length > 100 ? `${x.slice(0, 100)}…` : x))
        .join(' / ');
    if (added.length > 0)
      c.add(
        systemId,
        b ? 'changed' : 'added',
        'hyperv-step',
        `hyperv/${systemId}/${script}`,
        `+${added.length} 行: ${show(added)}`,
      );
    if (removed.length > 0)
      c.add(
        systemId,
        h ? 'changed' : 'destroyed',
        'hyperv-step',
        `hyperv/${systemId}/${script}`,
        `-${removed.length} 行: ${show(removed)}`,
      );
  }
}

/**
 * Adds what the synthesized files of each system change beyond the manifest comparison already in `c`:
 * vSphere replacement triggers in `stacks/<id>/cdk.tf.json` and steps of `hyperv/<id>/*.ps1`.
 */
export function diffOutputFiles(
  c: Collector,
  ids: readonly string[],
  dirs: { readonly base: string; readonly head: string },
): void {
  const flagged = new Set(
    c.changes
      .filter((x) => x.object === 'server' && (x.op === 'replaced' || x.op === 'destroyed'))
      .map((x) => `${x.systemId}/${x.target}`),
  );
  for (const id of ids) {
    diffTerraform(
      c,
      id,
      readJson(path.join(dirs.base, 'stacks', id, 'cdk.tf.json')),
      readJson(path.join(dirs.head, 'stacks', id, 'cdk.tf.json')),
      flagged,
    );
    diffHyperv(c, id, dirs.base, dirs.head);
  }
}
