import { HttpStatus } from '@nestjs/common';

/** What went wrong, independent of HTTP; the exception filter maps each code to a status. */
export enum ApiErrorCode {
  InvalidParameter = 'INVALID_PARAMETER',
  UnprocessableEntity = 'UNPROCESSABLE_ENTITY',
  NotFound = 'NOT_FOUND',
  MethodNotAllowed = 'METHOD_NOT_ALLOWED',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
}

/** A client-facing error whose message is safe to show as `{"detail": message}`. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function httpStatusOf(code: ApiErrorCode): HttpStatus {
  switch (code) {
    case ApiErrorCode.InvalidParameter:
      return HttpStatus.BAD_REQUEST;
    case ApiErrorCode.UnprocessableEntity:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case ApiErrorCode.NotFound:
      return HttpStatus.NOT_FOUND;
    case ApiErrorCode.MethodNotAllowed:
      return HttpStatus.METHOD_NOT_ALLOWED;
    case ApiErrorCode.UnsupportedMediaType:
      return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    case ApiErrorCode.PayloadTooLarge:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case ApiErrorCode.ServiceUnavailable:
      return HttpStatus.SERVICE_UNAVAILABLE;
  }
}
