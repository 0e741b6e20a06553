import type { NextFunction, Request, Response } from 'express';
import { describeTextProblem, findUnstorableText, TextProblem, textProblemOf } from './unstorable-text.util';

/**
 * Refuses, for every route at once, a request holding text PostgreSQL cannot store: in the body, a query
 * parameter or the path (file names). Checked after body parsing and before routing, so no route —
 * including routes added later — can pass such a value to a query and fail with a 500, or accept a
 * download whose job would then fail.
 */
export function rejectUnstorableText(request: Request, response: Response, next: NextFunction): void {
  const problem =
    pathProblem(request.path) ??
    findUnstorableText(request.query, '') ??
    findUnstorableText(request.body as unknown, '');
  if (!problem) {
    next();
    return;
  }
  response.status(400).json({ detail: describeTextProblem(problem) });
}

function pathProblem(path: string): TextProblem | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined; // malformed percent-encoding matches no route: the router answers 404
  }
  const problem = textProblemOf(decoded);
  return problem ? { location: 'URL path', problem } : undefined;
}
