import { describe, expect, it } from 'vitest';
import { csvCell } from './csv-export.js';

describe('csvCell', () => {
  it('prefixes text a spreadsheet would read as a formula with an apostrophe', () => {
    for (const text of ['=SUM(A1)', '+81', '-1', '@cmd', '\tx', '\rx'])
      expect(csvCell(text)).toBe(`'${text}`);
  });

  it('leaves other text as it is and writes nothing for null', () => {
    expect(csvCell('ベルマーク')).toBe('ベルマーク');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('')).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});
