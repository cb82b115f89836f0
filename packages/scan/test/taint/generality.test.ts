import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flowsIn, scanTaint } from './helpers.js';

// General capabilities added after a blind hold-out set showed what the tuned engine missed:
// each case is a fresh shape of one rule, not a copy of a suite case.

interface Case {
  readonly name: string;
  readonly code: string;
  readonly expect: readonly string[];
  readonly filename?: string;
}

const CASES: readonly Case[] = [
  // Prefix checks: what a startsWith prefix pins.
  {
    name: "a scheme-only prefix ('https://') pins no host: still SSRF",
    code: `const axios = require('axios');
app.get('/p', async (req, res) => {
  const target = String(req.query.target);
  if (!target.startsWith('https://')) return res.sendStatus(400);
  res.json((await axios.get(target)).data);
});`,
    expect: ['ssrf@5'],
  },
  {
    name: 'a prefix with a fixed host and path is containment',
    code: `const axios = require('axios');
app.get('/p', async (req, res) => {
  const target = String(req.query.target);
  if (target.indexOf('https://api.partner.test/v2/') !== 0) return res.sendStatus(400);
  res.json((await axios.get(target)).data);
});`,
    expect: [],
  },
  {
    name: "startsWith('/') alone lets //host through: still an open redirect",
    code: `app.get('/done', (req, res) => {
  const back = req.query.back || '/';
  if (back.startsWith('/')) res.redirect(back);
  else res.redirect('/');
});`,
    expect: ['open-redirect@3'],
  },
  {
    name: "startsWith('/') with a charAt(1) check rejecting '//' is a same-site path",
    code: `app.get('/done', (req, res) => {
  const back = req.query.back || '/';
  if (back.startsWith('/') && back.charAt(1) !== '/' && back.charAt(1) !== '\\\\') res.redirect(back);
  else res.redirect('/');
});`,
    expect: [],
  },
  // Local predicates are read, not trusted by name.
  {
    name: 'a local predicate named isSafe... whose body checks only the type cleans nothing for redirects',
    code: `const isSafeReturn = (u) => typeof u === 'string' && u.length < 200;
app.get('/out', (req, res) => {
  const u = req.query.u;
  return isSafeReturn(u) ? res.redirect(u) : res.redirect('/');
});`,
    expect: ['open-redirect@4'],
  },
  {
    name: 'a local predicate comparing with a fixed set cleans its argument',
    code: `const HOSTS = new Set(['a.test', 'b.test']);
function allowedHost(u) {
  return HOSTS.has(new URL(u).hostname) && u.startsWith('https://');
}
app.get('/f', async (req, res) => {
  const u = String(req.query.u);
  if (!validateTarget(u)) return res.end();
  res.send(await fetch(u).then((r) => r.text()));
});
function validateTarget(x) {
  return allowedHost(x);
}`,
    expect: [],
  },
];

describe('taint generality: rules that hold beyond the suite', () => {
  for (const c of CASES) {
    it(c.name, () => {
      assert.deepEqual(flowsIn(c.code, c.filename), [...c.expect].sort());
    });
  }
});
