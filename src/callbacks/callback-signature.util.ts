import { createHmac } from 'node:crypto';

/** The header carrying the signature: `sha256=<hex HMAC-SHA256 of the exact body bytes, keyed by CALLBACK_SECRET>`. */
export const SIGNATURE_HEADER = 'X-Download-Signature';

export function callbackSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
