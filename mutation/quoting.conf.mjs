import { areaConfig } from './stryker.base.mjs';

/** Quoting and escaping: psQuote (PowerShell) and tfString (Terraform). Target 100%. */
export default areaConfig(
  'quoting',
  ['lib/hyperv/quote.ts', 'lib/vsphere/escape.ts'],
  ['<rootDir>/test/hyperv/quote.test.ts', '<rootDir>/test/vsphere/escape.test.ts'],
  100,
);
