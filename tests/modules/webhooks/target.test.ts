import { blockedRange, checkTarget, type Resolve } from '../../../src/modules/webhooks/target';

const resolveTo =
  (...addresses: string[]): Resolve =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

const policy = (resolve: Resolve, allowPrivateTargets = false) => ({ allowPrivateTargets, resolve, timeoutMs: 1_000 });

describe('webhook targets (SSRF)', () => {
  it.each([
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['2002:a00:1::1', '6to4'],
    ['64:ff9b::a00:1', 'rfc6052'],
  ])('%s is refused as %s', (address, range) => {
    expect(blockedRange(address)).toBe(range);
  });

  it.each(['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:93.184.216.34'])(
    '%s is public and may be reached',
    (address) => {
      expect(blockedRange(address)).toBeNull();
    },
  );

  it('refuses a name when any of its addresses is private, not just the first', async () => {
    const target = await checkTarget('https://split.example.org/', policy(resolveTo('93.184.216.34', '10.9.8.7')));
    expect(target).toEqual({
      refused:
        'split.example.org resolves to 10.9.8.7, which is in the private range; webhooks go to public addresses only',
    });
  });

  it('pins a public name to the address it was checked at', async () => {
    const target = await checkTarget('https://hooks.example.org:8443/in?x=1', policy(resolveTo('93.184.216.34')));
    expect(target).toEqual({
      url: new URL('https://hooks.example.org:8443/in?x=1'),
      address: '93.184.216.34',
      family: 4,
    });
  });

  it('refuses a name that does not answer in time', async () => {
    const never: Resolve = () => new Promise(() => {});
    expect(await checkTarget('https://slow.example.org/', { ...policy(never), timeoutMs: 50 })).toEqual({
      refused: 'host slow.example.org does not resolve (no answer within 50 ms)',
    });
  });

  it('allows plain http to loopback only when private targets are allowed, and never to another address', async () => {
    expect(await checkTarget('http://127.0.0.1:9/hook', policy(resolveTo()))).toEqual({
      refused: '127.0.0.1 is in the loopback range; webhooks go to public addresses only',
    });
    expect(await checkTarget('http://127.0.0.1:9/hook', policy(resolveTo(), true))).toMatchObject({
      address: '127.0.0.1',
    });
    expect(await checkTarget('http://hooks.example.org/', policy(resolveTo('93.184.216.34'), true))).toEqual({
      refused: 'must be an https:// URL',
    });
  });

  it.each([
    ['not a url', 'is not an absolute URL'],
    ['ftp://hooks.example.org/', 'must be an https:// URL'],
    ['file:///etc/passwd', 'must be an https:// URL'],
    ['https://user:secret@hooks.example.org/', 'must not carry a user name or password'],
  ])('refuses %s', async (url, refused) => {
    expect(await checkTarget(url, policy(resolveTo('93.184.216.34')))).toEqual({ refused });
  });
});
