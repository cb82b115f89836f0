const dns = require('node:dns');
const https = require('node:https');
const net = require('node:net');

// Addresses a link preview must never reach: loopback, private networks, link-local (cloud
// metadata at 169.254.169.254), carrier-grade NAT, multicast and reserved ranges.
const NOT_PUBLIC = new net.BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
]) {
  NOT_PUBLIC.addSubnet(address, prefix, 'ipv4');
}
// IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) are checked against the IPv4 ranges by BlockList itself.
for (const [address, prefix] of [['::', 128], ['::1', 128], ['64:ff9b::', 96], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]]) {
  NOT_PUBLIC.addSubnet(address, prefix, 'ipv6');
}

function isPublicAddress(address, family) {
  return !NOT_PUBLIC.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

// Resolves the host and refuses it when any address is not public. The request connects to the
// address checked here, so DNS cannot answer differently between the check and the connection.
function publicLookup(hostname, options, callback) {
  dns.lookup(hostname, { all: true }, (err, addresses) => {
    if (err) return callback(err);
    if (addresses.length === 0 || addresses.some((a) => !isPublicAddress(a.address, a.family))) {
      return callback(Object.assign(new Error(`${hostname} does not resolve to a public address`), { code: 'PREVIEW_NOT_PUBLIC' }));
    }
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}

const MAX_BYTES = 512 * 1024;

/** Fetches an already-allowed https URL: no redirects, 5 s, at most 512 KiB read. */
function fetchPreview(url) {
  return new Promise((resolve, reject) => {
    const request = https.get(url, { lookup: publicLookup, timeout: 5000, headers: { accept: 'text/html' } }, (response) => {
      let bytes = 0;
      let html = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => {
        bytes += Buffer.byteLength(chunk);
        if (bytes > MAX_BYTES) return response.destroy();
        html += chunk;
      });
      response.on('close', () => {
        const title = /<title>([^<]*)<\/title>/i.exec(html);
        resolve({ status: response.statusCode, title: title ? title[1].trim() : null, bytes });
      });
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error('Link preview timed out')));
    request.on('error', reject);
  });
}

module.exports = { fetchPreview, isPublicAddress };
