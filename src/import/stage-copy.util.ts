import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Papa from 'papaparse';
import { ClientBase, DatabaseError, escapeIdentifier } from 'pg';
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
class LineMap {
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
}

const CHUNK_CHARS = 256 * 1024;
const NEEDS_ESCAPE = /[\\\t\n\r]/;

function copyText(value: string): string {
  if (value === '') return '\\N';
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export interface StageResult {
  readonly rows: number;
  readonly lineOf: (record: number) => number;
}

/**
 * Streams a delimited file into a staging table: the header row goes to `plan` (which recognizes the file and
 * creates the table), every record after it is checked for its column count and written to
 * `COPY ... FROM STDIN` in text format with only the planned columns; empty values become NULL (the files
 * write NULL and empty text alike). A value the column's type refuses fails the COPY: the error is turned into
 * the file's line and header. `onRows` reports progress.
 */
export async function stageFile(
  client: ClientBase,
  input: ImportInput,
  plan: (headers: string[]) => Promise<StagePlan>,
  onRows: (rows: number, bytes: number) => void,
): Promise<StageResult> {
  const source = await input.open();
  // Decoded before parsing, so a character split between two chunks stays whole.
  source.setEncoding('utf8');
  let bytes = 0;
  source.on('data', (chunk: string) => (bytes += chunk.length));
  const report = (rows: number) => onRows(rows, bytes);
  const parser = source.pipe(
    Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter: input.delimiter, quoteChar: '"', skipEmptyLines: true }),
  ) as NodeJS.ReadableStream;
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const first = await records.next();
  if (first.done) throw new ImportFileError(`${input.name}: the file is empty (no header row)`);
  const headers = first.value;
  const stage = await plan(headers);
  const lines = new LineMap();
  const counter = { rows: 0 };
  const columnList = stage.columns.map((column) => escapeIdentifier(column.name)).join(', ');
  const copy = client.query(copyFrom(`COPY ${stage.table} (${columnList}) FROM STDIN`));
  try {
    await pipeline(
      Readable.from(chunks(records, headers.length, stage, lines, counter, input, report)),
      copy,
    );
  } catch (error) {
    source.destroy();
    throw describeCopyError(error, input, stage, lines, headers);
  }
  report(counter.rows);
  return { rows: counter.rows, lineOf: (record) => lines.lineOf(record) };
}

async function* chunks(
  records: AsyncIterator<string[]>,
  width: number,
  stage: StagePlan,
  lines: LineMap,
  counter: { rows: number },
  input: ImportInput,
  onRows: (rows: number) => void,
): AsyncGenerator<string> {
  const indexes = stage.columns.map((column) => column.index);
  let chunk = '';
  for (let next = await records.next(); !next.done; next = await records.next()) {
    const record = next.value;
    const row = ++counter.rows;
    if (record.length !== width)
      throw new ImportFileError(
        `${input.name}, line ${lines.lineOf(row)}: ${record.length} values where the header has ${width} columns`,
      );
    let newlines = 0;
    let line = '';
    for (let i = 0; i < indexes.length; i++) {
      const value = record[indexes[i]];
      if (i) line += '\t';
      line += copyText(value);
    }
    for (const value of record)
      if (value.length > 0 && value.includes('\n')) newlines += value.split('\n').length - 1;
    if (newlines) lines.add(row, newlines);
    chunk += line + '\n';
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
      onRows(counter.rows);
    }
  }
  if (chunk) yield chunk;
}

function describeCopyError(
  error: unknown,
  input: ImportInput,
  stage: StagePlan,
  lines: LineMap,
  headers: readonly string[],
): Error {
  if (error instanceof ImportFileError) return error;
  if (error instanceof Error && /Parse|Quote/i.test(error.name))
    return new ImportFileError(`${input.name}: ${error.message}`);
  if (!(error instanceof DatabaseError)) return error instanceof Error ? error : new Error(String(error));
  const where = /line (\d+), column ([^:]+)/.exec(error.where ?? '');
  if (!where) return new ImportFileError(`${input.name}: ${error.message}`);
  const column = stage.columns.find((staged) => staged.name === where[2]);
  const header = column ? headers[column.index] : where[2];
  return new ImportFileError(
    `${input.name}, line ${lines.lineOf(Number(where[1]))}, column ${header}: ${error.message}`,
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
