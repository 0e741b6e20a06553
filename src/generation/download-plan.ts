import { DownloadJobEntity } from '../database/entities/download-job.entity';
import type { RequestType, StoredRequests } from './stored-requests';

export type FileFormat = 'csv' | 'tsv' | 'pstxt';

/** Delimiter and extension per `file_format` (docs/compatibility.md#file-formats). */
export const FILE_FORMATS: Record<FileFormat, { delimiter: ',' | '\t' | '|'; extension: string }> = {
  csv: { delimiter: ',', extension: 'csv' },
  tsv: { delimiter: '\t', extension: 'tsv' },
  pstxt: { delimiter: '|', extension: 'txt' },
};

/** One data file of a zip: parts `<baseName>_1.<ext>`, `_2`, ... of the rows `sql` selects. */
export interface DownloadSource {
  baseName: string;
  /**
   * A complete SELECT whose column aliases are the file's headers; values inside are already escaped.
   * Null when the request selected none of this file's columns: the reference then writes an empty
   * `<baseName>.<ext>` (no part suffix, no header), and so do we.
   */
  sql: string | null;
  /** Digits of the part number (`_01` with 2, as Spark-made files are named); 1 by default (`_1`). */
  partDigits?: number;
}

/** A small file written into the zip after the data files (a readme, the data dictionary). */
export interface ExtraZipEntry {
  name: string;
  content: Buffer;
}

export interface DownloadPlan {
  fileFormat: FileFormat;
  sources: DownloadSource[];
  /** Written after the data files, in this order. */
  extraEntries?: ExtraZipEntry[];
}

/**
 * Turns a stored canonical request into the files to produce. Each feature module (awards,
 * accounts, bulk) registers one planner per `request_type` it creates jobs for.
 */
export interface DownloadPlanner<T extends RequestType = RequestType> {
  readonly requestType: T;
  /** `request` is the job's stored request, already parsed into its type's form. */
  plan(job: DownloadJobEntity, request: StoredRequests[T]): Promise<DownloadPlan>;
}
