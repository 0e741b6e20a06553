import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvDelimiter, CsvPartSplitter } from './csv-part-splitter';

interface Outcome {
  parts: string[];
  rows: number;
  columns: number;
  partCount: number;
  bytesIn: number;
  bytesOut: number;
}

interface RunOptions {
  delimiter?: CsvDelimiter;
  rowLimit?: number;
}

async function run(chunks: Buffer[], options: RunOptions = {}): Promise<Outcome> {
  const received: Buffer[][] = [];
  const opened: Writable[] = [];
  const splitter = new CsvPartSplitter({
    delimiter: options.delimiter ?? ',',
    rowLimit: options.rowLimit ?? 1000,
    openPart: (partNumber) => {
      expect(partNumber).toBe(opened.length + 1);
      if (opened.length > 0) expect(opened[opened.length - 1].writableEnded).toBe(true);
      const chunksOfPart: Buffer[] = [];
      received.push(chunksOfPart);
      const part = new Writable({
        write(chunk: Buffer, _encoding, callback) {
          chunksOfPart.push(chunk);
          callback();
        },
      });
      opened.push(part);
      return part;
    },
  });
  await pipeline(Readable.from(chunks), splitter);
  expect(opened.every((part) => part.writableFinished)).toBe(true);
  return {
    parts: received.map((part) => Buffer.concat(part).toString('utf8')),
    rows: splitter.rows,
    columns: splitter.columns,
    partCount: splitter.parts,
    bytesIn: splitter.bytesIn,
    bytesOut: splitter.bytesOut,
  };
}

/** Splits `input` at the given byte offsets (empty chunks included on purpose). */
function cutAt(input: Buffer, offsets: number[]): Buffer[] {
  const points = [0, ...offsets, input.length];
  return points.slice(1).map((end, k) => input.subarray(points[k], end));
}

function byteByByte(input: Buffer): Buffer[] {
  return [...input].map((byte) => Buffer.from([byte]));
}

/** Runs the input whole, cut at every offset and byte by byte, and checks every run agrees. */
async function runEveryWay(input: string | Buffer, options: RunOptions = {}): Promise<Outcome> {
  const bytes = Buffer.from(input);
  const whole = await run([bytes], options);
  for (let offset = 0; offset <= bytes.length; offset++) {
    expect(await run(cutAt(bytes, [offset]), options)).toEqual(whole);
  }
  expect(await run(byteByByte(bytes), options)).toEqual(whole);
  return whole;
}

function byteLength(parts: string[]): number {
  return parts.reduce((sum, part) => sum + Buffer.byteLength(part), 0);
}

