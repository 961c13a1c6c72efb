// isAppUrl decides which pages may navigate, and which frames may call the main
// process over IPC: it must accept exactly the app's own origin and nothing that
// merely looks like it.
import { describe, expect, it } from 'vitest';
import {
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  APP_START_URL,
  isAppUrl,
} from '../../../electron/security/appOrigin';

describe('the app origin', () => {
  it('is app://werkstatt and the start page lies on it', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_HOST).toBe('werkstatt');
    expect(APP_ORIGIN).toBe('app://werkstatt');
    expect(new URL(APP_START_URL).pathname).toBe('/index.html');
    expect(isAppUrl(APP_START_URL)).toBe(true);
  });
});

describe('isAppUrl', () => {
  it.each([
    'app://werkstatt/index.html',
    'app://werkstatt/',
    'app://werkstatt',
    'app://werkstatt/assets/app.js?v=2#top',
    'app://werkstatt/workshops/42',
  ])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    // Lookalike hosts and ports.
    'app://werkstatt.evil/index.html',
    'app://werkstatt.evil',
    'app://evil.werkstatt/index.html',
    'app://werkstatt-evil/',
    'app://werkstatt./',
    'app://werkstatt:8080/',
    'app://werkstatt@evil/',
    'app://other/index.html',
    'app:werkstatt/index.html',
    'app:///werkstatt/index.html',
    // Other schemes, including the ones the app's files could be reached by.
    'file:///work/main/dist/index.html',
    'file://werkstatt/index.html',
    'http://localhost:4870/',
    'http://127.0.0.1:4870/index.html',
    'https://werkstatt/',
    'http://werkstatt/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    // Not URLs at all.
    'werkstatt',
    '/index.html',
    'not a url',
    'app://werkstatt\\evil/',
    '',
  ])('rejects %j', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('rejects a missing URL', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
  });
});
