// Hostile and random input against every pure check of guard-limits: each answers (a value or a
// typed refusal) and never throws, whatever the bytes.
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { describe, it } from 'node:test';
import { redactText, redactValue } from '../../src/events/index.js';
import { checkJsonDepth, countParams, parseJsonLimited, scanJsonDepth } from '../../src/limits/index.js';
import { clientIp, ipRateKey, normalizeIp } from '../../src/rate-limit/index.js';

/** Deterministic PRNG (mulberry32), so a failure reproduces. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ['0', '1', '9', 'a', 'f', 'F', ':', '::', '.', ',', ' ', '[', ']', '%', '/', '{', '}', '"', '\\', '&', '=', 'ffff', '255', '\u0000', '\uffff', '\ud800', 'é', 'eyJ', 'Bearer '];

function junk(rand: () => number, maxParts = 40): string {
  let out = '';
  const n = Math.floor(rand() * maxParts);
  for (let i = 0; i < n; i++) out += ALPHABET[Math.floor(rand() * ALPHABET.length)];
  return out;
}

describe('random input never throws', () => {
  it('client IP resolution, IP keys and normalization', () => {
    const rand = random(1);
    for (let i = 0; i < 5000; i++) {
      const remote = rand() < 0.1 ? undefined : junk(rand, 10);
      const forwarded = rand() < 0.5 ? junk(rand) : [junk(rand), junk(rand)];
      const req = { socket: { remoteAddress: remote }, headers: { 'x-forwarded-for': forwarded } } as unknown as IncomingMessage;
      for (const trust of [false, 1, 3, ['10.0.0.0/8', 'loopback', '2001:db8::/32']] as const) {
        const ip = clientIp(req, trust);
        assert.equal(typeof ip, 'string');
        assert.ok(ip === 'unknown' || normalizeIp(ip) === ip, `${JSON.stringify({ remote, forwarded, trust })} -> ${ip}`);
      }
      assert.equal(typeof ipRateKey(junk(rand)), 'string');
    }
  });

  it('JSON depth scan and limited parse', () => {
    const rand = random(2);
    for (let i = 0; i < 5000; i++) {
      const text = junk(rand, 200);
      const result = parseJsonLimited(text, { maxJsonDepth: 5, maxBodyBytes: 10_000 });
      assert.ok(result.ok || ['invalid-json', 'json-too-deep', 'body-too-large'].includes(result.rule));
      assert.ok(scanJsonDepth(text) >= 0);
      if (result.ok) assert.equal(checkJsonDepth(result.value, 5), true);
    }
  });

  it('parameter counting and redaction', () => {
    const rand = random(3);
    for (let i = 0; i < 5000; i++) {
      const text = junk(rand, 100);
      assert.ok(countParams(text) >= 0);
      assert.equal(typeof redactText(text), 'string');
      redactValue({ [junk(rand, 5)]: text, nested: [text, { password: text }] });
    }
  });

  it('redaction patterns stay linear on adversarial repetitions', () => {
    // Inputs shaped like each secret pattern's prefix, repeated: a backtracking pattern would take
    // seconds here; the bounded ones finish at once (checked by completing, not by timing).
    for (const unit of ['eyJ', 'eyJaaaaaaaa.', 'Bearer ', 'postgres://a:', '-----BEGIN PRIVATE KEY-----', 'ghp_', 'AKIA']) {
      const text = unit.repeat(20_000);
      assert.equal(typeof redactText(text, 1000), 'string');
    }
  });
});
