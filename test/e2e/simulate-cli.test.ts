import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoPath, REPO_ROOT } from '../helpers/paths.ts';
import { main } from '../../src/cli/main.ts';

const ENVELOPE = (ns: string) =>
  `<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><x:invoices_Update xmlns:x="${ns}"><x:login><x:username>sim-user</x:username><x:password>sim-password</x:password></x:login><x:invoices><x:invoice><x:id>C-1</x:id></x:invoice></x:invoices></x:invoices_Update></SOAP-ENV:Body></SOAP-ENV:Envelope>`;

describe('conformance simulate', () => {
  it('serves every vendor on 127.0.0.1, answers a client using other prefixes, and stops on SIGTERM with exit 0', async () => {
    const child = spawn(process.execPath, [repoPath('src/cli/bin.js'), 'simulate', '--port', '0'], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      await waitFor(() => stdout.includes('Test credentials'), 15_000);
      const urls = Object.fromEntries([...stdout.matchAll(/^ {2}(\S+\/\S+)\s+(http:\/\/\S+)$/gm)].map((m) => [m[1], m[2]]));
      // One line per contract; a vendor's contracts share its base URL (one host per vendor).
      expect(Object.keys(urls)).toHaveLength(8);
      expect(new Set(Object.values(urls)).size).toBe(5);
      expect(urls['crmcom/authentication_token']).toBe(urls['crmcom/invoices_update']);
      for (const url of Object.values(urls)) expect(new URL(url ?? '').hostname).toBe('127.0.0.1');
      expect(stdout).toContain('CENTRA_USERNAME=sim-user CENTRA_PASSWORD=sim-password');
      const res = await fetch(`${urls['centra/invoices_Update'] ?? ''}/ams/system/service/module/soap/api`, {
        method: 'POST',
        headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '"http://www.centra.com/webservices/Invoices_Update"' },
        body: ENVELOPE('http://www.centra.com/webservices/'),
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/<ns1:result\s*\/>|<ns1:result>/);
      await waitFor(() => stdout.includes('POST /ams/system/service/module/soap/api  200 result-empty'), 5000);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stdout).toContain('Simulators stopped.');
  });

  it('refuses a bad --port as a usage error (exit 2)', async () => {
    let stderr = '';
    const io = { stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) }, color: false, setExitCode: () => undefined };
    expect(await main(['simulate', '--port', 'eighty'], io)).toBe(2);
    expect(stderr).toContain('expected a port number');
  });
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting for the simulator output');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
