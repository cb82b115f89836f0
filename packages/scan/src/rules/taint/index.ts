// Registry of the taint rules: one per class of SAST-CASES.md, all fed by one shared per-file pass.
import type { JsRule } from '../types.js';
import sqlInjection from './sql-injection.js';
import nosqlInjection from './nosql-injection.js';
import commandInjection from './command-injection.js';
import codeInjection from './code-injection.js';
import pathTraversal from './path-traversal.js';
import ssrf from './ssrf.js';
import openRedirect from './open-redirect.js';
import xss from './xss.js';
import prototypePollution from './prototype-pollution.js';
import redos from './redos.js';
import xxe from './xxe.js';
import xpathInjection from './xpath-injection.js';
import xmlInjection from './xml-injection.js';
import ldapInjection from './ldap-injection.js';
import logInjection from './log-injection.js';
import insecureDeserialization from './insecure-deserialization.js';
import headerInjection from './header-injection.js';
import templateInjection from './template-injection.js';
import dataLeak from './data-leak.js';

export const RULES: readonly JsRule[] = [
  sqlInjection,
  nosqlInjection,
  commandInjection,
  codeInjection,
  pathTraversal,
  ssrf,
  openRedirect,
  xss,
  prototypePollution,
  redos,
  xxe,
  xpathInjection,
  xmlInjection,
  ldapInjection,
  logInjection,
  insecureDeserialization,
  headerInjection,
  templateInjection,
  dataLeak,
];
