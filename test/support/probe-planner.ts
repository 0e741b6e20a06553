import { DownloadJobEntity } from '../../src/database/entities/download-job.entity';
import { DownloadPlan, DownloadSource, FileFormat } from '../../src/generation/download-plan';

/** Test fixture: a planner over the `pipeline_probe` table created by createProbeTable(). */
export const PROBE_REQUEST_TYPE = 'pipeline_probe';

export interface ProbeRequest {
  file_format: FileFormat;
  sql: string;
  /** Adds a second file whose columns were all deselected (written empty). */
  with_empty_file?: boolean;
}

/** Registered with `registerExtra`: the probe type is no product request type. */
export class ProbePlanner {
  readonly requestType = PROBE_REQUEST_TYPE;

  plan(job: DownloadJobEntity): Promise<DownloadPlan> {
    const request = JSON.parse(job.jsonRequest) as ProbeRequest;
    const sources: DownloadSource[] = [{ baseName: 'Probe_Rows', sql: request.sql }];
    if (request.with_empty_file) sources.push({ baseName: 'Probe_Nothing', sql: null });
    return Promise.resolve({ fileFormat: request.file_format, sources });
  }
}

/** Rows with every awkward value a download meets: delimiters, quotes, newlines, NULL vs '', UTF-8. */
export const PROBE_TABLE_SQL = `
  DROP TABLE IF EXISTS pipeline_probe;
  CREATE TABLE pipeline_probe AS
  SELECT n AS id,
         CASE n % 7
           WHEN 0 THEN 'plain text'
           WHEN 1 THEN 'comma, inside'
           WHEN 2 THEN 'say "hi"'
           WHEN 3 THEN E'two\\nlines'
           WHEN 4 THEN ''
           WHEN 5 THEN NULL
           ELSE 'tab\tand|pipe — São Tomé'
         END AS description,
         (n * 1.25)::numeric(23, 2) AS amount,
         DATE '2020-01-01' + n AS action_date,
         (n % 2 = 0) AS is_even
  FROM generate_series(1, 2500) AS n`;
