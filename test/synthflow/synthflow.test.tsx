import type { IDataObject, INode } from 'n8n-workflow';

import { SYNTHFLOW_KEYS, SYNTHFLOW_WORKSPACES } from '../../sandbox/synthflow/data';
import { synthflowBaseUrl } from '../../nodes/Synthflow/transport';
import { requestsTo, useSandbox } from '../harness/sandbox';
import { synthflowCredentials } from '../../sandbox/synthflow/provider';
import { listSearch, runNode } from '../harness/runNode';

const sandbox = useSandbox({ synthflowMaxPageSize: 25 });

function numbersOf(workspace: string) {
	return sandbox().state.synthflow.numbers.filter((n) => n.workspace_id === workspace);
}

function update(number: string, updateFields: IDataObject, credentials = synthflowCredentials(sandbox()), mode = number.trim().startsWith('+') ? 'number' : 'id') {
	return runNode({
		node: 'synthflow',
		parameters: {
			resource: 'phoneNumber',
			operation: 'update',
			phoneNumber: { __rl: true, mode, value: number },
			updateFields: updateFields as never,
			options: { retryDelayMs: 5 },
		},
		credentials,
	});
}

describe('Synthflow: update a phone number', () => {
	it('PATCHes the slug with exactly the fields set, Bearer auth, then reads the number back', async () => {
		const target = numbersOf(SYNTHFLOW_WORKSPACES.a)[1];
		const result = await update(target.phone_number, { friendlyName: 'Paris front desk' });
		expect(result.error).toBeUndefined();
		const sent = requestsTo(sandbox(), 'synthflow');
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /v2/numbers/${target.slug}`, `GET /v2/numbers/${target.slug}`]);
		expect(sent[0].body).toEqual({ friendly_name: 'Paris front desk' });
		expect(sent[0].headers.authorization).toBe(`Bearer ${SYNTHFLOW_KEYS.main}`);
		expect(sent[1].query.workspace).toBe(SYNTHFLOW_WORKSPACES.a);
		expect(result.json[0]).toMatchObject({ slug: target.slug, phone_number: target.phone_number, friendly_name: 'Paris front desk' });
	});

	it.each([
		['friendlyName', 'Line A', { friendly_name: 'Line A' }],
		['sipAuthUsername', 'agent7', { sip_auth_username: 'agent7' }],
		['sipOutboundProxy', 'sip:proxy.example.net:5060', { sip_outbound_proxy: 'sip:proxy.example.net:5060' }],
		['sipOutboundProxy', 'proxy.example.net:5060', { sip_outbound_proxy: 'proxy.example.net:5060' }],
		['sipTermUri', 'sip:+14155550000@trunk.example.net', { sip_term_uri: 'sip:+14155550000@trunk.example.net' }],
		['sipTermUri', '', { sip_term_uri: '' }],
		// A bare SIP domain, as Synthflow's own set-up guides have users enter it.
		['sipTermUri', 'sip.telnyx.com', { sip_term_uri: 'sip.telnyx.com' }],
		['sipTermUri', 'acme.pstn.twilio.com:5061', { sip_term_uri: 'acme.pstn.twilio.com:5061' }],
		['providerName', 'five9', { provider_name: 'five9' }],
		['trunkUsername', 'trunk-user', { trunk_username: 'trunk-user' }],
		['uacEnabled', false, { uac_enabled: false }],
		['uacRegisterExpires', 60, { uac_register_expires: 60 }],
		['uacRegisterExpires', 3600, { uac_register_expires: 3600 }],
	])('maps %s = %j to %j', async (field, value, body) => {
		const target = numbersOf(SYNTHFLOW_WORKSPACES.a)[2];
		const result = await update(target.slug, { [field]: value });
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox(), 'synthflow')[0].body).toEqual(body);
		expect(target).toMatchObject(body);
	});

	it('sets a provider Synthflow does not configure itself together with its SIP domain', async () => {
		const target = numbersOf(SYNTHFLOW_WORKSPACES.a).find((n) => !n.sip_term_uri)!;
		const result = await update(target.slug, { providerName: 'telnyx', sipTermUri: 'sip.telnyx.com' });
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox(), 'synthflow')[0].body).toEqual({ provider_name: 'telnyx', sip_term_uri: 'sip.telnyx.com' });
		expect(target).toMatchObject({ provider_name: 'telnyx', sip_term_uri: 'sip.telnyx.com' });
	});

	it("shows Synthflow's 400 (detail as {status, description}) for such a provider without a SIP domain", async () => {
		const target = numbersOf(SYNTHFLOW_WORKSPACES.a).find((n) => !n.sip_term_uri)!;
		const result = await update(target.slug, { providerName: 'telnyx' });
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '400' });
		expect(result.error?.message).toContain('needs a SIP domain');
		expect(requestsTo(sandbox(), 'synthflow')).toHaveLength(1);
		expect(target.provider_name).not.toBe('telnyx');
	});

	it('turns UAC on with trunk credentials, and never outputs the trunk password', async () => {
		const target = numbersOf(SYNTHFLOW_WORKSPACES.a)[3];
		const result = await update(target.phone_number, { uacEnabled: true, trunkUsername: 'trunk-1', trunkPassword: 's3cret-Trunk!' });
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox(), 'synthflow')[0].body).toEqual({ uac_enabled: true, trunk_username: 'trunk-1', trunk_pwd: 's3cret-Trunk!' });
		expect(target.trunk_pwd).toBe('s3cret-Trunk!');
		expect(JSON.stringify(result.json)).not.toContain('s3cret-Trunk!');
	});

	it('without a workspace ID, still updates and outputs the slug and the fields sent minus secrets', async () => {
		const target = numbersOf(SYNTHFLOW_WORKSPACES.b)[0];
		const result = await update(
			target.phone_number,
			{ friendlyName: 'No workspace', trunkUsername: 'u', trunkPassword: 'hidden-pass-42' },
			synthflowCredentials(sandbox(), { workspaceId: null }),
		);
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox(), 'synthflow').map((r) => r.method)).toEqual(['PATCH']);
		expect(result.json[0]).toMatchObject({ slug: target.slug, phone_number: target.phone_number, friendly_name: 'No workspace', trunk_username: 'u' });
		expect(result.json[0].notice).toContain('Workspace ID');
		expect(JSON.stringify(result.json)).not.toContain('hidden-pass-42');
		expect(target.friendly_name).toBe('No workspace');
	});

	it('outputs one shape with or without a workspace ID: slug, phone_number, the fields in Synthflow\'s names and the status', async () => {
		const [withWorkspace, without] = [numbersOf(SYNTHFLOW_WORKSPACES.a)[7], numbersOf(SYNTHFLOW_WORKSPACES.a)[8]];
		const whole = await update(withWorkspace.phone_number, { friendlyName: 'Shape A' });
		const partial = await update(without.phone_number, { friendlyName: 'Shape B' }, synthflowCredentials(sandbox(), { workspaceId: null }));
		expect(whole.error).toBeUndefined();
		expect(partial.error).toBeUndefined();
		for (const [out, number, name] of [
			[whole.json[0], withWorkspace, 'Shape A'],
			[partial.json[0], without, 'Shape B'],
		] as const) {
			expect(out).toMatchObject({ slug: number.slug, phone_number: number.phone_number, friendly_name: name, status: expect.any(String) });
		}
		// What only the read-back knows is there with a workspace; without, the notice says how to get it.
		const partialKeys = Object.keys(partial.json[0]).filter((key) => key !== 'notice');
		expect(Object.keys(whole.json[0])).toEqual(expect.arrayContaining(partialKeys));
		expect(whole.json[0].notice).toBeUndefined();
	});

	it.each([
		[{}, 'Update Fields'],
		[{ providerName: 'bandwidth' }, 'Provider Name'],
		[{ uacRegisterExpires: 59 }, 'UAC Register Expires'],
		[{ uacRegisterExpires: 3601 }, 'UAC Register Expires'],
		[{ uacEnabled: true }, 'Trunk Username'],
		[{ uacEnabled: true, trunkUsername: 'u' }, 'Trunk Password'],
		[{ sipTermUri: 'http://trunk.example.net' }, 'SIP Termination URI'],
		[{ sipOutboundProxy: 'not a proxy!' }, 'SIP Outbound Proxy'],
		[{ friendlyName: { a: 1 } }, 'Friendly Name'],
	])('refuses %j before any request, naming %s', async (fields, field) => {
		const result = await update(numbersOf(SYNTHFLOW_WORKSPACES.a)[4].slug, fields);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(`${result.error?.message} ${result.error?.description ?? ''}`).toContain(field);
		expect(requestsTo(sandbox(), 'synthflow')).toHaveLength(0);
	});

	it.each(['+33 7 82', 'abc', '33782990580/../../assistants', '+0033782990580'])(
		'refuses the number %j from an expression before any request',
		async (value) => {
			const result = await update(`={{ ${JSON.stringify(value)} }}`, { friendlyName: 'x' });
			expect(result.error?.message).toContain('Phone Number');
			expect(requestsTo(sandbox(), 'synthflow')).toHaveLength(0);
		},
	);

	it('derives the slug from a formatted E.164 number', async () => {
		const target = numbersOf(SYNTHFLOW_WORKSPACES.a)[5];
		const spaced = `${target.phone_number.slice(0, 3)} ${target.phone_number.slice(3, 6)} ${target.phone_number.slice(6)}`;
		const result = await update(`={{ ${JSON.stringify(spaced)} }}`, { friendlyName: 'Spaced' }, synthflowCredentials(sandbox()), 'number');
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox(), 'synthflow')[0].path).toBe(`/v2/numbers/${target.slug}`);
	});

	it("surfaces Synthflow's detail on 404 and 401 with a hint, never the key", async () => {
		const missing = await update('+19999999999', { friendlyName: 'x' });
		expect(missing.error?.httpCode).toBe('404');
		expect(missing.error?.message).toContain('Phone number not found');
		expect(missing.error?.description).toContain('+19999999999');

		const denied = await update('+19999999999', { friendlyName: 'x' }, synthflowCredentials(sandbox(), { apiKey: 'sf_wrong_key_123456' }));
		expect(denied.error?.httpCode).toBe('401');
		expect(denied.error?.description).toContain('Region');
		expect(JSON.stringify(denied.error)).not.toContain('sf_wrong_key_123456');
	});
});

describe('Synthflow: get, list, dropdown and regions', () => {
	it('gets one number of the workspace', async () => {
		const target = numbersOf(SYNTHFLOW_WORKSPACES.a)[6];
		const result = await runNode({
			node: 'synthflow',
			parameters: { resource: 'phoneNumber', operation: 'get', phoneNumber: { __rl: true, mode: 'list', value: target.slug } },
			credentials: synthflowCredentials(sandbox()),
		});
		expect(result.json[0]).toMatchObject({ slug: target.slug, friendly_name: target.friendly_name });
		expect(result.json[0]).not.toHaveProperty('trunk_pwd');
	});

	it('lists every number of the workspace over pages of total_records, and filters is_available', async () => {
		const all = await runNode({
			node: 'synthflow',
			parameters: { resource: 'phoneNumber', operation: 'getAll', returnAll: true },
			credentials: synthflowCredentials(sandbox()),
		});
		expect(all.json.map((n) => n.number)).toEqual(numbersOf(SYNTHFLOW_WORKSPACES.a).map((n) => n.phone_number));
		expect(requestsTo(sandbox(), 'synthflow').map((r) => r.query.offset)).toEqual(['0', '25', '50', '75']);

		sandbox().clearRequests();
		const available = await runNode({
			node: 'synthflow',
			parameters: { resource: 'phoneNumber', operation: 'getAll', returnAll: false, limit: 30, filters: { isAvailable: false } },
			credentials: synthflowCredentials(sandbox()),
		});
		expect(available.json.length).toBe(Math.min(30, numbersOf(SYNTHFLOW_WORKSPACES.a).filter((n) => !n.is_available).length));
		expect(available.json.every((n) => n.is_available === false)).toBe(true);
		expect(requestsTo(sandbox(), 'synthflow')[0].query).toMatchObject({ is_available: 'false', limit: '30', workspace: SYNTHFLOW_WORKSPACES.a });
	});

	it('get and getAll without a workspace ID fail, naming the credential field', async () => {
		const result = await runNode({
			node: 'synthflow',
			parameters: { resource: 'phoneNumber', operation: 'getAll', returnAll: true },
			credentials: synthflowCredentials(sandbox(), { workspaceId: null }),
		});
		expect(result.error?.message).toContain('Workspace ID');
		expect(requestsTo(sandbox(), 'synthflow')).toHaveLength(0);
	});

	it('the list pages by offset, and a search reads on until a screenful matches', async () => {
		const credentials = synthflowCredentials(sandbox());
		const first = await listSearch('searchPhoneNumbers', { node: 'synthflow', credentials });
		expect(first.results).toHaveLength(25);
		expect(first.results[0].value).toBe(numbersOf(SYNTHFLOW_WORKSPACES.a)[0].slug);
		expect(first.paginationToken).toBe('25');
		const second = await listSearch('searchPhoneNumbers', { node: 'synthflow', credentials, paginationToken: first.paginationToken });
		expect(second.results[0].value).toBe(numbersOf(SYNTHFLOW_WORKSPACES.a)[25].slug);
		expect(second.results[0].name).toMatch(/^\+\d[\d -]+ · (available|in use)$/);

		// A number only on the third page is found from the first, without scrolling.
		const far = numbersOf(SYNTHFLOW_WORKSPACES.a)[60];
		sandbox().clearRequests();
		const found = await listSearch('searchPhoneNumbers', { node: 'synthflow', credentials, filter: far.phone_number });
		expect(found.results.map((r) => r.value)).toContain(far.slug);
		// Pages in order, each read once, until a screenful or the end of the list.
		const offsets = requestsTo(sandbox(), 'synthflow').map((r) => Number(r.query.offset));
		expect(offsets.slice(0, 3)).toEqual([0, 25, 50]);
		expect(new Set(offsets).size).toBe(offsets.length);

		const search = await listSearch('searchPhoneNumbers', { node: 'synthflow', credentials, filter: '+33 782', paginationToken: '50' });
		expect(search.results.length).toBeGreaterThan(0);
		expect(search.results.every((r) => String(r.value).startsWith('33782'))).toBe(true);
	});

	it.each([
		['global', 'https://api.synthflow.ai/v2'],
		['us', 'https://api.us.synthflow.ai/v2'],
		['eu', 'https://api.eu.synthflow.ai/v2'],
		['', 'https://api.synthflow.ai/v2'],
	])('region %j uses %s', (region, url) => {
		expect(synthflowBaseUrl({ name: 'Synthflow' } as INode, { region })).toBe(url);
	});

	it('the hidden base URL overrides the region', () => {
		expect(synthflowBaseUrl({ name: 'Synthflow' } as INode, { region: 'eu', baseUrl: 'http://127.0.0.1:4010' })).toBe('http://127.0.0.1:4010/v2');
		expect(() => synthflowBaseUrl({ name: 'Synthflow' } as INode, { baseUrl: 'http://127.0.0.1:4010/v2' })).toThrow(/origin/);
	});
});
