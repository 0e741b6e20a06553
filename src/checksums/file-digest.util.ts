/**
 * The two HTTP forms of a file's SHA-256: the `Repr-Digest` field of RFC 9530 (a structured-field byte
 * sequence, base64 between colons) and a strong entity tag (the hex digest, quoted). Both change exactly when
 * the bytes do, which is what a strong validator promises.
 */
export function reprDigestHeader(sha256Hex: string): string {
  return `sha-256=:${Buffer.from(sha256Hex, 'hex').toString('base64')}:`;
}

export function strongEtag(sha256Hex: string): string {
  return `"${sha256Hex}"`;
}

/** A SHA-256 as stored: 64 lowercase hex digits. */
export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}
