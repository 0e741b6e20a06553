import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import { ZipStreamBuilder } from './zip-stream.builder';

/** ~6 MB of CSV-like text in many chunks, so the entry's CRC runs over many writes. */
function csvChunks(): Buffer[] {
  return Array.from({ length: 600 }, (_, chunk) =>
    Buffer.from(
      Array.from(
        { length: 100 },
        (_, row) => `${chunk * 100 + row},"name ""${row}""",${(row * 7919) % 1000}\r\n`,
      )
        .join('')
        .repeat(3),
    ),
  );
}

describe('ZipStreamBuilder', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'zip-builder-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([1, 6])('writes entries whose CRC-32 and sizes unzip checks (level %i)', async (level) => {
    const zip = new ZipStreamBuilder(level);
    const file = join(dir, 'out.zip');
    const saved = pipeline(zip.output, createWriteStream(file));
    const chunks = csvChunks();
    const entry = zip.openEntry('data_1.csv');
    for (const chunk of chunks)
      if (!entry.write(chunk)) await new Promise((resolve) => entry.once('drain', resolve));
    entry.end();
    zip.addEmptyEntry('empty.csv');
    zip.addEntry('readme.txt', Buffer.from('read me\n'));
    await zip.finalize();
    await saved;

    // unzip -t recomputes every entry's CRC-32 and compares it with the stored one.
    expect(execFileSync('unzip', ['-t', file]).toString()).toContain('No errors detected');
    const listing = execFileSync('unzip', ['-Z', '-v', file]).toString();
    expect(listing).toContain(
      `32-bit CRC value (hex):                         ${crcHex(Buffer.concat(chunks))}`,
    );
    const content = execFileSync('unzip', ['-p', file, 'data_1.csv'], { maxBuffer: 64 * 1024 * 1024 });
    expect(content.equals(Buffer.concat(chunks))).toBe(true);
    expect(execFileSync('unzip', ['-p', file, 'readme.txt']).toString()).toBe('read me\n');
    expect(execFileSync('unzip', ['-p', file, 'empty.csv']).length).toBe(0);
  });
});

function crcHex(bytes: Buffer): string {
  return crc32(bytes).toString(16).padStart(8, '0');
}
