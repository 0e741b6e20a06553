import { Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Papa from 'papaparse';
import { ClientBase, DatabaseError, escapeIdentifier, escapeLiteral } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ImportInput } from './import-inputs.util';

/** A file that cannot be imported: the message names the file, and the line and column where known. */
export class ImportFileError extends Error {}

/** Which columns of the file are staged, under which staging column name and type. */
export interface StagePlan {
  readonly table: string;
  readonly columns: readonly { readonly index: number; readonly name: string; readonly type: string }[];
}

/** Where physical lines run ahead of records: records after a quoted value with line breaks. */
export class LineMap {
  private readonly jumps: [record: number, extra: number][] = [];
  private extra = 0;

  add(record: number, newlines: number): void {
    this.extra += newlines;
    this.jumps.push([record, this.extra]);
  }

  /** The file line a data record (1-based, after the header line) starts on. */
  lineOf(record: number): number {
    let extra = 0;
    for (const [at, total] of this.jumps) {
      if (at >= record) break;
      extra = total;
    }
    return record + 1 + extra;
  }

  /** The data record a file line belongs to (line 1 being the header). */
  recordAt(line: number): number {
    let extra = 0;
    for (const [at, total] of this.jumps) {
      if (at + 1 + extra >= line) break;
      extra = total;
    }
    return Math.max(1, line - 1 - extra);
  }
}

const QUOTE = 0x22;
const NEWLINE = 0x0a;

const RETURN = 0x0d;
/** Longer records are refused rather than held in memory whole (a quote left open would hold the file). */
const MAX_RECORD_BYTES = 16 * 1024 * 1024;

/**
 * Follows the records of the bytes passing through (without parsing values): a line break inside quotes belongs
 * to the value, one outside ends a record. Passes on whole records only (the rest of a chunk waits for the next)
 * and drops blank lines, which COPY would refuse. `lines` maps records to file lines; `sent` to the lines COPY
 * counts in what it was sent (no blank lines), to read its error positions.
 */
export class RecordScanner extends Transform {
  /** Records passed on so far, the header row included. */
  records = 0;
  bytes = 0;
  readonly sent = new LineMap();
  private carry = Buffer.alloc(0);

  constructor(
    private readonly name: string,
    readonly lines: LineMap,
    private readonly onChunk: () => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const [kept, rest] = this.scan(data);
    this.carry = Buffer.from(data.subarray(rest));
    if (this.carry.length > MAX_RECORD_BYTES)
      return done(
        new ImportFileError(
          `${this.name}, line ${this.lines.lineOf(this.rows + 1)}: a record runs on for more than ${MAX_RECORD_BYTES / 1024 / 1024} MiB (a quote left open?)`,
        ),
      );
    done(null, kept.length ? Buffer.concat(kept) : undefined);
    this.onChunk();
  }

  override _flush(done: TransformCallback): void {
    const last = this.carry;
    if (last.length === 0 || (last.length === 1 && last[0] === RETURN)) return done();
    this.records++;
    done(null, last);
  }

  /** Data records: after the header row. */
  get rows(): number {
    return Math.max(0, this.records - 1);
  }

  /** The whole non-blank records of `data` (which starts a record), and where the unfinished one starts. */
  private scan(data: Buffer): [Buffer[], number] {
    const kept: Buffer[] = [];
    let start = 0;
    let keptFrom = 0;
    let quoted = false;
    let newlines = 0;
    let quote = data.indexOf(QUOTE);
    let newline = data.indexOf(NEWLINE);
    for (;;) {
      if (quoted) {
        const end = quote === -1 ? data.length : quote;
        for (; newline !== -1 && newline < end; newline = data.indexOf(NEWLINE, newline + 1)) newlines++;
        if (quote === -1) break;
        // `""` inside a value closes and reopens the quotes: the state stays right.
        quoted = false;
        quote = data.indexOf(QUOTE, quote + 1);
      } else if (newline !== -1 && (quote === -1 || newline < quote)) {
        const blank = newline === start || (newline === start + 1 && data[start] === RETURN);
        if (blank) {
          if (start > keptFrom) kept.push(data.subarray(keptFrom, start));
          keptFrom = newline + 1;
          this.lines.add(this.rows, 1);
        } else {
          this.records++;
          if (newlines && this.records > 1) {
            this.lines.add(this.records - 1, newlines);
            this.sent.add(this.records - 1, newlines);
          }
        }
        newlines = 0;
        start = newline + 1;
        newline = data.indexOf(NEWLINE, start);
      } else if (quote !== -1) {
        quoted = true;
        quote = data.indexOf(QUOTE, quote + 1);
      } else break;
    }
    if (start > keptFrom) kept.push(data.subarray(keptFrom, start));
    return [kept, start];
  }
}

