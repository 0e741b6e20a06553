import type { NextFunction, Request, Response } from 'express';

interface BodyParserError {
  type: string;
  message: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && typeof (error as BodyParserError).type === 'string';
}

/**
 * Answers body-parser failures in the reference's words before Nest wraps them into generic
 * exceptions (Nest keeps only the message, losing whether the JSON was malformed or too large).
 */
export function handleBodyParserError(
  error: unknown,
  _request: Request,
  response: Response,
  next: NextFunction,
): void {
  if (!isBodyParserError(error)) {
    next(error);
    return;
  }
  switch (error.type) {
    case 'entity.parse.failed':
      response.status(400).json({ detail: `JSON parse error - ${error.message}` });
      return;
    case 'entity.too.large':
      response.status(413).json({ detail: 'Request body is too large.' });
      return;
    case 'encoding.unsupported':
    case 'charset.unsupported':
      response.status(415).json({ detail: error.message });
      return;
    default:
      response.status(400).json({ detail: 'Malformed request body.' });
  }
}