describe('CsvPartSplitter', () => {
  describe('record rewriting (every chunking)', () => {
    it.each<[string, CsvDelimiter, string, string, number]>([
      ['quoted delimiter', ',', 'id,name\n1,"a,b"\n', 'id,name\r\n1,"a,b"\r\n', 1],
      ['doubled quotes', ',', 'a,b\n1,"say ""hi"""\n2,""""\n', 'a,b\r\n1,"say ""hi"""\r\n2,""""\r\n', 2],
      ['quote-only content', ',', 'a,b\n"""x""",""""""\n', 'a,b\r\n"""x""",""""""\r\n', 1],
      ['LF inside quotes', ',', 'a,b\n1,"x\ny"\n2,"\n"\n', 'a,b\r\n1,"x\ny"\r\n2,"\n"\r\n', 2],
      ['CRLF and CR inside quotes', ',', 'a,b\n1,"x\r\ny"\n"\r",2\n', 'a,b\r\n1,"x\r\ny"\r\n"\r",2\r\n', 2],
      ['empty strings become empty fields', ',', 'a,b,c\n"",x,""\n"","",""\n', 'a,b,c\r\n,x,\r\n,,\r\n', 2],
      ['NULL fields', ',', 'a,b,c\n,,\n1,,3\n,2,\n', 'a,b,c\r\n,,\r\n1,,3\r\n,2,\r\n', 3],
      ['single column keeps ""', ',', 'a\n""\nx\n""', 'a\r\n""\r\nx\r\n""\r\n', 3],
      ['single column NULL written like Python', ',', 'a\n\nx\n\n', 'a\r\n""\r\nx\r\n""\r\n', 3],
      [
        'UTF-8 multibyte text',
        ',',
        'név,城市\n"Müller, Jürgen",東京\n😀,"€,€"\n',
        'név,城市\r\n"Müller, Jürgen",東京\r\n😀,"€,€"\r\n',
        2,
      ],
      ['last record without terminator', ',', 'a,b\n1,2', 'a,b\r\n1,2\r\n', 1],
      ['"" at end of input', ',', 'a,b\n1,""', 'a,b\r\n1,\r\n', 1],
      ['input already using CRLF', ',', 'a,b\r\n1,""\r\n"",2\r\n', 'a,b\r\n1,\r\n,2\r\n', 2],
      ['single column "" with CRLF', ',', 'a\r\n""\r\n\r\n', 'a\r\n""\r\n""\r\n', 2],
      ['quoted header field with delimiter', ',', '"a,b",c\n1,2\n', '"a,b",c\r\n1,2\r\n', 1],
      ['bare CR outside quotes is data', ',', 'a,b\n1\r2,3\n', 'a,b\r\n1\r2,3\r\n', 1],
      [
        'tab: comma is ordinary',
        '\t',
        'a\tb\n1,2\t"x\ty"\n""\t""\n"",""\tz\n',
        'a\tb\r\n1,2\t"x\ty"\r\n\t\r\n"",""\tz\r\n',
        3,
      ],
      ['pipe: comma is ordinary', '|', 'a|b\n"x|y"|""\n,|""\n', 'a|b\r\n"x|y"|\r\n,|\r\n', 2],
    ])('%s', async (_name, delimiter, input, expected, rows) => {
      const outcome = await runEveryWay(input, { delimiter });
      expect(outcome.parts).toEqual([expected]);
      expect(outcome.rows).toBe(rows);
      expect(outcome.partCount).toBe(1);
      expect(outcome.bytesIn).toBe(Buffer.byteLength(input));
      expect(outcome.bytesOut).toBe(Buffer.byteLength(expected));
    });

    it('keeps UTF-8 bytes untouched', async () => {
      const input = Buffer.from('h\n"ä\n😀",ß\n', 'utf8');
      const outcome = await runEveryWay(input);
      expect(Buffer.from(outcome.parts[0], 'utf8')).toEqual(Buffer.from('h\r\n"ä\n😀",ß\r\n', 'utf8'));
    });

    it('agrees with the whole-input result for every pair of cut offsets', async () => {
      const input = Buffer.from('a,b\r\n"",""\r\n"""",x\n""\r\n"a\r\n""",\n');
      const whole = await run([input]);
      expect(whole.parts).toEqual(['a,b\r\n,\r\n"""",x\r\n""\r\n"a\r\n""",\r\n']);
      for (let first = 0; first <= input.length; first++) {
        for (let second = first; second <= input.length; second++) {
          expect(await run(cutAt(input, [first, second]))).toEqual(whole);
        }
      }
    });

    it('counts header columns, ignoring quoted delimiters', async () => {
      expect((await run([Buffer.from('a,"b,c",d\n')])).columns).toBe(3);
      expect((await run([Buffer.from('a\tb,c\n')], { delimiter: '\t' })).columns).toBe(2);
      expect((await run([Buffer.from('only')])).columns).toBe(1);
    });
  });

  describe('parts', () => {
    const header = 'id,v';
    const rowsOf = (count: number): string[] =>
      Array.from({ length: count }, (_, k) => `${k + 1},"r${k + 1}"`);

    it.each([
      [0, [0]],
      [2, [2]],
      [3, [3]],
      [4, [3, 1]],
      [6, [3, 3]],
      [7, [3, 3, 1]],
    ])('%i rows with rowLimit 3', async (count, distribution) => {
      const rows = rowsOf(count);
      const outcome = await runEveryWay([header, ...rows].join('\n') + '\n', { rowLimit: 3 });
      let next = 0;
      const expected = distribution.map((size) => {
        const part = [header, ...rows.slice(next, next + size)].map((record) => `${record}\r\n`).join('');
        next += size;
        return part;
      });
      expect(outcome.parts).toEqual(expected);
      expect(outcome).toMatchObject({ rows: count, columns: 2, partCount: distribution.length });
      expect(outcome.bytesOut).toBe(byteLength(expected));
    });

    it('repeats a header that spans chunks and contains quotes', async () => {
      const outcome = await runEveryWay('"x,1",""\n1,2\n3,""\n', { rowLimit: 1 });
      expect(outcome.parts).toEqual(['"x,1",\r\n1,2\r\n', '"x,1",\r\n3,\r\n']);
    });

    it('opens one empty part for empty input', async () => {
      const outcome = await run([]);
      expect(outcome).toEqual({ parts: [''], rows: 0, columns: 0, partCount: 1, bytesIn: 0, bytesOut: 0 });
    });

    it('updates rows as records complete', async () => {
      const splitter = new CsvPartSplitter({ delimiter: ',', rowLimit: 2, openPart: () => sink() });
      const seen: number[] = [];
      for (const chunk of ['h\n', '1\n', '2', '\n3\n', '4']) {
        splitter.write(chunk);
        seen.push(splitter.rows);
      }
      splitter.end();
      await new Promise((resolve) => splitter.on('finish', resolve));
      expect(seen).toEqual([0, 1, 1, 3, 3]);
      expect(splitter.rows).toBe(4);
      expect(splitter.parts).toBe(2);
    });

    it('rejects invalid options', () => {
      const openPart = (): Writable => sink();
      expect(() => new CsvPartSplitter({ delimiter: ';' as CsvDelimiter, rowLimit: 1, openPart })).toThrow(
        RangeError,
      );
      expect(() => new CsvPartSplitter({ delimiter: ',', rowLimit: 0, openPart })).toThrow(RangeError);
      expect(() => new CsvPartSplitter({ delimiter: ',', rowLimit: 1.5, openPart })).toThrow(RangeError);
    });
  });

  describe('generated tables against a model (random chunking)', () => {
    const alphabet = ['a', 'b', ' ', ',', '\t', '|', '"', '""', '\n', '\r', '\r\n', 'é', '€', '😀'];

    it.each([',', '\t', '|'] as CsvDelimiter[])('delimiter %j', async (delimiter) => {
      const random = seeded(delimiter.charCodeAt(0));
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
      const cell = (): string | null => {
        if (random() < 0.2) return null;
        return Array.from({ length: Math.floor(random() * 5) }, () => pick(alphabet)).join('');
      };
      const copyField = (value: string | null): string => {
        if (value === null) return '';
        const needsQuotes = value === '' || /["\r\n]/.test(value) || value.includes(delimiter);
        return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
      };

      for (let iteration = 0; iteration < 150; iteration++) {
        const columns = 1 + Math.floor(random() * 4);
        const count = Math.floor(random() * 9);
        const rowLimit = 1 + Math.floor(random() * 4);
        const names = Array.from({ length: columns }, (_, k) => (k === 1 ? `c${delimiter}1` : `c${k}`));
        const table = Array.from({ length: count }, () => Array.from({ length: columns }, cell));
        const terminator = random() < 0.7 ? '\n' : '\r\n';
        const records = [names.map(copyField), ...table.map((row) => row.map(copyField))];
        let input = records.map((record) => record.join(delimiter)).join(terminator);
        // A lone NULL as the last record is only visible with its terminator.
        const lastIsBlank = count > 0 && columns === 1 && table[count - 1][0] === null;
        if (lastIsBlank || random() < 0.8) input += terminator;

        const expectedField = (value: string | null): string =>
          value === null || value === '' ? (columns === 1 ? '""' : '') : copyField(value);
        const headerLine = `${names.map(copyField).join(delimiter)}\r\n`;
        const lines = table.map((row) => `${row.map(expectedField).join(delimiter)}\r\n`);
        const expected: string[] = [];
        for (let start = 0; start === 0 || start < lines.length; start += rowLimit) {
          expected.push(headerLine + lines.slice(start, start + rowLimit).join(''));
        }

        const bytes = Buffer.from(input);
        const offsets = Array.from({ length: Math.floor(random() * 6) }, () =>
          Math.floor(random() * (bytes.length + 1)),
        );
        const chunks =
          random() < 0.2
            ? byteByByte(bytes)
            : cutAt(
                bytes,
                offsets.sort((x, y) => x - y),
              );
        const outcome = await run(chunks, { delimiter, rowLimit });
        expect({ input, parts: outcome.parts }).toEqual({ input, parts: expected });
        expect(outcome).toMatchObject({
          rows: count,
          columns,
          partCount: expected.length,
          bytesIn: bytes.length,
        });
      }
    });
  });

  describe('stream behaviour', () => {
    it('waits for drain on a slow part and delivers everything in order', async () => {
      const input = [
        'h1,h2',
        ...Array.from({ length: 120 }, (_, k) => `${k},"row ${k}, padded with some text"`),
      ];
      const received: Buffer[][] = [];
      let maxQueued = 0;
      const splitter = new CsvPartSplitter({
        delimiter: ',',
        rowLimit: 50,
        openPart: () => {
          const chunks: Buffer[] = [];
          received.push(chunks);
          return new Writable({
            highWaterMark: 1,
            write(chunk: Buffer, _encoding, callback) {
              maxQueued = Math.max(maxQueued, this.writableLength);
              setTimeout(() => {
                chunks.push(chunk);
                callback();
              }, 1);
            },
          });
        },
      });
      await pipeline(Readable.from(input.map((line) => Buffer.from(`${line}\n`))), splitter);
      const lines = input.map((line) => `${line}\r\n`);
      expect(received.map((chunks) => Buffer.concat(chunks).toString())).toEqual([
        lines.slice(0, 51).join(''),
        lines[0] + lines.slice(51, 101).join(''),
        lines[0] + lines.slice(101).join(''),
      ]);
      // Without waiting for 'drain' the whole input would pile up in the first part's queue.
      expect(maxQueued).toBeLessThan(120);
    });

    it('ends the last part and waits for it to finish', async () => {
      let partFinished = false;
      const part = new Writable({
        write(_chunk: Buffer, _encoding, callback) {
          callback();
        },
        final(callback) {
          setTimeout(() => {
            partFinished = true;
            callback();
          }, 20);
        },
      });
      await pipeline(
        Readable.from([Buffer.from('a\n1\n')]),
        new CsvPartSplitter({ delimiter: ',', rowLimit: 5, openPart: () => part }),
      );
      expect(partFinished).toBe(true);
    });

    it.each([
      [
        'write',
        (): Writable =>
          new Writable({ write: (_c: Buffer, _e, callback) => callback(new Error('disk full')) }),
      ],
      [
        'final',
        (): Writable =>
          new Writable({ write: (_c: Buffer, _e, cb) => cb(), final: (cb) => cb(new Error('disk full')) }),
      ],
    ])('rejects the pipeline when a part fails on %s', async (_when, makePart) => {
      const splitter = new CsvPartSplitter({ delimiter: ',', rowLimit: 5, openPart: makePart });
      await expect(pipeline(Readable.from([Buffer.from('a\n1\n')]), splitter)).rejects.toThrow('disk full');
    });

    it('rejects when a part after the first fails', async () => {
      const openPart = (partNumber: number): Writable =>
        partNumber === 1
          ? sink()
          : new Writable({
              write: (_c: Buffer, _e, cb) => setImmediate(() => cb(new Error('part 2 broke'))),
            });
      const chunks = ['a\n', '1\n', '2\n', '3\n', '4\n'].map((line) => Buffer.from(line));
      await expect(
        pipeline(Readable.from(chunks), new CsvPartSplitter({ delimiter: ',', rowLimit: 2, openPart })),
      ).rejects.toThrow('part 2 broke');
    });

    it('rejects when a part closes before finishing', async () => {
      const part = sink();
      const chunks = ['a\n', '1\n'].map((line) => Buffer.from(line));
      const splitter = new CsvPartSplitter({ delimiter: ',', rowLimit: 5, openPart: () => part });
      const done = pipeline(Readable.from(chunks), splitter);
      part.destroy();
      await expect(done).rejects.toThrow(/premature close/i);
    });

    it('rejects when openPart throws', async () => {
      const openPart = (): Writable => {
        throw new Error('no zip entry');
      };
      await expect(
        pipeline(
          Readable.from([Buffer.from('a\n')]),
          new CsvPartSplitter({ delimiter: ',', rowLimit: 1, openPart }),
        ),
      ).rejects.toThrow('no zip entry');
    });

    it('destroys the open part when its input fails', async () => {
      const part = sink();
      part.on('error', () => undefined);
      const source = new Readable({ read() {} });
      const done = pipeline(
        source,
        new CsvPartSplitter({ delimiter: ',', rowLimit: 5, openPart: () => part }),
      );
      source.push(Buffer.from('a\n1\n'));
      setImmediate(() => source.destroy(new Error('COPY failed')));
      await expect(done).rejects.toThrow('COPY failed');
      expect(part.destroyed).toBe(true);
      expect(part.writableFinished).toBe(false);
    });
  });
});

function sink(): Writable {
  return new Writable({ write: (_chunk: Buffer, _encoding, callback) => callback() });
}

/** mulberry32: a tiny deterministic PRNG so failures reproduce. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
