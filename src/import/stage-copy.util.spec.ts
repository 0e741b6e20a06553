import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { LineMap, RecordScanner } from './stage-copy.util';

/** Passes `text` through a scanner in chunks cut at `cuts`; returns its rows, line map and the bytes out. */
async function scan(text: string, cuts: number[]): Promise<{ rows: number; lines: LineMap; out: string }> {
  const bytes = Buffer.from(text);
  const bounds = [0, ...cuts.filter((cut) => cut > 0 && cut < bytes.length), bytes.length];
  const chunks = bounds.slice(1).map((end, i) => bytes.subarray(bounds[i], end));
  const lines = new LineMap();
  const scanner = new RecordScanner('test.csv', lines, () => undefined);
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(chunks),
    scanner,
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        out.push(chunk);
        done();
      },
    }),
  );
  return { rows: scanner.rows, lines, out: Buffer.concat(out).toString() };
}

// Header, a record with a quoted "" and two line breaks (\r\n and \n) in a value, then plain records.
const FILE = 'a,b\r\n1,"x ""q""\r\ny\nz"\r\n2,w\r\n3,"v"\r\n';

describe('RecordScanner', () => {
  it('counts records and the file line each starts on, wherever the chunks are cut', async () => {
    for (let cut = 0; cut <= FILE.length; cut++)
      for (const second of [cut + 1, cut + 3]) {
        const { rows, lines, out } = await scan(FILE, [cut, second]);
        expect(out).toBe(FILE);
        expect(rows).toBe(3);
        expect([1, 2, 3].map((record) => lines.lineOf(record))).toEqual([2, 5, 6]);
      }
  });

  it('counts a last record without a line break, and none for a header alone', async () => {
    expect((await scan('a,b\n1,2\n3,4', [6])).rows).toBe(2);
    expect((await scan('a,b\n', [])).rows).toBe(0);
  });

  it('drops blank lines (\\n or \\r\\n), counting them for the file lines', async () => {
    const { rows, lines, out } = await scan('\na,b\n1,2\r\n\r\n\n3,"x\n\ny"\n4,5\n\r\n', [5, 10, 11, 15]);
    expect(out).toBe('a,b\n1,2\r\n3,"x\n\ny"\n4,5\n');
    expect(rows).toBe(3);
    expect([1, 2, 3].map((record) => lines.lineOf(record))).toEqual([3, 6, 9]);
  });

  it('maps any line of a record back to that record', async () => {
    const { lines } = await scan(FILE, []);
    expect([2, 3, 4, 5, 6].map((line) => lines.recordAt(line))).toEqual([1, 1, 1, 2, 3]);
  });

  it('refuses a record longer than 16 MiB (a quote left open) instead of holding it', async () => {
    const open = 'a\n"' + 'x'.repeat(17 * 1024 * 1024);
    const cuts = Array.from({ length: 17 * 16 }, (_, i) => (i + 1) * 64 * 1024);
    await expect(scan(open, cuts)).rejects.toThrow(
      'test.csv, line 2: a record runs on for more than 16 MiB (a quote left open?)',
    );
  });
});
