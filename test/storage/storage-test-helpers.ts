// Shared by the storage specs.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';

/** Reads a stream to the end into one Buffer. */
export async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A body that yields `chunks` random chunks and then fails, like a generator hitting a DB error. */
export function failingBody(chunks: number, chunkSize: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent === chunks) {
        this.destroy(new Error('body failed midway'));
        return;
      }
      sent += 1;
      this.push(randomBytes(chunkSize));
    },
  });
}

/** Polls until `condition` holds, for states that emit no event the test could await. */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
