import { ApiError, ApiErrorCode } from '../../common/api-error';
import { ContractClass, requiredRouteFields } from '../../download-request/contract/request-field.decorator';

/**
 * The listing routes' presence check: the first required field of the contract that is absent or null is
 * reported with the reference's message (not TinyShield's).
 */
export function requireRouteFields(contract: ContractClass, request: Record<string, unknown>): void {
  for (const name of requiredRouteFields(contract)) {
    if (request[name] === undefined || request[name] === null) {
      throw new ApiError(
        ApiErrorCode.InvalidParameter,
        `Missing one or more required body parameters: ${name}`,
      );
    }
  }
}
