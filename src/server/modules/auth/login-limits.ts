// How many failed logins are let through, counted per what. Pure: the keys and the limits; the
// login takes a slot of each key (lib/rate-limit.ts, in the database, shared by every process)
// before it checks a password, and gives it back when the password was right.
//
// The limits slow an *address*, never an account as such: wrong passwords from one address cannot
// lock the account's owner out, who logs in from another address as usual.
// - per address and account: guessing one account's password from one address;
// - per address: a spray of a few passwords over many accounts from one address.
// A process remembers a refused key for a few seconds (RefusalMemory in lib/rate-limit.ts), so a
// client that keeps trying costs the database next to nothing.
// An IPv6 address counts by its /64 network (lib/client-address.ts). The e-mail address is in the
// key as a hash: what people type in the e-mail field is not kept. The keys do not depend on
// whether the account exists, so the answers do not tell.
import { createHash } from 'node:crypto';
import type { Limit } from '../../lib/rate-limit';
import { clientKey } from '../../lib/client-address';

/** 5 failed passwords for one account from one address per 15 minutes. */
export const ADDRESS_ACCOUNT_LIMIT: Limit = { limit: 5, windowSeconds: 15 * 60 };
/** 30 failed passwords from one address per 15 minutes, over all accounts together. */
export const ADDRESS_LIMIT: Limit = { limit: 30, windowSeconds: 15 * 60 };

/**
 * How long a process answers a refused key from memory before it asks the database again; also
 * how long a `user unlock` may take to reach a running server.
 */
export const REMEMBER_REFUSALS_MS = 5000;

export type LoginLimitKind = 'address' | 'address_account';

export interface LoginLimitKey {
  kind: LoginLimitKind;
  key: string;
  limit: Limit;
}

/** The normal form of an e-mail address typed at the login (accounts are unique by it). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function accountPart(email: string): string {
  return createHash('sha256').update(normaliseEmail(email)).digest('hex');
}

/** The prefix of every key of one account, whatever the address (`user unlock` clears them). */
export function accountKeyPrefix(email: string): string {
  return `login:account:${accountPart(email)}:`;
}

export function addressKey(address: string): string {
  return `login:address:${clientKey(address)}`;
}

/** The keys a login from `address` for `email` takes a slot of, the address's own first. */
export function loginLimitKeys(address: string, email: string): LoginLimitKey[] {
  return [
    { kind: 'address', key: addressKey(address), limit: ADDRESS_LIMIT },
    { kind: 'address_account', key: `${accountKeyPrefix(email)}address:${clientKey(address)}`, limit: ADDRESS_ACCOUNT_LIMIT },
  ];
}

/** The Dutch message for a refused login, with the wait rounded up to whole minutes. */
export function tooManyAttemptsMessage(waitSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(waitSeconds / 60));
  return `Te veel mislukte pogingen. Probeer het over ${minutes === 1 ? '1 minuut' : `${minutes} minuten`} opnieuw.`;
}
