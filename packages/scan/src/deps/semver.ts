import compare from 'semver/functions/compare.js';
import eq from 'semver/functions/eq.js';
import gt from 'semver/functions/gt.js';
import gte from 'semver/functions/gte.js';
import lt from 'semver/functions/lt.js';
import parse from 'semver/functions/parse.js';

export type { SemVer } from 'semver';

/**
 * The semver functions `rampart deps` uses, one file each: `import 'semver'` loads all ~50
 * modules of the package, a measurable part of a warm run.
 */
export const semver = Object.freeze({ compare, eq, gt, gte, lt, parse });
