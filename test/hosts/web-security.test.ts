import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, securityHeaders } from '../../src/main/hosts/web-security';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

test('the CSP allows only our own origin: no inline code, no eval, no remote content, no framing', () => {
  const d = directives(CONTENT_SECURITY_POLICY);
  assert.deepEqual(d.get('default-src'), ["'none'"]);
  assert.deepEqual(d.get('script-src'), ["'self'"]);
  assert.deepEqual(d.get('style-src'), ["'self'"]);
  assert.deepEqual(d.get('connect-src'), ["'self'"]);
  assert.deepEqual(d.get('img-src'), ["'self'", 'data:']);
  // Quick Look: audio, video and PDF frames from the own file route, nothing else.
  assert.deepEqual(d.get('media-src'), ["'self'"]);
  assert.deepEqual(d.get('frame-src'), ["'self'"]);
  assert.deepEqual(d.get('object-src'), ["'none'"]);
  assert.deepEqual(d.get('base-uri'), ["'none'"]);
  assert.deepEqual(d.get('form-action'), ["'none'"]);
  assert.deepEqual(d.get('frame-ancestors'), ["'none'"]);
  for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:']) {
    assert.ok(!CONTENT_SECURITY_POLICY.includes(unsafe), `CSP must not contain ${unsafe}`);
  }
});

test('the browser host adds only its own ws:// origin to connect-src', () => {
  const d = directives(contentSecurityPolicy(['ws://127.0.0.1:7317']));
  assert.deepEqual(d.get('connect-src'), ["'self'", 'ws://127.0.0.1:7317']);
  assert.deepEqual(d.get('script-src'), ["'self'"]);
});

test('every response carries nosniff, no-referrer and the CSP', () => {
  const h = securityHeaders();
  assert.equal(h['X-Content-Type-Options'], 'nosniff');
  assert.equal(h['Referrer-Policy'], 'no-referrer');
  assert.equal(h['Content-Security-Policy'], CONTENT_SECURITY_POLICY);
  assert.ok(!Object.keys(h).some((k) => k.toLowerCase().startsWith('access-control-')), 'no CORS headers');
});
