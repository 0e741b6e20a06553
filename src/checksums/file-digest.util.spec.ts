import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isSha256Hex, reprDigestHeader, strongEtag } from './file-digest.util';
import { Sha256Tap } from './sha256-tap';

describe('file digests', () => {
  it('hashes what passes through and passes it unchanged', async () => {
    const tap = new Sha256Tap();
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => chunks.push(chunk));
    const source = new PassThrough();
    const done = pipeline(source, tap, sink);
    source.write('hello ');
    source.end('world');
    await done;
    expect(Buffer.concat(chunks).toString()).toBe('hello world');
    expect(tap.digest).toBe(createHash('sha256').update('hello world').digest('hex'));
  });

  it('refuses to give a digest before the end', () => {
    expect(() => new Sha256Tap().digest).toThrow(/only once the stream has ended/);
  });

  it('writes Repr-Digest as RFC 9530 shows it and a quoted strong ETag', () => {
    // RFC 9530 §B.1: SHA-256 of {"hello": "world"}
    const hex = createHash('sha256').update('{"hello": "world"}').digest('hex');
    expect(reprDigestHeader(hex)).toBe('sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:');
    expect(strongEtag(hex)).toBe(`"${hex}"`);
    expect(isSha256Hex(hex)).toBe(true);
    expect(isSha256Hex(hex.toUpperCase())).toBe(false);
  });
});
