/**
 * The Content-Security-Policy of every Gemba page, in the browser mode (main/host) and in
 * Electron (main/app). One string so the two windows onto the same UI cannot drift apart.
 *
 * - default-src/script-src/connect-src 'self': no remote script, style, font or fetch — nothing
 *   leaves the machine even if a label smuggles markup into the page.
 * - No 'unsafe-eval', not even 'wasm-unsafe-eval': the Graphviz layout (@viz-js/viz, wasm) runs
 *   in the engine, not in the page, and the plotly traces we use need no eval. The e2e fixture
 *   fails any test whose page reports a CSP violation, so a feature that needs more is noticed.
 * - style-src 'unsafe-inline': React `style=` props and plotly.js inject inline styles; styles
 *   cannot run code or reach the network under this policy.
 * - img-src data: blob:: plotly's toImage and the map's SVG export use data/blob URLs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every response of the local host. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), bluetooth=()',
};
