import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DownloadPlannerRegistry } from './download-planner.registry';

/**
 * Part of every process that consumes the queue: it refuses to start when some request type has no planner
 * (after every module registered its planners), so such a build never takes a job it cannot generate.
 */
@Injectable()
export class PlannerCoverageCheck implements OnApplicationBootstrap {
  constructor(private readonly registry: DownloadPlannerRegistry) {}

  onApplicationBootstrap(): void {
    this.registry.assertComplete();
  }
}
