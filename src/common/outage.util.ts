/**
 * Recognizes errors that mean "a backing service cannot be reached right now" rather than "this request
 * or this query is wrong": the former answer 503 and are retried, the latter are the caller's to fix.
 */

/** Node socket errors of a peer that is down, unreachable or gone mid-conversation. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of an unavailable server: class 08 (connection exception), 57P01-57P03 (shut down by an
 * administrator, crash shutdown, cannot connect now) and 53300 (too many connections).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;

/** pg and pg-pool report lost or impossible connections with these messages and no code. */
const PG_CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established|Cannot use a pool after calling end|the database system is (starting up|shutting down|in recovery mode)|terminating connection/i;

/** The error and the errors it wraps (`cause`, TypeORM's `driverError`), outermost first. */
export function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== null && current !== undefined && chain.length < 8 && !chain.includes(current)) {
    chain.push(current);
    const record = current as { cause?: unknown; driverError?: unknown };
    current = record.driverError ?? record.cause;
  }
  return chain;
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True for socket-level failures anywhere in the chain (connection refused, reset, timed out, ...). */
export function isConnectionFailure(error: unknown): boolean {
  return errorChain(error).some((link) => SOCKET_CODES.has(errorCode(link) ?? ''));
}

/** True when PostgreSQL (or the way to it) is unavailable, not when a query was rejected. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return errorChain(error).some((link) => {
    const code = errorCode(link) ?? '';
    if (SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code)) return true;
    return link instanceof Error && PG_CONNECTION_MESSAGES.test(link.message);
  });
}
