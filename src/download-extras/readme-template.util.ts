import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectDataDir } from '../reference-data/reference-files.util';

/** The readme templates of data/readme/, by the name the requests echo in `include_file_description`. */
export const README_TEMPLATES = [
  'idv_download_readme.txt',
  'ContractSummary_download_readme.txt',
  'AssistanceSummary_download_readme.txt',
  'COVID-19_download_readme.txt',
  'unlinked_awards_instructions_readme.txt',
  'database_download_readme.txt',
] as const;

export type ReadmeTemplate = (typeof README_TEMPLATES)[number];

/**
 * A readme as the zip carries it: the template without its `#` comment lines, `[AWARD_ID]` replaced by the
 * award's internal id (`None` when there is none, as the reference writes), lines joined with `\r\n` and no
 * final line break.
 */
export function renderReadme(template: ReadmeTemplate, awardId: number | null): Buffer {
  const text = readFileSync(join(projectDataDir(), 'readme', template), 'utf8');
  const lines = text
    .split(/\r\n|\r|\n/)
    .filter((line) => !line.startsWith('#'))
    .map((line) => line.split('[AWARD_ID]').join(awardId === null ? 'None' : String(awardId)));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return Buffer.from(lines.join('\r\n'), 'utf8');
}
