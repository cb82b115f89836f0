import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';
import { MemoryStore } from '../../src/rate-limit/index.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function ipv4(i: number): string {
  return `${(i >>> 24) & 255}.${(i >>> 16) & 255}.${(i >>> 8) & 255}.${i & 255}`;
}

describe('MemoryStore is bounded', () => {
  it('1M distinct IPs with maxKeys 100k: never more than 100k keys, heap growth bounded by the cap', () => {
    gc();
    const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const store = new MemoryStore({ maxKeys: 100_000 });
    let peak = 0;
    for (let i = 0; i < 1_000_000; i++) {
      store.consume({ key: `rl:ip:${ipv4(0x0a000000 + i)}`, algorithm: 'sliding-window', limit: 100, windowMs: 60_000, cost: 1 });
      if ((i & 0xffff) === 0) peak = Math.max(peak, store.size);
    }
    peak = Math.max(peak, store.size);
    gc();
    const grown = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - heapBefore;
    assert.equal(store.size, 100_000);
    assert.equal(peak, 100_000);
    assert.equal(store.evictions, 900_000);
    // 100k keys at roughly 200 bytes each; 1M unbounded keys would take well over 150 MB.
    assert.ok(grown < 60 * 1024 * 1024, `heap grew ${(grown / 1e6).toFixed(1)} MB for 100k keys`);
    assert.ok(store.size <= store.maxKeys);
  });

  it('evicts the least recently used key, keeping an active abuser limited while new keys flood in', () => {
    const store = new MemoryStore({ maxKeys: 3 });
    const hit = (key: string) => store.consume({ key, algorithm: 'fixed-window', limit: 2, windowMs: 60_000, cost: 1 });
    hit('abuser');
    hit('abuser');
    assert.equal(hit('abuser').allowed, false);
    for (let i = 0; i < 10; i++) {
      hit(`new-${i}`);
      // The abuser keeps hammering, so it stays recently used and stays limited.
      assert.equal(hit('abuser').allowed, false);
    }
    assert.equal(store.size, 3);
  });

  it('expires lazily: a key past its window starts fresh, and reset() forgets a key', () => {
    let now = 1_000_000;
    const store = new MemoryStore({ now: () => now });
    const hit = () => store.consume({ key: 'k', algorithm: 'fixed-window', limit: 1, windowMs: 1000, cost: 1 });
    assert.equal(hit().allowed, true);
    assert.equal(hit().allowed, false);
    now += 1000;
    assert.equal(hit().allowed, true);
    store.reset('k');
    assert.equal(hit().allowed, true);
  });

  it('refuses a cap that is not a positive whole number', () => {
    assert.throws(() => new MemoryStore({ maxKeys: 0 }), /maxKeys/);
    assert.throws(() => new MemoryStore({ maxKeys: 1.5 }), /maxKeys/);
  });
});
