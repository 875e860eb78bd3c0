import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * Who may talk to the local host. The host is reachable by every process and every web page on
 * this machine, so each request must prove it comes from the person who launched Gemba (the
 * per-launch token) through a page of ours (Host and Origin checks against DNS rebinding and
 * cross-site requests).
 */

/** 32 random bytes, URL-safe: unguessable, and fine in a query string and a cookie. */
export function newLaunchToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The cookie is named per port: cookies ignore ports, and two Gemba hosts may run at once. */
export function tokenCookieName(port: number): string {
  return `gemba_token_${port}`;
}

/** Constant-time comparison, so response timing does not leak how much of a guess was right. */
export function tokensMatch(expected: string, offered: string | null | undefined): boolean {
  if (typeof offered !== 'string' || offered.length === 0) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(offered, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function readCookie(headers: IncomingHttpHeaders, name: string): string | null {
  const header = headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export function readBearer(headers: IncomingHttpHeaders): string | null {
  const header = headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

/** The token a request carries: the cookie set at login, or an `Authorization: Bearer` header. */
export function hasValidToken(headers: IncomingHttpHeaders, token: string, port: number): boolean {
  return tokensMatch(token, readCookie(headers, tokenCookieName(port))) || tokensMatch(token, readBearer(headers));
}

/** The only Host values we answer: a rebinding attacker's page arrives with its own host name. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  return typeof hostHeader === 'string' && allowedHosts(port).includes(hostHeader.toLowerCase());
}

export function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((host) => `http://${host}`);
}

/**
 * A state-changing request must come from our own page (or from a non-browser client with no
 * Origin, which must then still carry the token). Browsers send Origin on every cross-site POST
 * and Sec-Fetch-Site on every request, so a foreign page is recognised by either.
 */
export function isSameOriginRequest(headers: IncomingHttpHeaders, port: number): boolean {
  const origin = headers.origin;
  if (origin !== undefined && !allowedOrigins(port).includes(origin.toLowerCase())) return false;
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  return true;
}

/** Set-Cookie value for the token: not readable by script, never sent on cross-site requests. */
export function tokenCookie(token: string, port: number): string {
  return `${tokenCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}
