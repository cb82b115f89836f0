import { createRequire } from 'node:module';
import type Compare from 'semver/functions/compare.js';
import type Eq from 'semver/functions/eq.js';
import type Gt from 'semver/functions/gt.js';
import type Gte from 'semver/functions/gte.js';
import type Lt from 'semver/functions/lt.js';
import type Parse from 'semver/functions/parse.js';

export type { SemVer } from 'semver';

const require = createRequire(import.meta.url);

/**
 * The semver functions `rampart deps` uses, one file each and through require: `import 'semver'`
 * loads all ~50 modules of the package, and importing CommonJS from ESM scans each file for its
 * exports first, a measurable part of a warm run.
 */
export const semver = Object.freeze({
  compare: require('semver/functions/compare') as typeof Compare,
  eq: require('semver/functions/eq') as typeof Eq,
  gt: require('semver/functions/gt') as typeof Gt,
  gte: require('semver/functions/gte') as typeof Gte,
  lt: require('semver/functions/lt') as typeof Lt,
  parse: require('semver/functions/parse') as typeof Parse,
});
