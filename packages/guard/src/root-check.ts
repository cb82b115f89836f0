import { GuardSetupError } from './setup-error.js';

export interface RootCheckOptions {
  /** Refuse to start (throw at construction) instead of warning. Default false. */
  readonly refuse: boolean;
}

export const ROOT_CHECK_DEFAULTS: RootCheckOptions = Object.freeze({ refuse: false });

let warned = false;

/**
 * Practice 10: a process running as uid 0 turns any code execution bug into full control of the
 * machine (or the container's host, with a careless runtime). Warns once per process, loudly, or
 * refuses to start. Windows has no uid: nothing to check there.
 */
export function checkRoot(options: RootCheckOptions, warn: (message: string) => void, getuid: (() => number) | undefined = process.getuid): void {
  if (typeof getuid !== 'function' || getuid() !== 0) return;
  const message =
    'Rampart: this process runs as root (uid 0). Any remote code execution would own the whole machine. Run as an unprivileged user (Dockerfile `USER node`, systemd `User=`), and bind ports below 1024 with a proxy or CAP_NET_BIND_SERVICE instead.';
  if (options.refuse) throw new GuardSetupError(`${message} (rampart(): \`rootCheck.refuse\` is on, so the app does not start.)`);
  if (warned) return;
  warned = true;
  warn(message);
}
