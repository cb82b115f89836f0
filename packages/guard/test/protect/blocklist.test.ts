import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Blocklist, DEFAULT_BOTS } from '../../src/protect/blocklist/index.js';
import { resolveProtectOptions } from '../../src/protect/options.js';

const settings = {
  ips: ['198.51.100.0/24', '2001:db8::/32', '203.0.113.7'],
  users: ['u-banned'],
  bots: DEFAULT_BOTS,
  autoBlock: { detections: 3, windowSeconds: 60, blockSeconds: 1 },
  redis: false as const,
};

test('blocklist: bot names match as literal text in any case, within the first 512 characters of the header', async () => {
  const list = new Blocklist({ ...settings, ips: [], bots: ['Scan.Bot+', '(probe)'] });
  const none = new Blocklist({ ...settings, ips: [], bots: [] });
  try {
    assert.equal(list.refuseConnection(undefined, 'x SCAN.BOT+/2 y')?.rule, 'bad-bot');
    assert.equal(list.refuseConnection(undefined, 'a (Probe) b')?.rule, 'bad-bot');
    assert.equal(list.refuseConnection(undefined, 'ScanXBot+'), undefined, 'a dot is a dot, not any character');
    assert.equal(list.refuseConnection(undefined, 'scan.bott'), undefined);
    assert.equal(list.refuseConnection(undefined, `${'x'.repeat(600)} scan.bot+`), undefined, 'past the first 512 characters');
    assert.equal(none.refuseConnection(undefined, 'sqlmap/1.7'), undefined, 'no bot list: nothing refused');
  } finally {
    await list.close();
    await none.close();
  }
});

test('blocklist: addresses and CIDR ranges (IPv4, IPv6, IPv4-mapped), users, attack-tool user agents', async () => {
  const list = new Blocklist(settings);
  try {
    for (const ip of ['198.51.100.42', '::ffff:198.51.100.42', '2001:db8::1', '2001:DB8:0:0::9', '203.0.113.7']) {
      assert.equal(list.refuseConnection(ip, undefined)?.rule, 'blocked-ip', ip);
    }
    for (const ip of ['198.51.101.1', '203.0.113.8', '2001:db9::1', '127.0.0.1', 'not-an-ip']) {
      assert.equal(list.refuseConnection(ip, undefined), undefined, ip);
    }
    assert.equal(list.refuseConnection('192.0.2.1', 'sqlmap/1.7.2#stable (https://sqlmap.org)')?.rule, 'bad-bot');
    assert.equal(list.refuseConnection('192.0.2.1', 'Mozilla/5.0 (compatible; Nuclei - Open-source project)')?.rule, 'bad-bot');
    assert.equal(list.refuseConnection('192.0.2.1', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'), undefined);
    assert.equal(list.refuseUser('u-banned')?.rule, 'blocked-user');
    assert.equal(list.refuseUser('u-ok'), undefined);
  } finally {
    await list.close();
  }
});

test('blocklist: auto-block after N detections in the window, runtime blocks expire, unblock', async () => {
  const list = new Blocklist(settings);
  try {
    assert.equal(await list.recordDetection('192.0.2.9'), false);
    assert.equal(await list.recordDetection('192.0.2.9'), false);
    assert.equal(list.refuseConnection('192.0.2.9', undefined), undefined);
    assert.equal(await list.recordDetection('::ffff:192.0.2.9'), true, 'the third detection from the same client blocks it');
    assert.equal(list.refuseConnection('192.0.2.9', undefined)?.rule, 'blocked-ip');
    await new Promise((r) => setTimeout(r, 1100));
    assert.equal(list.refuseConnection('192.0.2.9', undefined), undefined, 'the 1 s auto-block expired');
    await list.block('user', 'mallory');
    assert.equal(list.refuseUser('mallory')?.rule, 'blocked-user');
    await list.unblock('user', 'mallory');
    assert.equal(list.refuseUser('mallory'), undefined);
  } finally {
    await list.close();
  }
});

test('blocklist options: bad values stop startup with a message naming the option', () => {
  assert.throws(() => resolveProtectOptions({ blocklist: { ips: ['10.0.0.1', 'nope'] } }), /blocklist\.ips.*CIDR/);
  assert.throws(() => resolveProtectOptions({ blocklist: { ips: ['10.0.0.0/33'] } }), /blocklist\.ips/);
  assert.throws(() => resolveProtectOptions({ blocklist: { autoBlock: { detections: 0 } } }), /blocklist\.autoBlock\.detections/);
  assert.throws(() => resolveProtectOptions({ blocklist: { redis: { url: 'localhost:6379' } } }), /blocklist\.redis/);
  assert.throws(() => resolveProtectOptions({ blocklist: { ipz: [] } } as never), /unknown option `blocklist\.ipz`/);
  const ok = resolveProtectOptions({ blocklist: { ips: ['10.0.0.0/8', '::1'], bots: ['evilbot'], autoBlock: { detections: 2 } } });
  assert.deepEqual(ok.blocklist.bots, ['evilbot']);
  assert.deepEqual(ok.blocklist.autoBlock, { detections: 2, windowSeconds: 60, blockSeconds: 600 });
});
