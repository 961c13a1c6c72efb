// The Content-Security-Policy is what keeps injected markup from running: scripts
// only from the app, no eval, no inline code, no plugins, no framing. It is also
// pasted into an HTML attribute at build time, so it must stay attribute-safe.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../electron/security/csp';

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(map.has(name), `directive ${name} appears twice`).toBe(false);
    map.set(name, sources);
  }
  return map;
}

describe('CONTENT_SECURITY_POLICY', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it("allows scripts only from 'self'", () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it('allows no inline code, eval or wildcard sources anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-inline'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-hashes'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("'wasm-unsafe-eval'");
    for (const [name, sources] of policy) {
      expect(sources, name).not.toContain('*');
      expect(sources, name).not.toContain('http:');
      expect(sources, name).not.toContain('https:');
    }
  });

  it('blocks plugins, <base> rewriting and form submission', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it('is safe to place inside a double-quoted HTML attribute', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/["<>&\n]/);
  });
});

describe('SECURITY_HEADERS', () => {
  it('sends the policy plus frame-ancestors, which a <meta> policy cannot carry', () => {
    const header = SECURITY_HEADERS['Content-Security-Policy'];
    expect(header).toBeDefined();
    const policy = directives(header ?? '');
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(header?.startsWith(CONTENT_SECURITY_POLICY)).toBe(true);
  });

  it('forbids MIME sniffing and framing and leaks no referrer', () => {
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['X-Frame-Options']).toBe('DENY');
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('no-referrer');
    expect(SECURITY_HEADERS['Cross-Origin-Opener-Policy']).toBe('same-origin');
  });
});
