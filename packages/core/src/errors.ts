/**
 * An error the user can fix: bad input, a missing file, a malformed lockfile or config.
 * The CLI prints its message (no stack) and exits 2. Subclass it per area so callers can tell them apart.
 */
export class UserError extends Error {
  override name = 'UserError';
}
