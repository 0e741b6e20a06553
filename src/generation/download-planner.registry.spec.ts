import { DownloadJobEntity } from '../database/entities/download-job.entity';
import { PermanentJobError } from '../queue/download-queue';
import { DownloadPlan, DownloadPlanner } from './download-plan';
import { DownloadPlannerRegistry } from './download-planner.registry';
import { REQUEST_TYPES, RequestType } from './stored-requests';

const PLAN: DownloadPlan = { fileFormat: 'csv', sources: [] };

function planner<T extends RequestType>(requestType: T, seen: unknown[] = []): DownloadPlanner<T> {
  return {
    requestType,
    plan: (_job, request) => {
      seen.push(request);
      return Promise.resolve(PLAN);
    },
  };
}

const job = (requestType: string, jsonRequest: string) => ({ requestType, jsonRequest }) as DownloadJobEntity;

describe('DownloadPlannerRegistry', () => {
  it('names the request types without a planner, and passes once all have one', () => {
    const registry = new DownloadPlannerRegistry();
    for (const type of REQUEST_TYPES.filter((t) => t !== 'search' && t !== 'idv'))
      registry.register(planner(type));
    expect(() => registry.assertComplete()).toThrow('No download planner for request type(s): search, idv');
    registry.register(planner('search'));
    registry.register(planner('idv'));
    expect(() => registry.assertComplete()).not.toThrow();
  });

  it('refuses a second planner for a type', () => {
    const registry = new DownloadPlannerRegistry();
    registry.register(planner('account'));
    expect(() => registry.register(planner('account'))).toThrow('already registered');
  });

  it('hands the planner the stored request parsed once, and refuses one of another type', async () => {
    const registry = new DownloadPlannerRegistry();
    const seen: unknown[] = [];
    registry.register(planner('account', seen));
    await registry.plan(job('account', '{"request_type": "account", "file_format": "csv"}'));
    expect(seen).toEqual([{ request_type: 'account', file_format: 'csv' }]);
    expect(() => registry.plan(job('account', '{"request_type": "award"}'))).toThrow(
      'The stored request of a account job is not a account request',
    );
    expect(() => registry.plan(job('account', '[1]'))).toThrow('is not a account request');
  });

  it('fails a job of an unknown type permanently', () => {
    expect(() => new DownloadPlannerRegistry().plan(job('nothing', '{}'))).toThrow(PermanentJobError);
  });
});
