import { describe, expect, it } from 'vitest';
import { ensureLibreOffice } from './libreoffice.mjs';

describe('the test script finding LibreOffice', () => {
  it('without root, names the exact command that installs it instead of skipping', () => {
    expect(() => ensureLibreOffice({ path: '/nonexistent/soffice', asRoot: false })).toThrow(
      /LibreOffice \(soffice\) is missing[\s\S]*apt-get install -y --no-install-recommends libreoffice-calc-nogui/,
    );
  });

  it('returns the path when soffice is there', () => {
    expect(ensureLibreOffice({ path: process.execPath, asRoot: false })).toBe(process.execPath);
  });
});
