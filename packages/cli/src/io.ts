/** Where a command writes; tests pass their own. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
}

export const processIo: Io = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  stdoutIsTTY: !!process.stdout.isTTY,
  stderrIsTTY: !!process.stderr.isTTY,
};

/** Exit codes: 0 nothing at or above --fail-on, 1 something is, 2 usage or internal error. */
export const EXIT = Object.freeze({ ok: 0, findings: 1, error: 2 });

/** What every command module receives: the output and a way to set the process exit code. */
export interface CommandContext {
  readonly io: Io;
  setExit(code: number): void;
}
