import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import {
  FORM_GENERATOR,
  buildFormPage,
  declarationData,
  lostFields,
  declarationPath,
  declarationYaml,
  formPageData,
  formSchema,
  formStage,
  redactSystem,
  serveForm,
  summarizeEstate,
} from '../../lib/form';
import { systemJsonSchema } from '../../lib/intake/schema';
import { systemSchema } from '../../lib/model/system';

const REPO = path.join(__dirname, '..', '..');
const EXAMPLE = path.join(REPO, 'examples', 'estate');
const KIBAN = path.join(REPO, 'bin', 'kiban.js');
type Json = Record<string, unknown>;

const tmpDirs: string[] = [];
function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-form-unit-'));
  tmpDirs.push(d);
  return d;
}
afterAll(() => tmpDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function exampleSystems(): string[] {
  const dir = path.join(EXAMPLE, 'systems');
  return fs
    .readdirSync(dir)
    .flatMap((d) => fs.readdirSync(path.join(dir, d)).map((f) => path.join(dir, d, f)))
    .sort();
}

describe('form schema', () => {
  const summary = summarizeEstate(EXAMPLE);
  const s = formSchema(systemJsonSchema(), summary.choices) as Json;
  const props = s.properties as Record<string, Json>;
  const server = (props.servers!.items as Json).properties as Record<string, Json>;

  test('titles and help texts come from the schema descriptions; 様式1 order', () => {
    expect(props.systemName).toMatchObject({ title: 'システム名', description: 'ルール: R03' });
    expect(props.contacts!.title).toBe('1. 連絡先（R08）');
    const order = Object.entries(props)
      .sort(([, a], [, b]) => Number(a.propertyOrder) - Number(b.propertyOrder))
      .map(([k]) => k);
    expect(order.slice(0, 4)).toEqual(['department', 'contacts', 'systemId', 'systemName']);
    expect(order.indexOf('servers')).toBeLessThan(order.indexOf('backup'));
    expect(server.nics!.propertyOrder).toBeLessThan(server.source!.propertyOrder as number);
  });

  test('the platform data gives the choices: departments, networks with dedicated VLANs, templates, guest OS', () => {
    expect(props.department!.enum).toContain('somu');
    expect((props.department!.options as Json).enum_titles).toContain('総務部（somu）');
    const nic = ((server.nics!.items as Json).properties as Record<string, Json>).network!;
    expect(nic.enum).toEqual(expect.arrayContaining(['internet', 'lgwan', 'myNumber', 'dmz', 'mynumber-kokuho']));
    expect(server.guestOs!.enum).toContain('windows_server_2019');
    const branches = (server.source!.oneOf as Json[]).map((b) => b.title);
    expect(branches).toContain('新規構築（テンプレートから作成）');
    const template = (server.source!.oneOf as Json[]).find((b) => b.title === '新規構築（テンプレートから作成）')!;
    expect(((template.properties as Json).template as Json).enum).toEqual(['rhel7', 'ws2016', 'ws2019']);
  });

  test('the generated JSON Schema itself is not modified', () => {
    const before = JSON.stringify(systemJsonSchema());
    formSchema(systemJsonSchema(), summary.choices);
    expect(JSON.stringify(systemJsonSchema())).toBe(before);
    expect(fs.readFileSync(path.join(REPO, 'schemas', 'system.schema.json'), 'utf8')).toBe(
      `${JSON.stringify(systemJsonSchema(), null, 2)}\n`,
    );
  });
});

describe('the written declaration', () => {
  const schema = systemJsonSchema();

  test.each(exampleSystems().map((f) => [path.relative(EXAMPLE, f), f]))(
    '%s: what the form writes means what the file says',
    (_, file) => {
      const original = parse(fs.readFileSync(file, 'utf8'));
      const written = declarationYaml(original, schema, '../../../../schemas/system.schema.json');
      expect(written.split('\n')[0]).toBe('# yaml-language-server: $schema=../../../../schemas/system.schema.json');
      expect(systemSchema.parse(parse(written))).toEqual(systemSchema.parse(original));
      // Writing it again changes nothing.
      expect(declarationYaml(parse(written), schema, '../../../../schemas/system.schema.json')).toBe(written);
    },
  );

  test('keys in schema order; empty and default values left out, the backup choices kept', () => {
    const data = declarationData(
      {
        phase: 'application',
        systemId: 'x1',
        department: 'somu',
        descriptionJa: '',
        servers: [
          {
            disks: [{ sizeGb: 10, thin: true }],
            name: 'a1',
            vmwareTools: { install: true, upgradePolicy: 'manual' },
            snapshots: [],
          },
        ],
        backup: { osImage: true, restoreTest: false, scheduleOnReadyReport: true },
      },
      schema,
    );
    expect(data).toEqual({
      department: 'somu',
      systemId: 'x1',
      phase: 'application',
      servers: [{ name: 'a1', disks: [{ sizeGb: 10 }] }],
      backup: { osImage: true, restoreTest: false },
    });
    expect(Object.keys(data)).toEqual(['department', 'systemId', 'phase', 'servers', 'backup']);
  });

  test('a loaded value the form does not keep is named before it is lost', () => {
    const loaded = { department: 'somu', systemId: 'x1', extra: 1, servers: [{ name: 'a1', memoryGb: 8 }] };
    expect(lostFields(loaded, loaded, schema)).toEqual([]);
    expect(
      lostFields(loaded, { department: 'somu', systemId: 'x1', servers: [{ name: 'a1', memoryGb: 16 }] }, schema),
    ).toEqual(['servers.0.memoryGb', 'extra']);
  });

  test('the file belongs at systems/<department>/<systemId>.yaml; odd values never make a path', () => {
    expect(declarationPath({ department: 'somu', systemId: 'kaigi' })).toBe('systems/somu/kaigi.yaml');
    expect(declarationPath({ department: '../x', systemId: 'a/b' })).toBe('systems/_/new-system.yaml');
  });
});

describe('the estate summary the page carries', () => {
  const summary = summarizeEstate(EXAMPLE);

  test('no contact of any existing system is in the page; everything the rules read is', () => {
    const texts = Object.values(summary.files).join('\n');
    for (const f of exampleSystems()) {
      const d = parse(fs.readFileSync(f, 'utf8')) as {
        systemId: string;
        contacts: Record<string, { nameJa: string; email: string; phone: string }>;
        servers?: Array<{ name: string }>;
      };
      for (const c of Object.values(d.contacts)) {
        expect(texts).not.toContain(c.nameJa);
        expect(texts).not.toContain(c.email);
      }
      expect(summary.files[path.relative(EXAMPLE, f)]).toContain(`systemId: ${d.systemId}`);
      for (const s of d.servers ?? []) expect(texts).toContain(s.name);
    }
    for (const p of fs.readdirSync(path.join(EXAMPLE, 'platform')))
      expect(summary.files[`platform/${p}`]).toBe(fs.readFileSync(path.join(EXAMPLE, 'platform', p), 'utf8'));
    expect(summary.systems.map((s) => s.systemId)).toContain('kokuho');
  });

  test('redaction keeps a valid declaration', () => {
    const d = parse(fs.readFileSync(path.join(EXAMPLE, 'systems', 'hoken', 'kokuho.yaml'), 'utf8')) as Json;
    const r = redactSystem(d);
    expect(systemSchema.safeParse(r).success).toBe(true);
    expect(JSON.stringify(r)).not.toContain('北上');
  });
});

describe('the page', () => {
  test('one self-contained file: a CSP forbids the network, no external script, style or link', () => {
    const html = buildFormPage({ estate: EXAMPLE }).get('index.html')!;
    expect(html).toContain(FORM_GENERATOR);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain("connect-src 'none'");
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html.match(/<\/script/gi)).toHaveLength(2);
  });

  test('byte-identical for the same estate in another folder', () => {
    const copy = path.join(tmp(), 'somewhere', 'estate');
    fs.cpSync(EXAMPLE, copy, { recursive: true });
    const a = buildFormPage({ estate: EXAMPLE, schemaHref: '../../../../schemas/system.schema.json' }).get(
      'index.html',
    );
    const b = buildFormPage({ estate: copy, schemaHref: '../../../../schemas/system.schema.json' }).get('index.html');
    expect(a).toBe(b);
  });

  test('the modeline points from systems/<department>/ to the repository schema', () => {
    expect(formPageData({ estate: EXAMPLE }).schemaHref).toBe('../../../../schemas/system.schema.json');
    expect(formPageData({ estate: path.join(REPO, 'estate') }).schemaHref).toBe('../../../schemas/system.schema.json');
  });

  test('synth writes form/index.html through the form stage', () => {
    const files = new Map<string, string>();
    const progress: string[] = [];
    formStage({ estate: EXAMPLE }).run({ files, progress: (s: string) => progress.push(s) } as never);
    expect([...files.keys()]).toEqual(['form/index.html']);
    expect(files.get('form/index.html')).toContain(FORM_GENERATOR);
  });
});

