/**
 * Settings that switch off TLS certificate checks, shared by the JavaScript rule and the
 * rule for .env files, Dockerfiles and package.json scripts.
 */

/** The environment variable that turns off certificate checks for the whole Node process. */
export const NODE_TLS_VARIABLE = 'NODE_TLS_REJECT_UNAUTHORIZED';

/**
 * Connection-string parameters that accept any certificate: PostgreSQL (pg) `sslmode=no-verify`,
 * MongoDB `tlsAllowInvalidCertificates`, `tlsAllowInvalidHostnames`, `tlsInsecure`, `sslValidate=false`.
 */
export const INSECURE_CONNECTION_PARAMETER =
  /[?&](sslmode=no-verify|tlsAllowInvalidCertificates=true|tlsAllowInvalidHostnames=true|tlsInsecure=true|sslValidate=false)(?=[&#\s"'`]|$)/i;
