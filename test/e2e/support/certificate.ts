// HTTPS in the end-to-end tests: the session host's own certificate (made as the host makes
// it), and the Chromium flag that trusts exactly that certificate's key — rather than
// --ignore-certificate-errors, which would trust anything and so prove nothing.
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  ensureHostCertificate,
  type HostCertificate,
} from '../../../electron/host/session/certificate';

/** Base64 SHA-256 of the certificate's SubjectPublicKeyInfo, as Chromium's SPKI list wants. */
export function spkiHash(certificatePem: string): string {
  const spki = new X509Certificate(certificatePem).publicKey.export({
    type: 'spki',
    format: 'der',
  });
  return createHash('sha256').update(spki).digest('base64');
}

/** Chromium trusts a certificate with this key, and no other self-made one. */
export function trustCertificateArgs(certificatePem: string): string[] {
  return [`--ignore-certificate-errors-spki-list=${spkiHash(certificatePem)}`];
}

export interface TestCertificate {
  readonly certificate: HostCertificate;
  remove(): Promise<void>;
}

/** A host certificate for 127.0.0.1 in a folder of its own. */
export async function makeTestCertificate(): Promise<TestCertificate> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'werkstatt-e2e-cert-'));
  const certificate = await ensureHostCertificate({ dir, addresses: ['127.0.0.1'] });
  return { certificate, remove: () => rm(dir, { recursive: true, force: true }) };
}
