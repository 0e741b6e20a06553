import { callbacksEnabled, ExtrasConfig } from '../config/extras-config';

/**
 * The one rule for the optional `callback_url` of every download request: an absolute http(s) URL without
 * credentials whose host (or host:port) is in CALLBACK_ALLOWED_HOSTS. Returns the reason it is refused, or
 * null when it is accepted.
 */
export function callbackUrlError(value: unknown, config: ExtrasConfig): string | null {
  if (!callbacksEnabled(config))
    return 'callback_url is not accepted: completion callbacks are not configured on this server.';
  if (typeof value !== 'string' || value === '') return 'callback_url must be a URL (a non-empty string).';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'callback_url must be an absolute http or https URL.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return 'callback_url must be an absolute http or https URL.';
  if (url.username || url.password) return 'callback_url must not contain credentials.';
  if (!isAllowedHost(url, config)) return `callback_url host ${url.host} is not allowed on this server.`;
  return null;
}

/** The host alone matches any port; `host:port` only that port. */
export function isAllowedHost(url: URL, config: ExtrasConfig): boolean {
  const host = url.hostname.toLowerCase();
  const hostPort = url.host.toLowerCase();
  return config.callbackAllowedHosts.some((allowed) => allowed === host || allowed === hostPort);
}
