import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CopySpool } from './copy-spool';

/** ~5 MB in 64 KB chunks quickly, then a few small chunks with pauses (a COPY slowing down). */
async function* copyOutput(): AsyncGenerator<Buffer> {
  for (let i = 0; i < 80; i++) yield Buffer.alloc(64 * 1024, i % 251);
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    yield Buffer.from(`tail ${i}\r\n`);
  }
}

describe('CopySpool', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'copy-spool-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('hands the reader every byte in order, in pieces, while the COPY is still running', async () => {
    const expected: Buffer[] = [];
    const source = Readable.from(
      (async function* () {
        for await (const chunk of copyOutput()) {
          expected.push(chunk);
          yield chunk;
        }
      })(),
      { objectMode: false },
    );
    const released: (Error | undefined)[] = [];
    const spool = new CopySpool(
      { stream: source, backendPid: 1, release: (error) => released.push(error) },
      join(dir, '0.csv'),
    );
    const pieces: Buffer[] = [];
    let tailSeenBeforeEnd = false;
    for await (const piece of spool.reader()) {
      pieces.push(piece as Buffer);
      // The slow tail arrives within the flush delay, not only once the COPY has ended.
      if ((piece as Buffer).includes('tail 0') && released.length === 0) tailSeenBeforeEnd = true;
    }
    await spool.done;
    expect(Buffer.concat(pieces).equals(Buffer.concat(expected))).toBe(true);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeGreaterThan(64 * 1024);
    expect(tailSeenBeforeEnd).toBe(true);
    expect(released).toEqual([undefined]);
    await spool.remove();
  });
});
