import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The accepted `callback_url` of the request being handled. The middleware takes the field out of the body
 * (so no route validator sees an unknown key and the same-request cache ignores it) and the submission path
 * reads it here when it registers the requester.
 */
const context = new AsyncLocalStorage<{ callbackUrl: string }>();

export function withCallbackUrl<T>(callbackUrl: string, run: () => T): T {
  return context.run({ callbackUrl }, run);
}

export function currentCallbackUrl(): string | null {
  return context.getStore()?.callbackUrl ?? null;
}
