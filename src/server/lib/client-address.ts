// Which client a request or a connection comes from, for the limits that count per client (failed
// logins, open connections). Pure; the address itself comes from Fastify (request.ip, which follows
// TRUST_PROXY) or from the socket.
import proxyAddr from '@fastify/proxy-addr';
import ipaddr from 'ipaddr.js';

/**
 * The unit a limit counts: an IPv4 address (also when written IPv4-mapped, ::ffff:192.0.2.1), or the
 * /64 network of an IPv6 address. One subscriber gets a whole /64 and can pick any address in it,
 * so counting single IPv6 addresses would give an attacker 2^64 fresh limits.
 */
export function clientKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  try {
    return `${ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/64`).toString()}/64`;
  } catch {
    // An address with a zone (fe80::1%eth0) is link-local: count it as written.
    return address;
  }
}

/**
 * Whether the peer of a connection is a proxy we trust (TRUST_PROXY), whose connections carry many
 * clients and so are not limited per address here: the proxy limits its clients itself. A hop
 * count trusts whatever connects (Keukentafel is then reachable through the proxy only).
 */
export function isTrustedProxy(trustProxy: number | string | false): (address: string) => boolean {
  if (trustProxy === false) return () => false;
  if (typeof trustProxy === 'number') return () => trustProxy > 0;
  const trusted = proxyAddr.compile(trustProxy.split(',').map((value) => value.trim()));
  return (address) => trusted(address, 0);
}
