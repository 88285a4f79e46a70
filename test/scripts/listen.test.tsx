/**
 * Issue 36: what decides where `npm start`'s n8n listens and with which password, and the /proc
 * reading the end-to-end tests use to see what really listens.
 */
import { createServer, type Server } from 'node:net';

import { beyondLoopback, DOCUMENTED_OWNER, hexAddress, isLoopback, listeningAddresses, listenSettings } from '../../scripts/lib/listen';

describe('listenSettings', () => {
	it('loopback by default, with the documented login and no secure cookie (plain http on this machine)', () => {
		for (const env of [{}, { N8N_LISTEN_ADDRESS: '' }, { N8N_LISTEN_ADDRESS: '127.0.0.1' }, { N8N_LISTEN_ADDRESS: '::1' }]) {
			expect(listenSettings(env)).toEqual({ address: env.N8N_LISTEN_ADDRESS || '127.0.0.1', network: false, owner: DOCUMENTED_OWNER, secureCookie: false });
		}
	});

	it('on the network only when asked, and then never with the documented password; secure cookies unless told otherwise', () => {
		for (const address of ['0.0.0.0', '::', '192.0.2.10']) {
			const settings = listenSettings({ N8N_LISTEN_ADDRESS: address });
			expect(settings.network).toBe(true);
			expect(settings.address).toBe(address);
			expect(settings.owner.password).not.toBe(DOCUMENTED_OWNER.password);
			expect(settings.owner.password.length).toBeGreaterThanOrEqual(20);
			expect(settings.secureCookie).toBe(true);
		}
		const a = listenSettings({ N8N_LISTEN_ADDRESS: '0.0.0.0' }).owner.password;
		const b = listenSettings({ N8N_LISTEN_ADDRESS: '0.0.0.0' }).owner.password;
		expect(a).not.toBe(b);
		expect(listenSettings({ N8N_LISTEN_ADDRESS: '0.0.0.0', N8N_SECURE_COOKIE: 'false' }).secureCookie).toBe(false);
	});
});

describe('listeningAddresses (from /proc)', () => {
	const servers: Server[] = [];
	afterAll(async () => {
		for (const server of servers) await new Promise((r) => server.close(r));
	});
	const listen = async (host: string) =>
		await new Promise<number>((resolve) => {
			const server = createServer().listen(0, host, () => resolve((server.address() as { port: number }).port));
			servers.push(server);
		});

	it('finds this process\'s loopback listeners, IPv4 and IPv6, and nothing beyond loopback', async () => {
		const v4 = await listen('127.0.0.1');
		const v6 = await listen('::1');
		const found = listeningAddresses(process.pid);
		expect(found).toContain(`127.0.0.1:${v4}`);
		expect(found).toContain(`::1:${v6}`);
		expect(beyondLoopback(process.pid)).toEqual([]);
	});
});

describe('reading /proc/net addresses', () => {
	it.each([
		['0100007F', '127.0.0.1', true],
		['00000000', '0.0.0.0', false],
		['0A00A8C0', '192.168.0.10', false],
		['00000000000000000000000001000000', '::1', true],
		['00000000000000000000000000000000', '::', false],
		['0000000000000000FFFF00000100007F', '::ffff:127.0.0.1', true],
	])('%s is %s (loopback: %s)', (hex, address, loopback) => {
		expect(hexAddress(hex)).toBe(address);
		expect(isLoopback(address)).toBe(loopback);
	});
});
