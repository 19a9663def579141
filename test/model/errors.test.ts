import { ERROR_CODES } from '../../lib/model/errors';

describe('ERROR_CODES: the one list of stable error codes', () => {
  test('sorted, unique and KIBAN_-prefixed, so a new code has one obvious place', () => {
    expect([...ERROR_CODES]).toEqual([...new Set(ERROR_CODES)].sort());
    for (const c of ERROR_CODES) expect(c).toMatch(/^KIBAN_[A-Z0-9_]+$/);
  });
});
