import { afterAll, describe, expect, it } from 'vitest';
import { hostsFor } from '../../functions/http/host-check.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { appWith, servicesWith } from '../intake/harness.ts';
import { ADMIN, CID } from './helpers.ts';

const store = openSqliteStore(':memory:');
afterAll(() => store.close());
const services = servicesWith(store);
const app = appWith(services);

describe('every response', () => {
  it.each([
    ['GET', '/healthz', 200],
    ['GET', `/api/pengumuman/${CID}`, 200],
    ['GET', `/pengumuman/${CID}`, 200],
    ['GET', '/no-such-page', 404],
    ['GET', '/admin/innovations', 401],
    ['POST', '/intake/form', 401],
    ['GET', '/sekretariat', 303],
  ])('%s %s (%i) says nosniff', async (method, path, status) => {
    const res = await app.request(`http://localhost${path}`, {
      method,
      headers: { origin: 'http://localhost' },
    });
    expect(res.status).toBe(status);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('the Host allow-list (DNS rebinding)', () => {
  const rebound = appWith({
    ...services,
    allowedHosts: hostsFor({ hostname: '127.0.0.1', port: 8787 }, undefined) ?? [],
  });
  const ask = (host: string, path = '/admin/innovations') =>
    rebound.request(`http://${host}${path}`, { headers: { ...ADMIN, host, origin: `http://${host}` } });

  it('answers the names it listens on, and refuses any other name with a message that says what to do', async () => {
    for (const host of ['127.0.0.1:8787', 'localhost:8787', '[::1]:8787'])
      expect((await ask(host)).status).toBe(200);
    for (const host of ['rebind.example:8787', 'localhost:9999', 'rebind.example']) {
      const res = await ask(host);
      expect(res.status).toBe(403);
      expect((await res.json()).error.message).toContain('JURI_HOSTS');
    }
    expect((await ask('rebind.example:8787', '/daftar')).status).toBe(403);
  });

  it('takes its names from the config and the listening address', () => {
    expect(hostsFor({ hostname: '0.0.0.0', port: 8080 }, undefined)).toBeUndefined();
    expect(hostsFor({ hostname: '0.0.0.0', port: 8080 }, 'juri.example.id, Juri.Example.id:443')).toEqual([
      'localhost:8080',
      '127.0.0.1:8080',
      '[::1]:8080',
      'juri.example.id:8080',
      'juri.example.id:443',
    ]);
    expect(hostsFor({ hostname: '192.168.1.5', port: 80 }, undefined)).toEqual(
      expect.arrayContaining(['192.168.1.5:80', '192.168.1.5', 'localhost']),
    );
  });
});
