import type { NextFunction, Request, Response } from 'express';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const ACCEPTED =
  /^(application\/json|application\/[\w.+-]+\+json|application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/**
 * The reference accepts JSON and form bodies only and answers anything else with 415; Express
 * would silently ignore such a body and the request would fail later with a misleading message.
 */
export function requireJsonContentType(request: Request, response: Response, next: NextFunction): void {
  const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'];
  const type = request.headers['content-type'];
  if (!BODY_METHODS.has(request.method) || !hasBody || (type && ACCEPTED.test(type))) {
    next();
    return;
  }
  const shown = type ? type.split(';')[0].trim() : '';
  response.status(415).json({ detail: `Unsupported media type "${shown}" in request.` });
}
