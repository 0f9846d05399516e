// Open connections per client address. Counted on the server's 'connection' event, before a byte
// is read: one host that opens thousands of connections (and sends nothing, or a header a byte at a
// time) gets its first `perAddress` and the rest are reset at once, so everybody else is still
// served. The header and request timeouts (app.ts) end the connections it does keep.
//
// Per process: with KEUKENTAFEL_PROCESSES=n each worker counts its own connections (the cluster's
// primary hands connections out in turn), so app.ts gives each worker 1/n of the limit. Behind a
// trusted proxy (TRUST_PROXY) every connection comes from the proxy: those are not counted here,
// the proxy must limit its clients (README, "Reverse proxy").
import type { Server, Socket } from 'node:net';
import { clientKey } from '../lib/client-address';

export interface ConnectionLimit {
  perAddress: number;
  /** Addresses not limited here (trusted proxies). */
  exempt: (address: string) => boolean;
  /** Called once when an address reaches the limit, and again only after all its connections closed. */
  onLimitReached?: (address: string) => void;
}

export function limitConnectionsPerAddress(server: Server, limit: ConnectionLimit): void {
  const open = new Map<string, number>();
  const reported = new Set<string>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress;
    if (!address || limit.exempt(address)) return;
    const key = clientKey(address);
    const count = open.get(key) ?? 0;
    if (count >= limit.perAddress) {
      if (!reported.has(key)) {
        reported.add(key);
        limit.onLimitReached?.(key);
      }
      // A reset, not a close: no TIME_WAIT left behind for each refused connection.
      socket.resetAndDestroy();
      return;
    }
    open.set(key, count + 1);
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left > 0) open.set(key, left);
      else {
        open.delete(key);
        reported.delete(key);
      }
    });
  });
}
