import { ImportProgress } from './importer';

/**
 * Progress for a terminal (one rewritten line with a bar of the running file's bytes) or for logs (a line
 * every few seconds). Both show rows and rows/s of the whole import.
 */
export function progressPrinter(stream: NodeJS.WriteStream): { progress: ImportProgress; done(): void } {
  const started = Date.now();
  let doneRows = 0;
  let fileIndex = -1;
  let fileRows = 0;
  let lastPrint = 0;
  const progress: ImportProgress = ({ file, index, count, rows, bytes }) => {
    if (index !== fileIndex) {
      doneRows += fileRows;
      fileIndex = index;
    }
    fileRows = rows;
    const now = Date.now();
    if (now - lastPrint < (stream.isTTY ? 200 : 5000)) return;
    lastPrint = now;
    const total = doneRows + rows;
    const rate = Math.round(total / Math.max((now - started) / 1000, 1e-3));
    const text = `file ${index + 1}/${count} ${file.name}: ${rows.toLocaleString('en-US')} rows; ${total.toLocaleString('en-US')} in all, ${rate.toLocaleString('en-US')} rows/s`;
    if (!stream.isTTY) {
      stream.write(`${text}\n`);
      return;
    }
    const width = 24;
    const filled = Math.min(width, Math.round((bytes / Math.max(file.bytes, 1)) * width));
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}`;
    stream.write(`\r${line.slice(0, (stream.columns ?? 120) - 1).padEnd((stream.columns ?? 120) - 1)}`);
  };
  return { progress, done: () => (stream.isTTY ? stream.write('\n') : undefined) };
}
