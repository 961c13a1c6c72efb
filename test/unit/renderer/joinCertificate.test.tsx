// @vitest-environment jsdom
// The desktop app joining an https session it does not know: the join screen shows the
// host certificate's fingerprint and asks the user to compare it with the facilitator's
// screen; only "it matches" asks again, now with that fingerprint (which the main process
// then pins). A changed certificate is called out. The link to the room is saved only then.
import 'fake-indexeddb/auto';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WerkstattBridge } from '../../../shared/ipc/contract';
import type { SessionInfoResult } from '../../../shared/sync/fetchSessionInfo';
import { JoinScreen } from '../../../renderer/components/JoinScreen';
import { SessionInvite } from '../../../renderer/components/SessionInvite';
import { initI18n } from '../../../renderer/i18n';
import { db } from '../../../renderer/app/database';
import { fingerprintInJoinLink, joinUrl } from '../../../renderer/sync/joinLink';
import {
  compactFingerprint,
  normalizeFingerprint,
} from '../../../shared/sync/certificateFingerprint';
import { buttonNamed, fieldLabelled, typeInto } from './support/userInput';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const FINGERPRINT = Array.from({ length: 32 }, (_, index) =>
  ((index * 7 + 3) % 256).toString(16).padStart(2, '0').toUpperCase(),
).join(':');
const OLD_FINGERPRINT = FINGERPRINT.replace(/^../, 'FF');
const BASE = 'https://192.168.8.23:4871';

let container: HTMLDivElement;
let root: Root;
let lookup: ReturnType<typeof vi.fn>;

function bridge(previous: string | null): void {
  lookup = vi.fn(
    async (_base: string, _code: string, fingerprint?: string): Promise<SessionInfoResult> =>
      fingerprint === FINGERPRINT
        ? {
            ok: true,
            info: {
              workshopId: 'ws-lindenau',
              title: 'Digitalstrategie Lindenau',
              relayPath: '/relay/ws-lindenau',
              signalingPath: '/signal',
            },
          }
        : { ok: false, reason: 'certificateUnconfirmed', fingerprint: FINGERPRINT, previous },
  );
  (window as { werkstatt?: Partial<WerkstattBridge> }).werkstatt = {
    'session:lookup': lookup as unknown as WerkstattBridge['session:lookup'],
    'session:discover': async () => [],
  };
}

function type(label: string, value: string): void {
  typeInto(fieldLabelled(container, label), value);
}

const button = (name: string) => buttonNamed(container, name);

async function settle(): Promise<void> {
  for (let index = 0; index < 5; index++) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
}

async function fillAndJoin(): Promise<void> {
  type('Session address', BASE);
  type('Join code', 'K7QM-3XRD');
  type('Your name (shown to the others)', 'Anna');
  await act(async () => button('Join').click());
  await settle();
}

beforeAll(async () => {
  await initI18n();
  const { default: i18next } = await import('i18next');
  await i18next.changeLanguage('en');
});
beforeEach(() => {
  window.location.hash = '#/join';
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(async () => {
  act(() => root.unmount());
  container.remove();
  delete (window as { werkstatt?: unknown }).werkstatt;
  await db.workshops.clear();
});

describe('joining an https session from the desktop app', () => {
  it('shows the fingerprint and asks again, with it, only after the user confirms', async () => {
    bridge(null);
    act(() => root.render(<JoinScreen initialCode="" />));
    await fillAndJoin();
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup.mock.calls[0]?.[2]).toBeUndefined();
    const check = container.querySelector('[data-testid="certificate-check"]');
    expect(check?.textContent).toContain('The join code has not been sent yet');
    const shown = container.querySelector('[data-testid="certificate-fingerprint"]')?.textContent;
    expect(normalizeFingerprint(shown ?? '')).toBe(FINGERPRINT);
    expect(document.activeElement?.id).toBe('certificate-check-heading');
    expect(await db.workshops.get('ws-lindenau')).toBeUndefined();

    await act(async () => button('It matches – join').click());
    await settle();
    expect(lookup).toHaveBeenLastCalledWith(BASE, 'K7QM3XRD', FINGERPRINT);
    expect(window.location.hash).toBe('#/w/ws-lindenau/board');
    expect((await db.workshops.get('ws-lindenau'))?.link?.baseUrl).toBe(BASE);
  });

  it('warns when the certificate at this address changed, and Cancel joins nothing', async () => {
    bridge(OLD_FINGERPRINT);
    act(() => root.render(<JoinScreen initialCode="" />));
    await fillAndJoin();
    const check = container.querySelector('[data-testid="certificate-check"]');
    expect(check?.querySelector('[role="alert"]')?.textContent).toContain(
      'different certificate answers at this address',
    );
    await act(async () => button('Cancel').click());
    expect(container.querySelector('[data-testid="certificate-check"]')).toBeNull();
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(window.location.hash).toBe('#/join');
  });

  it('needs no question when the pasted join link carries the fingerprint', async () => {
    bridge(null);
    act(() => root.render(<JoinScreen initialCode="" />));
    type('Session address', joinUrl(BASE, 'K7QM3XRD', FINGERPRINT));
    type('Join code', 'K7QM3XRD');
    type('Your name (shown to the others)', 'Anna');
    await act(async () => button('Join').click());
    await settle();
    expect(lookup).toHaveBeenCalledExactlyOnceWith(BASE, 'K7QM3XRD', FINGERPRINT);
    expect(window.location.hash).toBe('#/w/ws-lindenau/board');
  });
});

describe('the facilitator’s invitation with HTTPS', () => {
  it('shows the fingerprint to compare, and the QR code opens the https join link', async () => {
    act(() =>
      root.render(<SessionInvite baseUrl={BASE} code="K7QM3XRD" fingerprint={FINGERPRINT} />),
    );
    await settle();
    const shown = container.querySelector('[data-testid="certificate-fingerprint"]');
    expect(shown?.querySelectorAll('code')).toHaveLength(2);
    expect(normalizeFingerprint(shown?.textContent ?? '')).toBe(FINGERPRINT);
    expect(container.textContent).toContain('compare the SHA-256 fingerprint');
    expect(container.querySelector('img')?.getAttribute('alt')).toContain(
      joinUrl(BASE, 'K7QM3XRD', FINGERPRINT),
    );
  });

  it('shows no fingerprint for a plain-http session', async () => {
    act(() =>
      root.render(
        <SessionInvite baseUrl="http://192.168.8.23:4871" code="K7QM3XRD" fingerprint={null} />,
      ),
    );
    await settle();
    expect(container.querySelector('[data-testid="certificate-fingerprint"]')).toBeNull();
  });
});

describe('the join link', () => {
  it('carries the fingerprint compactly, and any usual spelling reads back the same', () => {
    const link = joinUrl(BASE, 'K7QM3XRD', FINGERPRINT);
    expect(link).toBe(`${BASE}/#/join?code=K7QM3XRD&fp=${compactFingerprint(FINGERPRINT)}`);
    expect(fingerprintInJoinLink(link)).toBe(FINGERPRINT);
    expect(joinUrl('http://192.168.8.23:4871', 'K7QM3XRD')).toBe(
      'http://192.168.8.23:4871/#/join?code=K7QM3XRD',
    );
    expect(fingerprintInJoinLink('192.168.8.23:4871')).toBeNull();
    expect(fingerprintInJoinLink(`${BASE}/#/join?code=K7QM3XRD&fp=nonsense`)).toBeNull();
    expect(normalizeFingerprint(FINGERPRINT.replaceAll(':', ' ').toLowerCase())).toBe(FINGERPRINT);
  });
});
