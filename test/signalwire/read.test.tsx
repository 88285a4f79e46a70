import type { INode } from 'n8n-workflow';

import { SIGNALWIRE_PROJECT } from '../../sandbox/signalwire/data';
import { spaceOrigin } from '../../nodes/SignalWire/transport';
import { requestsTo, useSandbox } from '../harness/sandbox';
import { signalWireCredentials } from '../../sandbox/signalwire/provider';
import { listSearch, loadOptions, runNode } from '../harness/runNode';

describe('SignalWire: get, list and dropdowns (absolute next links)', () => {
	const sandbox = useSandbox({ signalwireMaxPageSize: 40 });

	it('gets one number', async () => {
		const target = sandbox().state.signalwire.numbers[10];
		const result = await runNode({
			node: 'signalWire',
			parameters: { resource: 'phoneNumber', operation: 'get', phoneNumber: { __rl: true, mode: 'list', value: target.id } },
			credentials: signalWireCredentials(sandbox()),
		});
		expect(result.json).toEqual([target]);
		expect(requestsTo(sandbox(), 'signalwire').map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /api/relay/rest/phone_numbers/${target.id}`,
		]);
	});

	it('lists every number over several pages by following links.next', async () => {
		const result = await runNode({
			node: 'signalWire',
			parameters: { resource: 'phoneNumber', operation: 'getAll', returnAll: true },
			credentials: signalWireCredentials(sandbox()),
		});
		expect(result.json.map((n) => n.id)).toEqual(sandbox().state.signalwire.numbers.map((n) => n.id));
		const pages = requestsTo(sandbox(), 'signalwire');
		expect(pages).toHaveLength(Math.ceil(300 / 40));
		expect(pages[0].query.page_size).toBe('1000');
		expect(pages[1].query.page_token).toBeDefined();
	});

	it('stops at the limit and filters by name and number on the server', async () => {
		const limited = await runNode({
			node: 'signalWire',
			parameters: { resource: 'phoneNumber', operation: 'getAll', returnAll: false, limit: 5, filters: { name: 'support' } },
			credentials: signalWireCredentials(sandbox()),
		});
		expect(limited.json).toHaveLength(5);
		expect(limited.json.every((n) => String(n.name).toLowerCase().includes('support'))).toBe(true);
		expect(requestsTo(sandbox(), 'signalwire')[0].query).toMatchObject({ filter_name: 'support', page_size: '5' });

		sandbox().clearRequests();
		const byNumber = await runNode({
			node: 'signalWire',
			parameters: { resource: 'phoneNumber', operation: 'getAll', returnAll: true, filters: { number: '+1 888 555' } },
			credentials: signalWireCredentials(sandbox()),
		});
		expect(byNumber.json.length).toBe(30);
		expect(requestsTo(sandbox(), 'signalwire')[0].query.filter_number).toBe('+1888555');
	});

	it('searches the number list on the server and pages with the next link', async () => {
		const credentials = signalWireCredentials(sandbox());
		const first = await listSearch('searchPhoneNumbers', { node: 'signalWire', credentials });
		const target = sandbox().state.signalwire.numbers[0];
		expect(first.results[0]).toEqual({
			name: `${target.number.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '+1 $1-$2-$3')} · ${target.name as string}`,
			value: target.id,
		});
		expect(first.paginationToken).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/relay\/rest\/phone_numbers\?/);
		const second = await listSearch('searchPhoneNumbers', { node: 'signalWire', credentials, paginationToken: first.paginationToken });
		expect(second.results[0].value).toBe(sandbox().state.signalwire.numbers[40].id);

		sandbox().clearRequests();
		const byDigits = await listSearch('searchPhoneNumbers', { node: 'signalWire', credentials, filter: '(888) 555' });
		expect(byDigits.results.length).toBeGreaterThan(0);
		expect(requestsTo(sandbox(), 'signalwire')[0].query.filter_number).toBe('888555');
		const byName = await listSearch('searchPhoneNumbers', { node: 'signalWire', credentials, filter: 'Front desk' });
		expect(byName.results.every((r) => r.name.includes('Front desk'))).toBe(true);
		expect(requestsTo(sandbox(), 'signalwire')[1].query.filter_name).toBe('Front desk');
	});

	it.each([
		['getLamlApplications', () => sandbox().state.signalwire.lamlApplications.map((a) => a.sid), 'friendly_name'],
		['getSipEndpoints', () => sandbox().state.signalwire.sipEndpoints.map((e) => e.id), 'username'],
		['getRelayApplications', () => sandbox().state.signalwire.relayApplications.map((a) => a.name), 'name'],
		['getVideoRooms', () => sandbox().state.signalwire.videoRooms.map((r) => r.id), 'display_name'],
		['getDialogflowAgents', () => sandbox().state.signalwire.dialogflowAgents.map((a) => a.agentId), 'display_name'],
	])('%s loads every page, sorted by name', async (method, expected) => {
		const options = await loadOptions(method, { node: 'signalWire', credentials: signalWireCredentials(sandbox()) });
		expect(options.map((o) => o.value).sort()).toEqual(expected().sort());
		expect(requestsTo(sandbox(), 'signalwire').length).toBeGreaterThan(1);
		const names = options.map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});

	it("shows SignalWire's error when a dropdown fails", async () => {
		await expect(
			loadOptions('getSipEndpoints', { node: 'signalWire', credentials: signalWireCredentials(sandbox(), 'PTbad0000000000') }),
		).rejects.toMatchObject({ httpCode: '401' });
	});

	it('does not follow a next link to another host', async () => {
		sandbox().faults.add({
			kind: 'status',
			provider: 'signalwire',
			path: '/api/fabric/resources/sip_endpoints',
			status: 200,
			body: { data: [{ id: 'x', username: 'x' }], links: { next: 'https://attacker.example/steal' } },
			times: 1,
		});
		await expect(
			loadOptions('getSipEndpoints', { node: 'signalWire', credentials: signalWireCredentials(sandbox()) }),
		).rejects.toThrow(/another host \(attacker\.example\)/);
		expect(requestsTo(sandbox(), 'signalwire')).toHaveLength(1);
	});

	it('reads SIP endpoints from Fabric, and the deprecated Relay REST list only where Fabric answers 404', async () => {
		const fabric = await loadOptions('getSipEndpoints', { node: 'signalWire', credentials: signalWireCredentials(sandbox()) });
		expect(requestsTo(sandbox(), 'signalwire').every((r) => r.path === '/api/fabric/resources/sip_endpoints')).toBe(true);
		expect(fabric).toHaveLength(sandbox().state.signalwire.sipEndpoints.length);
		sandbox().clearRequests();
		sandbox().faults.add({ kind: 'status', provider: 'signalwire', path: '/api/fabric/resources/sip_endpoints', status: 404, body: { errors: [{ code: 'not_found', message: 'Not Found' }] } });
		const legacy = await loadOptions('getSipEndpoints', { node: 'signalWire', credentials: signalWireCredentials(sandbox()) });
		expect(requestsTo(sandbox(), 'signalwire').map((r) => r.path)).toContain('/api/relay/rest/endpoints/sip');
		expect(legacy).toEqual(fabric);
	});

	it('lists AI agents from Fabric, every page', async () => {
		const agents = await loadOptions('getAiAgents', { node: 'signalWire', credentials: signalWireCredentials(sandbox()) });
		expect(agents.map((a) => a.value).sort()).toEqual(sandbox().state.signalwire.aiAgents.map((a) => a.agentId).sort());
	});

	it.each([
		['getSipEndpoints', 'the Voice scope'],
		['getLamlApplications', 'the Voice, Messaging or Fax scope'],
		['getRelayApplications', 'the Voice, Messaging, Fax or Video scope'],
		['getDialogflowAgents', 'the Voice, Messaging, Fax or Video scope'],
		['getAiAgents', 'the Voice, Messaging, Fax or Video scope'],
		['getVideoRooms', 'the Video scope'],
	])('%s with a Numbers-only token shows the refusal and names %s', async (method, scope) => {
		const credentials = signalWireCredentials(sandbox(), SIGNALWIRE_PROJECT.numbersOnlyToken);
		const failure = await loadOptions(method, { node: 'signalWire', credentials }).then(
			() => undefined,
			(error: { httpCode?: string; description?: string; message?: string }) => error,
		);
		expect(['401', '403']).toContain(failure?.httpCode);
		expect(failure?.description).toContain(`needs a token with ${scope}`);
		expect(JSON.stringify(failure)).not.toContain(SIGNALWIRE_PROJECT.numbersOnlyToken);
	});
});

describe('SignalWire: relative next links', () => {
	const sandbox = useSandbox({ signalwireMaxPageSize: 40, signalwireLinks: 'relative' });

	it('follows relative links too', async () => {
		const result = await runNode({
			node: 'signalWire',
			parameters: { resource: 'phoneNumber', operation: 'getAll', returnAll: true },
			credentials: signalWireCredentials(sandbox()),
		});
		expect(result.json).toHaveLength(300);
		expect(requestsTo(sandbox(), 'signalwire')).toHaveLength(8);
	});
});

describe('SignalWire: space', () => {
	const node = { name: 'SignalWire' } as INode;

	it.each(['example', 'example.signalwire.com', 'https://example.signalwire.com', 'https://example.signalwire.com/', ' Example '])(
		'accepts %j as https://example.signalwire.com',
		(space) => {
			expect(spaceOrigin(node, space)).toBe('https://example.signalwire.com');
		},
	);

	it.each([
		'http://example.signalwire.com',
		'https://example.signalwire.com:8443',
		'https://example.signalwire.com/api',
		'https://user:pw@example.signalwire.com',
		'example.signalwire.com.evil.com',
		'evil.com',
		'https://evil.com/x.signalwire.com',
		'exa mple',
		'',
	])('refuses %j with the accepted forms', (space) => {
		expect(() => spaceOrigin(node, space)).toThrow(/example, example\.signalwire\.com or https:\/\/example\.signalwire\.com/);
	});

	it('fails before any request when the credential has a bad space and no sandbox base URL', async () => {
		const result = await runNode({
			node: 'signalWire',
			parameters: { resource: 'phoneNumber', operation: 'getAll', returnAll: true },
			credentials: { signalWirePhoneNumbersApi: { space: 'evil.com', projectId: SIGNALWIRE_PROJECT.projectId, apiToken: 'secret-token-1' } },
		});
		expect(result.error?.message).toContain('Space is not valid');
		expect(JSON.stringify(result.error)).not.toContain('secret-token-1');
	});
});
