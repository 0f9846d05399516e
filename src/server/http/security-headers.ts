// Security headers on every answer: the web app's pages, its files and the API.
//
// The Content-Security-Policy allows only the app's own files. Scripts: 'self' and nothing inline
// (Vite's build has no inline scripts; tests/http/hardening.test.ts checks dist/web/index.html).
// Styles: stylesheets and <style> elements only from files ('self'), but style *attributes* are
// allowed (style-src-attr 'unsafe-inline'): ECharts writes its tooltips as HTML strings with
// style="…" attributes (innerHTML), which a strict policy blocks. A style attribute cannot run
// script. (React's style props are set through the CSSOM, which CSP does not restrict.) Browsers
// without CSP level 3 fall back to style-src 'self': tooltips lose their styling, nothing more.
import type { FastifyInstance } from 'fastify';
import { API_VERSION, API_VERSION_HEADER } from './api-version';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-elem 'self'",
  "style-src-attr 'unsafe-inline'",
  // Inline SVG icons of the design system's CSS are data: URLs.
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const PERMISSIONS_POLICY = 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()';

/**
 * The headers of every answer, also the ones written on the bare socket (error-handler.ts).
 * `httpsOnly`: the installation is reached over HTTPS (the default; off only with ALLOW_PLAIN_HTTP),
 * so HSTS is sent on every answer. Browsers ignore it on an answer over plain HTTP (RFC 6797
 * §8.1), so it does no harm to the demo on http://localhost, and behind a proxy that terminates
 * TLS the app cannot tell which answers went out over HTTPS anyway.
 */
export function securityHeaders(options: { httpsOnly: boolean }): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'permissions-policy': PERMISSIONS_POLICY,
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    ...(options.httpsOnly ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

export function registerSecurityHeaders(app: FastifyInstance, options: { httpsOnly: boolean }): void {
  const headers = securityHeaders(options);
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(headers);
    // API answers hold personal data: no browser or proxy keeps a copy (a route may say it more
    // strictly, as a document's download does: private, no-store).
    if (request.url.startsWith('/api/') || request.url === '/api') {
      if (!String(reply.getHeader('cache-control') ?? '').split(/,\s*/).includes('no-store')) reply.header('cache-control', 'no-store');
      reply.header(API_VERSION_HEADER, API_VERSION);
    }
    return payload;
  });
}
