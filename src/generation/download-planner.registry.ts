import { Injectable } from '@nestjs/common';
import { PermanentJobError } from '../queue/download-queue';
import { DownloadPlanner } from './download-plan';

/** Planners by request type; a job whose type has no planner fails at once instead of retrying. */
@Injectable()
export class DownloadPlannerRegistry {
  private readonly planners = new Map<string, DownloadPlanner>();

  register(planner: DownloadPlanner): void {
    if (this.planners.has(planner.requestType)) {
      throw new Error(`A download planner for "${planner.requestType}" is already registered`);
    }
    this.planners.set(planner.requestType, planner);
  }

  get(requestType: string): DownloadPlanner {
    const planner = this.planners.get(requestType);
    if (!planner) throw new PermanentJobError(`This service cannot generate "${requestType}" downloads.`);
    return planner;
  }
}
