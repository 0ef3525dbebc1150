import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/** A host name's addresses, as `dns.lookup(name, { all: true })` gives them. */
export type Resolve = (hostname: string) => Promise<ReadonlyArray<{ address: string; family: number }>>;

/** The system resolver (getaddrinfo): the addresses a connection to the name would use. */
export const systemResolve: Resolve = (hostname) => lookup(hostname, { all: true, verbatim: true });

/** A URL that may receive webhooks, and the address it was checked at: connect there and nowhere else. */
export interface CheckedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/** Why a URL may not receive webhooks, for a person to read. */
export interface TargetRefusal {
  refused: string;
}

export interface TargetPolicy {
  /** private, loopback and link-local addresses allowed, and plain http to loopback (tests only) */
  allowPrivateTargets: boolean;
  resolve: Resolve;
  /** how long name resolution may take, in milliseconds */
  timeoutMs: number;
}

/**
 * The ipaddr.js ranges a webhook may reach: public unicast only. Everything else, including the
 * private, loopback, link-local, unique-local, CGNAT, multicast, unspecified, broadcast, reserved
 * and documentation ranges, and the IPv6 forms that carry an IPv4 address (6to4, Teredo, NAT64)
 * is refused; an IPv4-mapped IPv6 address is judged as the IPv4 address it maps.
 */
const PUBLIC_RANGES = new Set(['unicast']);

/** ipaddr.js's range names as people write them. */
const RANGE_NAMES: Readonly<Record<string, string>> = {
  linkLocal: 'link-local',
  uniqueLocal: 'unique-local',
  carrierGradeNat: 'carrier-grade NAT',
  ipv4Mapped: 'IPv4-mapped',
};

/** The range an address is in when it may not be reached, or null when it is public. */
export function blockedRange(address: string): string | null {
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  const range = parsed.range();
  return PUBLIC_RANGES.has(range) ? null : range;
}

/** The URL's host as an address when it is one (`[::1]` without its brackets), else null. */
function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? ipaddr.parse(bare).toString() : null;
}

async function resolveWithin(policy: TargetPolicy, hostname: string) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${policy.timeoutMs} ms`)), policy.timeoutMs);
  });
  try {
    return await Promise.race([policy.resolve(hostname), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Checks a subscription URL, at subscription and again before every attempt (so a name that
 * later resolves elsewhere is caught): `https`, or `http` to loopback when private targets are
 * allowed; the host is, or resolves only to, addresses webhooks may reach. Every address of a
 * name must pass, not just the first: the answer that is used is the one that was checked.
 */
export async function checkTarget(text: string, policy: TargetPolicy): Promise<CheckedTarget | TargetRefusal> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { refused: 'is not an absolute URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { refused: 'must be an https:// URL' };
  if (url.username || url.password) return { refused: 'must not carry a user name or password' };
  const literal = literalAddress(url.hostname);
  let addresses: Array<{ address: string; family: number }>;
  if (literal) {
    addresses = [{ address: literal, family: ipaddr.parse(literal).kind() === 'ipv6' ? 6 : 4 }];
  } else {
    try {
      addresses = [...(await resolveWithin(policy, url.hostname))];
    } catch (error) {
      return { refused: `host ${url.hostname} does not resolve (${(error as Error).message})` };
    }
    if (addresses.length === 0) return { refused: `host ${url.hostname} does not resolve` };
  }
  if (!policy.allowPrivateTargets) {
    for (const { address } of addresses) {
      const range = blockedRange(address);
      if (range !== null) {
        const where = literal ? address : `${url.hostname} resolves to ${address}, which`;
        return {
          refused: `${where} is in the ${RANGE_NAMES[range] ?? range} range; webhooks go to public addresses only`,
        };
      }
    }
  }
  if (url.protocol === 'http:') {
    const loopback = addresses.every(({ address }) => blockedRange(address) === 'loopback');
    if (!(policy.allowPrivateTargets && loopback)) return { refused: 'must be an https:// URL' };
  }
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

export function isRefusal(target: CheckedTarget | TargetRefusal): target is TargetRefusal {
  return 'refused' in target;
}
