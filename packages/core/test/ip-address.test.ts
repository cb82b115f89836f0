import assert from 'node:assert/strict';
import { isIP } from 'node:net';
import { describe, it } from 'node:test';
import { ipKey, ipPrefixKey, parseIpAddress } from '../src/ip-address.js';

describe('parseIpAddress', () => {
  const groups: [string, number[]][] = [
    ['::', [0, 0, 0, 0, 0, 0, 0, 0]],
    ['::1', [0, 0, 0, 0, 0, 0, 0, 1]],
    ['1::', [1, 0, 0, 0, 0, 0, 0, 0]],
    ['2001:DB8::8a2e:370:7334', [0x2001, 0xdb8, 0, 0, 0, 0x8a2e, 0x370, 0x7334]],
    ['1:2:3:4:5:6:7:8', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['1::2:3:4:5:6:7', [1, 0, 2, 3, 4, 5, 6, 7]],
    ['::ffff:1.2.3.4', [0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]],
    ['::1.2.3.4', [0, 0, 0, 0, 0, 0, 0x0102, 0x0304]],
    ['1:2:3:4:5:6:255.255.0.1', [1, 2, 3, 4, 5, 6, 0xffff, 0x0001]],
    ['64:ff9b::10.0.0.1', [0x64, 0xff9b, 0, 0, 0, 0, 0x0a00, 0x0001]],
    ['fe80::1%eth0', [0xfe80, 0, 0, 0, 0, 0, 0, 1]],
  ];
  for (const [text, expected] of groups) {
    it(`${text} is eight groups`, () => assert.deepEqual(parseIpAddress(text), { family: 6, groups: expected }));
  }
  it('IPv4 stays its dotted text', () => assert.deepEqual(parseIpAddress('10.0.0.1'), { family: 4, text: '10.0.0.1' }));
  it('accepts exactly what isIP accepts: no brackets, ports, spaces or partial addresses', () => {
    for (const bad of ['', ' ', '[::1]', '[::1]:80', '1.2.3.4:80', ' 1.2.3.4', '1.2.3', '1.2.3.256', '::ffff:1.2.3.256', '1:2:3:4:5:6:7:8:9', ':::', 'g::1', 'fe80::1%', 'unknown', 'x'.repeat(100)]) {
      assert.equal(isIP(bad), 0, bad);
      assert.equal(parseIpAddress(bad), undefined, bad);
    }
  });
});

describe('ipPrefixKey and ipKey', () => {
  const v6 = parseIpAddress('2001:db8:abcd:1234:5678:9abc:def0:1')!;
  it('IPv6 by its /64 by default, compact', () => assert.equal(ipPrefixKey(v6), '2001:db8:abcd:1234::/64'));
  it('a prefix that cuts through a group masks it', () => {
    assert.equal(ipPrefixKey(v6, { ipv6Prefix: 56 }), '2001:db8:abcd:1200::/56');
    assert.equal(ipPrefixKey(v6, { ipv6Prefix: 48 }), '2001:db8:abcd::/48');
    assert.equal(ipPrefixKey(v6, { ipv6Prefix: 128 }), '2001:db8:abcd:1234:5678:9abc:def0:1/128');
    assert.equal(ipPrefixKey(v6, { ipv6Prefix: 0 }), '::/0');
  });
  it('the full style writes all eight groups, masked', () => {
    assert.equal(ipPrefixKey(v6, { ipv6Style: 'full' }), '2001:db8:abcd:1234:0:0:0:0/64');
    assert.equal(ipPrefixKey(v6, { ipv6Style: 'full', ipv6Prefix: 60 }), '2001:db8:abcd:1230:0:0:0:0/60');
  });
  it('prefix lengths are clamped to 0-128', () => {
    assert.equal(ipPrefixKey(v6, { ipv6Prefix: 500 }), ipPrefixKey(v6, { ipv6Prefix: 128 }));
    assert.equal(ipPrefixKey(v6, { ipv6Prefix: -3 }), '::/0');
  });
  it('every address of one /64 shares a key; the next /64 does not', () => {
    const key = ipKey('2001:db8:0:7::1');
    assert.equal(ipKey('2001:db8:0:7:ffff:ffff:ffff:ffff'), key);
    assert.equal(ipKey('2001:DB8:0:7:0:0:0:abcd'), key);
    assert.notEqual(ipKey('2001:db8:0:8::1'), key);
  });
  it('IPv4-mapped IPv6, in any spelling, is its IPv4 address unless mapIPv4 is false', () => {
    for (const mapped of ['::ffff:1.2.3.4', '::FFFF:102:304', '0:0:0:0:0:ffff:1.2.3.4']) {
      assert.equal(ipKey(mapped), '1.2.3.4', mapped);
      assert.equal(ipKey(mapped, { mapIPv4: false }), '0:0:0:0::/64', mapped);
    }
    // IPv4-compatible (::a.b.c.d) is not mapped: a plain IPv6 key.
    assert.equal(ipKey('::1.2.3.4'), '0:0:0:0::/64');
  });
  it('IPv4 is its own key', () => assert.equal(ipKey('192.168.1.20'), '192.168.1.20'));
  it('a text that is not an address is the invalid key, or itself', () => {
    assert.equal(ipKey('not an ip', { invalidKey: 'invalid' }), 'invalid');
    assert.equal(ipKey('not an ip'), 'not an ip');
    assert.equal(ipKey('[::1]', { invalidKey: 'invalid' }), 'invalid');
  });
});