export interface StageResult {
  readonly rows: number;
  readonly lineOf: (record: number) => number;
}

/**
 * Streams a delimited file into a staging table: the header row goes to `plan` (which recognizes the file and
 * creates the table with one column per header), then the file's bytes go unchanged to
 * `COPY ... FROM STDIN (FORMAT csv)`: PostgreSQL parses and types them, with a column count check per record;
 * empty values become NULL, quoted or not (the files write NULL and empty text alike). Only record ends are
 * followed here, for the line numbers. A value the column's type refuses fails the COPY: the error is turned
 * into the file's line and header. `onRows` reports progress.
 */
export async function stageFile(
  client: ClientBase,
  input: ImportInput,
  plan: (headers: string[]) => Promise<StagePlan>,
  onRows: (rows: number, bytes: number) => void,
): Promise<StageResult> {
  const headers = await readHeader(input);
  const stage = await plan(headers);
  const lines = new LineMap();
  let reported = 0;
  const scanner: RecordScanner = new RecordScanner(input.name, lines, () => {
    if (scanner.bytes - reported < PROGRESS_BYTES) return;
    reported = scanner.bytes;
    onRows(scanner.rows, scanner.bytes);
  });
  const columnList = stage.columns.map((column) => escapeIdentifier(column.name)).join(', ');
  const copy = client.query(
    copyFrom(
      `COPY ${stage.table} (${columnList}) FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER ${escapeLiteral(
        input.delimiter,
      )}, QUOTE '"', FORCE_NULL (${columnList}))`,
    ),
  );
  const source = await input.open();
  try {
    await pipeline(source, scanner, copy);
  } catch (error) {
    source.destroy();
    throw await describeCopyError(error, input, stage, scanner);
  }
  onRows(scanner.rows, scanner.bytes);
  return { rows: scanner.rows, lineOf: (record) => lines.lineOf(record) };
}

const PROGRESS_BYTES = 4 * 1024 * 1024;

/** The number of values of a data record (1-based), parsed again: only to explain a refused file. */
async function recordWidth(input: ImportInput, record: number): Promise<number | undefined> {
  const source = await input.open();
  source.setEncoding('utf8');
  const parser = source.pipe(
    Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter: input.delimiter, quoteChar: '"', skipEmptyLines: true }),
  ) as NodeJS.ReadableStream;
  let index = -1;
  try {
    for await (const values of parser as AsyncIterable<string[]>)
      if (++index === record) return values.length;
    return undefined;
  } finally {
    source.destroy();
  }
}

async function describeCopyError(
  error: unknown,
  input: ImportInput,
  stage: StagePlan,
  { lines, sent }: { lines: LineMap; sent: LineMap },
): Promise<Error> {
  if (error instanceof ImportFileError) return error;
  if (!(error instanceof DatabaseError)) return error instanceof Error ? error : new Error(String(error));
  // PostgreSQL counts file lines (line breaks in quoted values too), the header row being the first; the
  // message names the line the record starts on.
  const where = /line (\d+)(?:, column ([^:]+))?/.exec(error.where ?? '');
  if (!where) return new ImportFileError(`${input.name}: ${error.message}`);
  const record = sent.recordAt(Number(where[1]));
  const line = lines.lineOf(record);
  if (/^(extra data after last expected column|missing data for column)/.test(error.message)) {
    const width = await recordWidth(input, record);
    if (width !== undefined && width !== stage.columns.length)
      return new ImportFileError(
        `${input.name}, line ${line}: ${width} values where the header has ${stage.columns.length} columns`,
      );
  }
  if (!where[2]) return new ImportFileError(`${input.name}, line ${line}: ${error.message}`);
  const column = stage.columns.find((staged) => staged.name === where[2]);
  return new ImportFileError(
    `${input.name}, line ${line}, column ${column?.name ?? where[2]}: ${error.message}`,
  );
}

/** The header row of a file, read without reading the rest. */
export async function readHeader(input: ImportInput): Promise<string[]> {
  const source = await input.open();
  source.setEncoding('utf8');
  const parser = source.pipe(
    Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter: input.delimiter, quoteChar: '"', skipEmptyLines: true }),
  ) as NodeJS.ReadableStream;
  try {
    const first = await (parser[Symbol.asyncIterator]() as AsyncIterator<string[]>).next();
    if (first.done) throw new ImportFileError(`${input.name}: the file is empty (no header row)`);
    return first.value;
  } finally {
    source.destroy();
  }
}
