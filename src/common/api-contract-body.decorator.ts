import { applyDecorators } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { ContractClass } from '../download-request/contract/request-field.decorator';

/**
 * The request body of a route in the OpenAPI document: its contract's schema (every field with type, enum,
 * default and bounds) and a worked example, which Swagger UI's "Try it out" starts from.
 */
export function ApiContractBody(
  contract: ContractClass,
  example: object,
  summary = 'Example',
): MethodDecorator {
  return applyDecorators(ApiBody({ type: contract, examples: { example: { summary, value: example } } }));
}
