import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

const DETAIL_SCHEMA = {
  type: 'object',
  properties: { detail: { type: 'string' } },
  required: ['detail'],
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid parameter or malformed JSON, e.g. {"detail": "Filters parameter not provided as a dict"}',
  404: 'Unknown resource, e.g. {"detail": "No agency was found with id 999"}',
  405: 'Wrong method, e.g. {"detail": "Method \\"GET\\" not allowed."}',
  413: 'Request body too large',
  415: 'Body that is not JSON, e.g. {"detail": "Unsupported media type \\"text/plain\\" in request."}',
  422: 'Missing or out-of-range value, e.g. {"detail": "Missing value: \'filters|fy\' is a required field"}',
  503: 'Data the route needs is not loaded yet, e.g. no revealed submission period',
};

/** Documents the `{"detail": "..."}` error answers a route can give (the reference's status codes). */
export function ApiDetailErrors(
  ...statuses: (keyof typeof ERROR_DESCRIPTIONS)[]
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: ERROR_DESCRIPTIONS[status], schema: DETAIL_SCHEMA }),
    ),
  );
}

/** The errors of every download POST route. */
export const ApiDownloadErrors = (): MethodDecorator & ClassDecorator =>
  ApiDetailErrors(400, 405, 413, 415, 422);
