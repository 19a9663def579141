import * as fs from 'fs';
import { buildFormPage } from '../lib/form/page';
const t = Date.now();
const files = buildFormPage({ estate: '/work/wt/form/examples/estate' });
fs.mkdirSync('/tmp/formout', { recursive: true });
for (const [k, v] of files) fs.writeFileSync(`/tmp/formout/${k}`, v);
console.log('ms', Date.now() - t, 'bytes', files.get('index.html')!.length);
