import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: unguessable, and only ever given to the requester it was made for. */
export function newCancelToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored and looked up: the token's SHA-256, never the token itself. */
export function cancelTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const CANCELLED_MESSAGE = "Cancelled at the requester's request.";
