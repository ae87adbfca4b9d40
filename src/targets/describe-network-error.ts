/** Error codes (Node, undici, OpenSSL) turned into sentences an integration engineer can act on. */
const EXPLAINED: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused (nothing listens at that address and port)',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed by the server while the request was being sent',
  ETIMEDOUT: 'the connection timed out',
  ENOTFOUND: 'host not found (DNS)',
  EAI_AGAIN: 'host lookup failed temporarily (DNS)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'the connection closed before the response was complete',
  ERR_STREAM_PREMATURE_CLOSE: 'the connection closed before the response was complete',
  UND_ERR_CONNECT_TIMEOUT: 'the connection could not be opened in time',
  UND_ERR_HEADERS_TIMEOUT: 'no response headers in time',
  UND_ERR_BODY_TIMEOUT: 'the response body stalled',
  CERT_HAS_EXPIRED: 'TLS: the server certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS: the server certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS: a self-signed certificate is in the chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS: the server certificate cannot be verified',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS: the certificate issuer is not trusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS: the certificate does not name this host',
  EPROTO: 'TLS or protocol error (is the base URL https on a plain-HTTP port, or the reverse?)',
  ERR_SSL_WRONG_VERSION_NUMBER: 'TLS: wrong version number (is the base URL https on a plain-HTTP port?)',
  HPE_INVALID_CONSTANT: 'the server answered with something that is not HTTP',
};

/**
 * A readable sentence for a failed send (fetch or node:http): the explained code when known, else the innermost
 * message. Never includes the request URL (its query may hold an API key).
 */
export function describeNetworkError(error: unknown): string {
  const chain = causes(error);
  for (const e of chain) {
    const code = e.code;
    if (code !== undefined && EXPLAINED[code] !== undefined) return `${EXPLAINED[code]} (${code})`;
  }
  const innermost = chain[chain.length - 1];
  if (innermost?.code !== undefined) return `${innermost.message ?? 'network error'} (${innermost.code})`;
  return innermost?.message ?? String(error);
}

interface ErrorLike {
  readonly code?: string;
  readonly message?: string;
  readonly cause?: unknown;
}

function causes(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && out.length < 5) {
    out.push(current as ErrorLike);
    current = (current as ErrorLike).cause;
  }
  return out;
}
