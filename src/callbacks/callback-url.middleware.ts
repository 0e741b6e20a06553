import type { NextFunction, Request, Response } from 'express';
import { ExtrasConfig } from '../config/extras-config';
import { withCallbackUrl } from './callback-context';
import { callbackUrlError } from './callback-url.rule';

/** The routes that make a download job (and so may be given a callback_url). */
const JOB_ROUTES =
  /^\/api\/v2\/(download\/(awards|transactions|search|idv|contract|assistance|accounts|disaster|disaster\/recipients)|bulk_download\/awards)\/?$/;

/**
 * Applies the callback_url rule to every download request in one place: refused → 400 `{"detail"}`; accepted →
 * removed from the body and kept for the submission path (callback-context). Bodies without the field pass
 * untouched, so the reference's requests behave exactly as before.
 */
export function takeCallbackUrl(config: ExtrasConfig) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const body: unknown = req.body;
    if (
      req.method !== 'POST' ||
      !JOB_ROUTES.test(req.path) ||
      typeof body !== 'object' ||
      body === null ||
      Array.isArray(body) ||
      !Object.hasOwn(body, 'callback_url')
    ) {
      next();
      return;
    }
    const { callback_url: callbackUrl, ...rest } = body as Record<string, unknown>;
    const error = callbackUrlError(callbackUrl, config);
    if (error) {
      res.status(400).json({ detail: error });
      return;
    }
    req.body = rest;
    withCallbackUrl(callbackUrl as string, next);
  };
}
