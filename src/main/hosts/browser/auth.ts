import * as crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The cookie that carries the token after the first visit with `?token=` (assets and the WebSocket send it). */
export const TOKEN_COOKIE = 'ferry_token';

/** A fresh per-run secret: 24 random bytes, URL-safe. */
export function createToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

/** Constant-time comparison: hashing first makes lengths equal, so length leaks nothing either. */
export function tokensEqual(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b) && given.length === expected.length;
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    try { cookies.set(name, decodeURIComponent(value)); } catch { cookies.set(name, value); }
  }
  return cookies;
}

/** How a request proved (or failed to prove) that it knows the token. */
export type TokenCheck = { ok: true; via: 'query' | 'cookie' } | { ok: false };

export function checkToken(req: IncomingMessage, query: URLSearchParams, expected: string): TokenCheck {
  const fromQuery = query.get('token');
  if (fromQuery !== null && tokensEqual(fromQuery, expected)) return { ok: true, via: 'query' };
  const fromCookie = parseCookies(req.headers.cookie).get(TOKEN_COOKIE);
  if (fromCookie !== undefined && tokensEqual(fromCookie, expected)) return { ok: true, via: 'cookie' };
  return { ok: false };
}

export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** The Host header values a loopback server on `port` answers to (DNS-rebinding defence). */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
}

export function hostAllowed(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/** An absent Origin (non-browser clients, same-origin GETs) is fine; a present one must be ours. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return allowedHosts(port).some((h) => origin.toLowerCase() === `http://${h}`);
}
