// Tests are offline and deterministic: nothing may read the real clock through the estate.
process.env.TZ = 'Asia/Tokyo';
// The tool's cache (lib/model/tool.ts) stays out of the tests, the CLIs they start included; the
// cache's own tests give it a folder of their own.
process.env.KIBAN_CACHE = 'off';
