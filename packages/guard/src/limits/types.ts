/** Request size limits; every check is iterative and bounded, so hostile input cannot blow the stack. */
export interface RequestLimits {
  /** Largest request body in bytes (Content-Length and actual bytes read). Default 1 MiB. */
  readonly maxBodyBytes: number;
  /** Most query-string or form parameters. Default 1000. */
  readonly maxParams: number;
  /** Largest total size of the request line's headers in bytes (names + values). Default 16 KiB. */
  readonly maxHeaderBytes: number;
  /** Deepest nesting of JSON objects and arrays. Default 32. */
  readonly maxJsonDepth: number;
}

/** A limit check's answer: typed, never thrown. `status` is the HTTP status to answer with. */
export type LimitResult = { readonly ok: true } | { readonly ok: false; readonly status: 400 | 413 | 414 | 431; readonly rule: LimitRule; readonly reason: string };

/** The rule ids used in events and docs. */
export type LimitRule = 'body-too-large' | 'too-many-params' | 'headers-too-large' | 'json-too-deep' | 'invalid-json' | 'invalid-utf8';

export interface HardenServerOptions {
  /** Ms a client has to send all request headers (slowloris). Default 10_000 (Node: 60_000). */
  readonly headersTimeout?: number;
  /** Ms a client has to send the whole request. Default 30_000 (Node: 300_000). */
  readonly requestTimeout?: number;
  /** Ms an idle keep-alive connection stays open. Default 5_000. */
  readonly keepAliveTimeout?: number;
  /** Most request headers kept; the rest are dropped by Node. Default 100 (Node: 2000). */
  readonly maxHeadersCount?: number;
  /** Requests served per keep-alive connection before it is closed. Default 1000 (Node: unlimited). */
  readonly maxRequestsPerSocket?: number;
  /** Ms between Node's timeout sweeps (restarted if the server already listens). Default 1000 (Node: 30_000). */
  readonly connectionsCheckingInterval?: number;
}
