import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyAddress } from './address';
import { addressAllowed, parseNetworks } from './networks';
import { hostLiteral, parseDestinationUrl } from './destination';

/** The class of the address a URL's host really names, after the URL parser's normalisation. */
const classOfUrl = (url: string) => {
  const bytes = hostLiteral(new URL(url));
  assert.ok(bytes, `${url} has an IP literal host`);
  return classifyAddress(new URL(url).hostname.replace(/^\[|\]$/g, ''));
};

test('every spelling of loopback, link-local and the metadata address is recognised', () => {
  const cases: Array<[string, string]> = [
    ['http://127.0.0.1/', 'loopback'],
    ['http://2130706433/', 'loopback'], // decimal
    ['http://0x7f.0.0.1/', 'loopback'], // hex
    ['http://0177.0.0.1/', 'loopback'], // octal
    ['http://127.1/', 'loopback'], // short form
    ['http://[::1]/', 'loopback'],
    ['http://[::ffff:127.0.0.1]:9998/', 'loopback'], // IPv4-mapped, as the URL parser rewrites it: ::ffff:7f00:1
    ['http://169.254.169.254/latest/meta-data', 'link-local'],
    ['http://0xa9fea9fe/', 'link-local'],
    ['http://[::ffff:169.254.169.254]/', 'link-local'],
    ['http://[::ffff:a9fe:a9fe]/', 'link-local'],
    ['http://[64:ff9b::169.254.169.254]/', 'link-local'], // NAT64
    ['http://[64:ff9b::7f00:1]/', 'loopback'],
    ['http://[2002:a9fe:a9fe::1]/', 'link-local'], // 6to4
    ['http://[::a9fe:a9fe]/', 'reserved'], // IPv4-compatible
    ['http://[fe80::1]/', 'link-local'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://0/', 'unspecified'],
    ['http://[::]/', 'unspecified'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://[ff02::1]/', 'multicast'],
    ['http://255.255.255.255/', 'broadcast'],
    ['http://240.0.0.1/', 'reserved'],
    ['http://192.0.2.1/', 'reserved'],
    ['http://[2001:db8::1]/', 'reserved'],
    ['http://[2001::1]/', 'reserved'], // Teredo
    ['http://[100::1]/', 'reserved'],
    ['http://[4000::1]/', 'reserved'], // outside 2000::/3
    ['http://10.1.2.3/', 'private'],
    ['http://172.16.0.9/', 'private'],
    ['http://192.168.1.20/', 'private'],
    ['http://100.64.0.1/', 'private'],
    ['http://[fd00::1]/', 'private'],
    ['http://[::ffff:10.0.0.1]/', 'private'],
    ['http://202.116.160.1/', 'public'],
    ['http://[2001:da8::1]/', 'public'],
    ['http://[64:ff9b::202.116.160.1]/', 'public'],
  ];
  for (const [url, cls] of cases) assert.equal(classOfUrl(url), cls, url);
});

test('private and loopback networks open only by configuration; the rest never', () => {
  const campus = parseNetworks('10.0.0.0/8, fd00::/8 127.0.0.1');
  const allowed = (ip: string) => addressAllowed(hostLiteral(new URL(`http://${ip.includes(':') ? `[${ip}]` : ip}/`))!, campus);
  assert.equal(allowed('10.9.8.7'), true);
  assert.equal(allowed('::ffff:10.9.8.7'), true);
  assert.equal(allowed('fd12::1'), true);
  assert.equal(allowed('127.0.0.1'), true);
  assert.equal(allowed('127.0.0.2'), false, 'only the configured loopback address');
  assert.equal(allowed('192.168.1.1'), false, 'a private network nobody allowed');
  assert.equal(allowed('169.254.169.254'), false);
  assert.equal(allowed('8.8.8.8'), true);
  assert.equal(addressAllowed(hostLiteral(new URL('http://10.1.1.1/'))!, []), false, 'nothing private by default');

  for (const bad of ['0.0.0.0/0', '169.254.0.0/16', '172.0.0.0/8', '10.0.0.0/7', '::/0', 'fe80::/10', '8.8.8.0/24', '10.0.0.0/33', 'campus', '10.0.0.0/8x']) {
    assert.throws(() => parseNetworks(bad), /network/, bad);
  }
});

test('only http(s) destinations; Web Push only https', () => {
  assert.throws(() => parseDestinationUrl('file:///etc/passwd', 'webhook'), { reason: 'scheme' });
  assert.throws(() => parseDestinationUrl('gopher://x/', 'webhook'), { reason: 'scheme' });
  assert.throws(() => parseDestinationUrl('http://push.example.com/x', 'push'), { reason: 'scheme' });
  assert.throws(() => parseDestinationUrl('not a url', 'job'), { reason: 'invalid-url' });
  assert.equal(parseDestinationUrl('https://push.example.com/x', 'push').hostname, 'push.example.com');
});
