import { Injectable } from '@nestjs/common';
import { DownloadJobEntity } from '../database/entities/download-job.entity';
import { PermanentJobError } from '../queue/download-queue';
import { DownloadPlan, DownloadPlanner } from './download-plan';
import { isRequestType, parseStoredRequest, REQUEST_TYPES, RequestType } from './stored-requests';

type Planners = { [T in RequestType]?: DownloadPlanner<T> };

/**
 * Planners by request type. The worker checks at start that every request type has one (a missing planner
 * stops the start rather than failing jobs); a job of a type nobody plans fails at once instead of retrying.
 */
@Injectable()
export class DownloadPlannerRegistry {
  private readonly planners: Planners = {};
  /** Planners of request types outside the product's union (test fixtures), which plan from the raw row. */
  private readonly extra = new Map<string, (job: DownloadJobEntity) => Promise<DownloadPlan>>();

  register<T extends RequestType>(planner: DownloadPlanner<T>): void {
    if (this.planners[planner.requestType]) {
      throw new Error(`A download planner for "${planner.requestType}" is already registered`);
    }
    // Assigning through a generic key is beyond the compiler's correlation of T; the key is the planner's own type.
    Object.assign(this.planners, { [planner.requestType]: planner });
  }

  /** A planner for a request type the product does not know (tests' probe jobs). */
  registerExtra(requestType: string, plan: (job: DownloadJobEntity) => Promise<DownloadPlan>): void {
    if (isRequestType(requestType)) throw new Error(`"${requestType}" is a product request type`);
    this.extra.set(requestType, plan);
  }

  /** Throws, naming them, when some request types have no planner. */
  assertComplete(): void {
    const missing = REQUEST_TYPES.filter((type) => !this.planners[type]);
    if (missing.length) throw new Error(`No download planner for request type(s): ${missing.join(', ')}`);
  }

  /** The job's files: its stored request parsed once into its typed form, then planned. */
  plan(job: DownloadJobEntity): Promise<DownloadPlan> {
    const type = job.requestType;
    if (isRequestType(type)) return this.planTyped(type, job);
    const extra = this.extra.get(type);
    if (!extra) throw new PermanentJobError(`This service cannot generate "${type}" downloads.`);
    return extra(job);
  }

  private planTyped<T extends RequestType>(type: T, job: DownloadJobEntity): Promise<DownloadPlan> {
    const planner = this.planners[type];
    if (!planner) throw new PermanentJobError(`This service cannot generate "${type}" downloads.`);
    return planner.plan(job, parseStoredRequest(type, job.jsonRequest));
  }
}
