import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { AppError } from './errors.js';

/** The encodings a CSV may come in: what Japanese HR systems and spreadsheets export. */
export const CSV_ENCODINGS = ['utf-8', 'shift_jis'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

const SNIFF_BYTES = 64 * 1024;

function validUtf8(sample: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function encodingError(row: number, encoding: CsvEncoding): AppError {
  return new AppError('import_invalid', {
    params: { count: 1 },
    fields: [{ path: `rows.${row}`, row, column: '', code: 'invalid_encoding', ...({ encoding } as object) }],
  });
}

/**
 * Decodes bytes to text: UTF-8 (its BOM stripped, invalid bytes refused) or Shift_JIS (Windows-31J,
 * with the NEC and IBM extensions). Without a given encoding it reads the first 64 KiB and takes
 * UTF-8 when they are valid UTF-8, else Shift_JIS.
 */
class Decoder extends Transform {
  encoding: CsvEncoding | undefined;
  bytesRead = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private utf8?: TextDecoder;
  private sjis?: ReturnType<typeof iconv.getDecoder>;
  private newlines = 0;

  constructor(encoding: CsvEncoding | undefined) {
    super({ decodeStrings: true });
    this.encoding = encoding;
  }

  private decode(chunk: Buffer, final: boolean): string {
    if (!this.encoding) {
      this.encoding = validUtf8(chunk) ? 'utf-8' : 'shift_jis';
    }
    if (this.encoding === 'utf-8') {
      this.utf8 ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
      try {
        return this.utf8.decode(chunk, { stream: !final });
      } catch {
        throw encodingError(this.newlines + 1, 'utf-8');
      }
    }
    this.sjis ??= iconv.getDecoder('shift_jis');
    return this.sjis.write(chunk) + (final ? (this.sjis.end() ?? '') : '');
  }

  private pushText(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.newlines++;
    if (text) this.push(text);
  }

  _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    try {
      this.bytesRead += chunk.length;
      if (!this.encoding) {
        this.pending.push(chunk);
        this.pendingBytes += chunk.length;
        if (this.pendingBytes < SNIFF_BYTES) return done();
        chunk = Buffer.concat(this.pending);
        this.pending = [];
      }
      this.pushText(this.decode(chunk, false));
      done();
    } catch (err) {
      done(err as Error);
    }
  }

  _flush(done: TransformCallback) {
    try {
      this.pushText(this.decode(Buffer.concat(this.pending), true));
      done();
    } catch (err) {
      done(err as Error);
    }
  }
}

export type CsvRecord = { row: number; record: string[] };

export type CsvSource = {
  /** The records with their row number (the first record, usually the header, is row 1). Blank rows are skipped but counted. */
  records: AsyncGenerator<CsvRecord>;
  /** The encoding used; known once the first records have been read. */
  encoding(): CsvEncoding | undefined;
  bytesRead(): number;
};

/** Streams a CSV file's records, decoding as it goes; memory stays flat however large the file. */
export function readCsv(input: Readable, options: { encoding?: CsvEncoding } = {}): CsvSource {
  const decoder = new Decoder(options.encoding);
  const parser = parse({ relax_column_count: true, skip_empty_lines: false });
  const done = pipeline(input, decoder, parser);
  done.catch(() => {
    // Reported through the records iterator below.
  });
  async function* records(): AsyncGenerator<CsvRecord> {
    let row = 0;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        row++;
        if (record.every((v) => v.trim() === '')) continue;
        yield { row, record };
      }
      await done;
    } catch (err) {
      if (err instanceof AppError) throw err;
      const e = err as { code?: string; records?: number };
      if (typeof e.code === 'string' && e.code.startsWith('CSV_')) {
        const at = (e.records ?? row) + 1;
        throw new AppError('import_invalid', {
          params: { count: 1 },
          fields: [
            { path: `rows.${at}`, row: at, column: '', code: 'csv_syntax', ...({ csv: e.code } as object) },
          ],
        });
      }
      throw err;
    } finally {
      if (!input.destroyed) input.destroy();
    }
  }
  return { records: records(), encoding: () => decoder.encoding, bytesRead: () => decoder.bytesRead };
}
