import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const WIDTH = 48;
const HEIGHT = 64;

/**
 * A small valid PNG that looks like a till receipt (grey lines of "text" on white, a total in bold):
 * the demo's claims need a receipt image, and no file is read from disk for it.
 */
function receiptImage(): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < HEIGHT; y++) {
    const row = Buffer.alloc(WIDTH + 1, 0xff);
    row[0] = 0; // filter: none
    const text = y >= 6 && y < 50 && y % 4 === 2;
    const total = y === 54 || y === 55;
    for (let x = 6; x < WIDTH - 6; x++) {
      if (total && x > 20) row[x + 1] = 0x20;
      else if (text && (x < 28 || x > 34) && (x * 7 + y) % 11 !== 0) row[x + 1] = 0x9a;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const RECEIPT_PNG: Buffer = receiptImage();
export const RECEIPT_SHA256: string = createHash('sha256').update(RECEIPT_PNG).digest('hex');
