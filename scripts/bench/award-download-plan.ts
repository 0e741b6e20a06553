import type { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { AwardDownloadPlanner } from '../../src/awards-download/award-download.planner';
import { normalizeAwardDownloadRequest } from '../../src/awards-download/request/award-download-request.util';
import { AppConfig } from '../../src/config/app-config';
import { DownloadJobEntity } from '../../src/database/entities/download-job.entity';
import type { DownloadPlan } from '../../src/generation/download-plan';
import { DownloadPlannerRegistry } from '../../src/generation/download-planner.registry';

const PERMALINK_HOST = 'www.usaspending.gov';

/** The worker's plan of an award download body (its files' SQL), as the service would queue it. */
export async function planAwardDownload(
  client: Client,
  databaseUrl: string,
  body: unknown,
  level: 'awards' | 'transactions',
): Promise<DownloadPlan> {
  const request = normalizeAwardDownloadRequest(body, level);
  const registry = new DownloadPlannerRegistry();
  new AwardDownloadPlanner(
    new AppConfig({ DATABASE_URL: databaseUrl, PERMALINK_HOST }),
    registry,
    // The planner asks whether faba_award_summary is current; a pg client answers like the data source.
    client as unknown as DataSource,
  ).onModuleInit();
  const job = { requestType: 'award', jsonRequest: JSON.stringify(request) } as DownloadJobEntity;
  return registry.plan(job);
}
