const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const CRLF = Buffer.from('\r\n');
const QUOTED_EMPTY = Buffer.from('""');
const NO_BYTES = Buffer.alloc(0);

/** Receives the rewritten output; `bytes` slices may point into the caller's chunk. */
export interface RecordSink {
  bytes(chunk: Buffer): void;
  recordEnd(): void;
}

/** What follows an opening `""` at a field start; `more` means the chunk ended too early to tell. */
type AfterEmptyQuotes = 'delimiter' | 'recordEnd' | 'other' | 'more';

/**
 * Streaming rewrite of PostgreSQL COPY CSV output into the reference system's CSV dialect:
 * `\r\n` record terminators, and `""` (COPY's empty string) written like NULL as an empty field,
 * except when it is the record's only field, where Python's csv writer keeps `""` (a blank line
 * would otherwise vanish for readers that skip empty lines, so a blank record also becomes `""`).
 *
 * Toggling "in quotes" on every quote byte is exact for CSV: a doubled `""` inside a quoted field
 * closes and immediately reopens, with no byte in between that could be mistaken for structure.
 * A quote outside quotes can therefore only open a field, and only its first two bytes and the
 * one or two after them ever need lookahead; those few bytes are carried to the next chunk.
 */
export class CsvRecordScanner {
  private inQuotes = false;
  /** Raw input byte just before the unscanned input; LF stands for "at a record start". */
  private prevByte = LF;
  private carry: Buffer | undefined;

  constructor(
    private readonly delimiter: number,
    private readonly sink: RecordSink,
  ) {}

  /** Fields in one record (no terminator), delimiters inside quotes not counted. */
  static countFields(record: Buffer, delimiter: number): number {
    let fields = 1;
    let inQuotes = false;
    for (const byte of record) {
      if (byte === QUOTE) inQuotes = !inQuotes;
      else if (byte === delimiter && !inQuotes) fields++;
    }
    return fields;
  }

  write(chunk: Buffer): void {
    this.scan(chunk, false);
  }

  /** Resolves carried lookahead as end of input and closes a last record that lacks a terminator. */
  end(): void {
    this.scan(NO_BYTES, true);
  }

  private scan(chunk: Buffer, final: boolean): void {
    const data = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = undefined;
    const n = data.length;
    const delimiter = this.delimiter;
    let inQuotes = this.inQuotes;
    let i = 0;
    let seg = 0; // start of the input not yet handed to the sink
    let stop = n;
    // Cached next positions; -1 = none left in this chunk, -2 = not searched yet.
    let nextQuote = -2;
    let nextLf = -2;

    while (i < n) {
      if (inQuotes) {
        if (nextQuote !== -1 && nextQuote < i) nextQuote = data.indexOf(QUOTE, i);
        if (nextQuote === -1) break;
        inQuotes = false;
        i = nextQuote + 1;
        continue;
      }
      if (nextQuote !== -1 && nextQuote < i) nextQuote = data.indexOf(QUOTE, i);
      if (nextLf !== -1 && nextLf < i) nextLf = data.indexOf(LF, i);

      if (nextLf !== -1 && (nextQuote === -1 || nextLf < nextQuote)) {
        const lf = nextLf;
        this.closeRecord(data, seg, lf > i && data[lf - 1] === CR ? lf - 1 : lf, true);
        i = seg = lf + 1;
        continue;
      }
      if (nextQuote === -1) break;

      const q = nextQuote;
      const prev = q > 0 ? data[q - 1] : this.prevByte;
      if ((prev === delimiter || prev === LF) && q + 1 < n && data[q + 1] === QUOTE) {
        const after = this.afterEmptyQuotes(data, q + 2, final);
        if (after === 'more') {
          stop = q;
          break;
        }
        if (after === 'delimiter' || (after === 'recordEnd' && prev !== LF)) {
          if (q > seg) this.sink.bytes(data.subarray(seg, q));
          seg = q + 2;
        }
        i = q + 2; // the second quote closed the field again
        continue;
      }
      if (q + 1 >= n && !final && (prev === delimiter || prev === LF)) {
        stop = q;
        break;
      }
      inQuotes = true;
      i = q + 1;
    }

    // A CR outside quotes at the chunk end may be the first half of a CRLF terminator.
    let contentEnd = stop;
    if (stop === n && n > 0 && !inQuotes && data[n - 1] === CR) {
      if (final) contentEnd = n - 1;
      else contentEnd = stop = n - 1;
    }

    if (final) {
      const last = n > 0 ? data[n - 1] : this.prevByte;
      if (inQuotes || last !== LF) this.closeRecord(data, seg, contentEnd, !inQuotes);
      else if (n > seg) this.sink.bytes(data.subarray(seg, n));
    } else if (stop > seg) {
      this.sink.bytes(data.subarray(seg, stop));
    }

    if (stop > 0) this.prevByte = data[stop - 1];
    if (stop < n) this.carry = Buffer.from(data.subarray(stop));
    this.inQuotes = inQuotes;
  }

  private afterEmptyQuotes(data: Buffer, p: number, final: boolean): AfterEmptyQuotes {
    if (p >= data.length) return final ? 'recordEnd' : 'more';
    const byte = data[p];
    if (byte === this.delimiter) return 'delimiter';
    if (byte === LF) return 'recordEnd';
    if (byte !== CR) return 'other';
    if (p + 1 >= data.length) return final ? 'recordEnd' : 'more';
    return data[p + 1] === LF ? 'recordEnd' : 'other';
  }

  /** Emits the record's remaining content [from, to) and a CRLF; `to` is where the raw terminator began. */
  private closeRecord(data: Buffer, from: number, to: number, mayBeBlank: boolean): void {
    if (to > from) this.sink.bytes(data.subarray(from, to));
    else if (mayBeBlank && (to > 0 ? data[to - 1] : this.prevByte) === LF) this.sink.bytes(QUOTED_EMPTY);
    this.sink.bytes(CRLF);
    this.sink.recordEnd();
  }
}