describe('kiban form', () => {
  test('writes the page; run again replaces it; never replaces a folder it did not write', () => {
    const out = path.join(tmp(), 'form');
    execFileSync(process.execPath, [KIBAN, 'form', '--estate', EXAMPLE, '--out', out], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    const first = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    execFileSync(process.execPath, [KIBAN, 'form', '--estate', EXAMPLE, '--out', out], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe(first);
    const foreign = tmp();
    fs.writeFileSync(path.join(foreign, 'notes.txt'), 'mine');
    const r = spawnSync(process.execPath, [KIBAN, 'form', '--estate', EXAMPLE, '--out', foreign], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('KIBAN_OUTPUT_NOT_OURS');
    expect(r.stderr).not.toMatch(/\n\s+at /); // one clear error, no stack trace
    expect(fs.readdirSync(foreign)).toEqual(['notes.txt']);
  });

  test('kiban form --serve prints its loopback URL, serves the page it wrote, and stops on SIGTERM', async () => {
    const out = path.join(tmp(), 'served');
    const child = spawn(process.execPath, [KIBAN, 'form', '--estate', EXAMPLE, '--out', out, '--serve'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (c: Buffer) => {
          text += c.toString();
          const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(text);
          if (m) resolve(m[0]);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const body = await new Promise<string>((resolve, reject) =>
        http
          .get(url, (res) => {
            let b = '';
            res.setEncoding('utf8');
            res.on('data', (c) => (b += c));
            res.on('end', () => resolve(b));
          })
          .on('error', reject),
      );
      expect(body).toBe(fs.readFileSync(path.join(out, 'index.html'), 'utf8'));
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });

  test('serves on 127.0.0.1 only: the page at /, 404 otherwise', async () => {
    const server = await serveForm(new Map([['index.html', '<p>x</p>']]));
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const get = (u: string) =>
        new Promise<{ status: number; body: string }>((resolve, reject) =>
          http
            .get(u, (res) => {
              let b = '';
              res.setEncoding('utf8');
              res.on('data', (c) => (b += c));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body: b }));
            })
            .on('error', reject),
        );
      expect(await get(server.url)).toEqual({ status: 200, body: '<p>x</p>' });
      expect((await get(`${server.url}../../etc/passwd`)).status).toBe(404);
      expect((await get(`${server.url}other.html`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

test("README and the departments' guide show the form with the picture the browser test takes", () => {
  const png = fs.readFileSync(path.join(REPO, 'docs', 'images', 'application-form.png'));
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(fs.readFileSync(path.join(REPO, 'README.md'), 'utf8')).toContain('](docs/images/application-form.png)');
  expect(fs.readFileSync(path.join(REPO, 'docs', 'intake-guide.md'), 'utf8')).toContain(
    '](images/application-form.png)',
  );
});
