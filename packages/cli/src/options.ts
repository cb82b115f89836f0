import { InvalidArgumentError } from 'commander';
import { isSeverity, type FailOn } from '@rampart/core';

/** Parses --fail-on: a severity or "none". */
export function parseFailOn(value: string): FailOn {
  if (value === 'none' || isSeverity(value)) return value;
  throw new InvalidArgumentError('expected one of critical, high, medium, low, info, none');
}

/** Colour for the terminal report: an explicit --color/--no-color wins, else only on a TTY without NO_COLOR. */
export function useColor(explicit: boolean | undefined, isTTY: boolean, toFile: boolean): boolean {
  return explicit ?? (isTTY && !toFile && !process.env.NO_COLOR);
}
