import type { IDataObject } from 'n8n-workflow';

import { TELNYX_KEYS } from '../../sandbox/telnyx/data';
import { requestsTo, useSandbox } from '../harness/sandbox';
import { telnyxCredentials } from '../../sandbox/telnyx/provider';
import { listSearch, loadOptions, runNode, updateEachItem } from '../harness/runNode';

// Pages of 25 at most, so every list here (300 numbers, 40 connections, 30 apps…) spans several pages.
const sandbox = useSandbox({ telnyxMaxPageSize: 25 });
const FAST = { retryDelayMs: 5, maxTries: 3 };
const number = (i: number) => sandbox().state.telnyx.numbers[i];
const voiceOf = (i: number) => sandbox().state.telnyx.voice.get(number(i).id) as IDataObject;
const messagingOf = (i: number) => sandbox().state.telnyx.messaging.get(number(i).id) as IDataObject;
const sent = () => requestsTo(sandbox(), 'telnyx');

function update(value: string, updateFields: IDataObject, extra: IDataObject = {}, credentials = telnyxCredentials(sandbox())) {
	return runNode({
		node: 'telnyx',
		parameters: {
			resource: 'phoneNumber',
			operation: 'update',
			phoneNumber: { __rl: true, mode: value.trim().startsWith('+') ? 'number' : 'id', value },
			updateFields: updateFields as never,
			options: FAST,
			...extra,
		} as never,
		credentials,
	});
}

describe('Telnyx: update a phone number across its three endpoints', () => {
	it('sends number, voice (nested objects) and messaging settings to their own endpoints, in that order, and outputs the number with both settings', async () => {
		const target = number(3);
		const connection = sandbox().state.telnyx.connections[5];
		const profile = sandbox().state.telnyx.messagingProfiles[4];
		const result = await update(target.id, {
			tags: 'sales, east',
			connectionId: connection.id,
			customerReference: 'crm-42',
			callForwardingEnabled: true,
			forwardsTo: '+13125550199',
			forwardingType: 'on-failure',
			cnamListingEnabled: true,
			cnamListingDetails: 'ACME SUPPORT',
			inboundCallRecordingEnabled: true,
			inboundCallRecordingFormat: 'mp3',
			inboundCallRecordingChannels: 'dual',
			inboundCallScreening: 'flag_calls',
			usagePaymentMethod: 'channel',
			messagingProfileId: profile.id,
		});
		expect(result.error).toBeUndefined();
		const requests = sent();
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`PATCH /v2/phone_numbers/${target.id}`,
			`PATCH /v2/phone_numbers/${target.id}/voice`,
			`PATCH /v2/phone_numbers/${target.id}/messaging`,
		]);
		expect(requests[0].headers.authorization).toBe(`Bearer ${TELNYX_KEYS.main}`);
		expect(requests[0].headers['content-type']).toContain('application/json');
		expect(requests[0].body).toEqual({ tags: ['sales', 'east'], connection_id: connection.id, customer_reference: 'crm-42' });
		expect(requests[1].body).toEqual({
			call_forwarding: { call_forwarding_enabled: true, forwards_to: '+13125550199', forwarding_type: 'on-failure' },
			cnam_listing: { cnam_listing_enabled: true, cnam_listing_details: 'ACME SUPPORT' },
			call_recording: { inbound_call_recording_enabled: true, inbound_call_recording_format: 'mp3', inbound_call_recording_channels: 'dual' },
			inbound_call_screening: 'flag_calls',
			usage_payment_method: 'channel',
		});
		expect(requests[2].body).toEqual({ messaging_profile_id: profile.id });
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({
			id: target.id,
			tags: ['sales', 'east'],
			connection_id: connection.id,
			connection_name: connection.connection_name,
			customer_reference: 'crm-42',
			voice: { call_forwarding: { forwards_to: '+13125550199', forwarding_type: 'on-failure' }, inbound_call_screening: 'flag_calls' },
			messaging: { messaging_profile_id: profile.id },
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(voiceOf(3).cnam_listing).toEqual({ cnam_listing_enabled: true, cnam_listing_details: 'ACME SUPPORT' });
	});

	it('sends only the groups with a field set, and reads the others for the output', async () => {
		const result = await update(number(4).id, { forwardsTo: '+13125550111' });
		expect(result.error).toBeUndefined();
		expect(sent().map((r) => `${r.method} ${r.path}`)).toEqual([
			`PATCH /v2/phone_numbers/${number(4).id}/voice`,
			`GET /v2/phone_numbers/${number(4).id}`,
			`GET /v2/phone_numbers/${number(4).id}/messaging`,
		]);
		expect(sent()[0].body).toEqual({ call_forwarding: { forwards_to: '+13125550111' } });
		expect(result.json[0]).toMatchObject({ id: number(4).id, phone_number: number(4).phone_number, voice: { call_forwarding: { forwards_to: '+13125550111', forwarding_type: 'always' } }, messaging: { record_type: 'messaging_settings' } });
	});

	it('unassigns the messaging profile with "" (null would keep it) and the connection and billing group with null', async () => {
		const target = number(0); // seeded with a messaging profile and a connection
		expect(target.messaging_profile_id).toBeTruthy();
		const result = await update(target.id, { messagingProfileId: '', connectionId: '', billingGroupId: '' });
		expect(result.error).toBeUndefined();
		expect(sent()[0].body).toEqual({ connection_id: null, billing_group_id: null });
		expect(sent().map((r) => `${r.method} ${r.path}`)).toEqual([
			`PATCH /v2/phone_numbers/${target.id}`,
			`PATCH /v2/phone_numbers/${target.id}/messaging`,
			`GET /v2/phone_numbers/${target.id}/voice`,
		]);
		expect(sent()[1].body).toEqual({ messaging_profile_id: '' });
		expect(messagingOf(0).messaging_profile_id).toBeNull();
		expect(result.json[0]).toMatchObject({ connection_id: null, messaging: { messaging_profile_id: null } });
	});

	it('finds a number given as E.164 with filter[phone_number] in digits only, then updates it by ID', async () => {
		const target = number(17);
		const result = await update(target.phone_number, { hdVoiceEnabled: true });
		expect(result.error).toBeUndefined();
		const [lookup, write] = sent();
		expect(lookup).toMatchObject({ method: 'GET', path: '/v2/phone_numbers' });
		expect(lookup.query['filter[phone_number]']).toBe(target.phone_number.slice(1));
		expect(write).toMatchObject({ method: 'PATCH', path: `/v2/phone_numbers/${target.id}`, body: { hd_voice_enabled: true } });
	});

	it('says so when an E.164 number is not exactly one of the account, and sends no update', async () => {
		const result = await update('+19995550000', { customerReference: 'x' });
		expect(result.error?.message).toBe('Phone Number: no number of this account match +19995550000');
		expect(sent().filter((r) => r.method === 'PATCH')).toHaveLength(0);
	});

	it.each([
		[{}, 'Update Fields'],
		[{ forwardsTo: '3125550100' }, 'Forwards To'],
		[{ forwardingType: 'sometimes' }, 'Forwarding Type'],
		[{ cnamListingEnabled: true, cnamListingDetails: 'ACME SUPPORT LINE 24' }, 'CNAM Listing Details'],
		[{ cnamListingEnabled: true, cnamListingDetails: 'ACME & CO' }, 'CNAM Listing Details'],
		[{ cnamListingDetails: 'ACME' }, 'CNAM Listing Details'],
		[{ cnamListingEnabled: true }, 'CNAM Listing Enabled'],
		[{ inboundCallRecordingFormat: 'ogg' }, 'Inbound Call Recording Format'],
		[{ inboundCallRecordingChannels: 'stereo' }, 'Inbound Call Recording Channels'],
		[{ inboundCallScreening: 'block' }, 'Inbound Call Screening'],
		[{ usagePaymentMethod: 'monthly' }, 'Usage Payment Method'],
		[{ messagingProfileId: 'profile-1' }, 'Messaging Profile Name or ID'],
		[{ billingGroupId: '12345' }, 'Billing Group Name or ID'],
		[{ connectionId: 'conn abc' }, 'Connection Name or ID'],
		[{ hdVoiceEnabled: 'yes' }, 'HD Voice Enabled'],
		[{ customerReference: 'ok', forwardsTo: '+1' }, 'Forwards To'],
	])('refuses %j before any request, naming %s', async (fields, field) => {
		const result = await update(number(2).id, fields);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(`${result.error?.message} ${result.error?.description ?? ''}`).toContain(field);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(sent()).toHaveLength(0);
	});

	it.each(['12/../34', '12?x=1', '../connections', 'abc'])('refuses the ID %s from an expression before any request', async (value) => {
		const result = await update(`={{ ${JSON.stringify(value)} }}`, { customerReference: 'x' });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(sent()).toHaveLength(0);
	});

	it('when the voice settings fail, says the number settings were already applied and the messaging settings never sent, keeping code, title, detail and pointer', async () => {
		const target = number(6);
		sandbox().faults.add({
			kind: 'status',
			provider: 'telnyx',
			method: 'PATCH',
			path: `/v2/phone_numbers/${target.id}/voice`,
			status: 422,
			body: { errors: [{ code: '10015', title: 'Invalid parameter', detail: 'forwards_to is not a reachable number', source: { pointer: '/call_forwarding/forwards_to' } }] },
		});
		const result = await update(target.id, { customerReference: 'applied-first', forwardsTo: '+13125550123', messagingProduct: 'A2P' });
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '422' });
		expect(result.error?.message).toBe(
			'Telnyx error 422: Invalid parameter: forwards_to is not a reachable number (code 10015, at /call_forwarding/forwards_to) (number settings already applied)',
		);
		expect(result.error?.description).toContain('Already applied: number settings. Failed: voice settings. Not sent: messaging settings.');
		expect(sent().map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /v2/phone_numbers/${target.id}`, `PATCH /v2/phone_numbers/${target.id}/voice`]);
		expect(target.customer_reference).toBe('applied-first');
		expect(messagingOf(6).messaging_product).toBe('P2P');
	});

	it("keeps Telnyx's own validation error of the messaging endpoint as the third step", async () => {
		const result = await update(number(7).id, { tags: 'x', messagingProduct: 'VIP' });
		expect(result.error?.httpCode).toBe('422');
		expect(result.error?.message).toMatch(/^Telnyx error 422: Invalid parameter: messaging_product must be one of A2P, P2P\. \(code 10015, at \/messaging_product\) \(number settings already applied\)$/);
		expect(result.error?.description).toContain('Already applied: number settings. Failed: messaging settings.');
	});

	it('a 404 and a 401 keep their codes with a hint, and the API key never shows', async () => {
		const missing = await update('1111111111111111111', { customerReference: 'x' });
		expect(missing.error).toMatchObject({ name: 'NodeApiError', httpCode: '404' });
		expect(missing.error?.message).toBe('Telnyx error 404: Resource not found: The requested phone number could not be found. (code 10005)');
		expect(missing.error?.description).toContain('phone number 1111111111111111111');
		const wrongKey = 'KEY_wrong_telnyx_key_0123456789';
		const denied = await update(number(2).id, { customerReference: 'x' }, {}, telnyxCredentials(sandbox(), wrongKey));
		expect(denied.error).toMatchObject({ name: 'NodeApiError', httpCode: '401' });
		expect(denied.error?.description).toContain('API key');
		expect(JSON.stringify({ ...denied.error, node: undefined })).not.toContain(wrongKey);
	});

	it('with Continue On Fail, a bad item becomes an error item and the others are updated, each paired with its input', async () => {
		const result = await runNode({
			node: 'telnyx',
			parameters: updateEachItem('phoneNumber', { customerReference: '={{ $json.ref }}' }, FAST),
			items: [{ id: number(10).id, ref: 'a' }, { id: 'not-a-number', ref: 'b' }, { id: number(11).id, ref: 'c' }],
			credentials: telnyxCredentials(sandbox()),
			continueOnFail: true,
		});
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.json[0]).toMatchObject({ id: number(10).id, customer_reference: 'a' });
		expect(String(result.json[1].error)).toContain('Phone Number');
		expect(result.json[2]).toMatchObject({ id: number(11).id, customer_reference: 'c' });
	});
});

describe('Telnyx: rate limits', () => {
	const limited = useSandbox({ rateLimits: { close: 0, telnyx: 5 } });

	it('paces by x-ratelimit-* so a burst of updates meets no 429', async () => {
		const ids = limited().state.telnyx.numbers.slice(0, 12).map((n) => n.id);
		const result = await runNode({
			node: 'telnyx',
			parameters: updateEachItem('phoneNumber', { customerReference: 'paced' }, { concurrency: 10 }),
			items: ids.map((id) => ({ id })),
			credentials: telnyxCredentials(limited()),
		});
		expect(result.error).toBeUndefined();
		expect(result.json.map((n) => n.customer_reference)).toEqual(ids.map(() => 'paced'));
		const statuses = requestsTo(limited(), 'telnyx').map((r) => r.status);
		expect(statuses.filter((s) => s === 429)).toHaveLength(0);
		expect(statuses.filter((s) => s === 200)).toHaveLength(12 * 3);
	});

	it('waits out a 429 with code 10011 and tries again', async () => {
		limited().faults.add({
			kind: 'status',
			provider: 'telnyx',
			method: 'PATCH',
			status: 429,
			headers: { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1' },
			body: { errors: [{ code: '10011', title: 'Too many requests', detail: 'Slow down.' }] },
			times: 1,
		});
		const result = await update(limited().state.telnyx.numbers[20].id, { customerReference: 'after-429' }, {}, telnyxCredentials(limited()));
		expect(result.error).toBeUndefined();
		expect(requestsTo(limited(), 'telnyx').filter((r) => r.method === 'PATCH').map((r) => r.status)).toEqual([429, 200]);
	});
});

describe('Telnyx: get, list and dropdowns', () => {
	it('gets one number with its voice and messaging settings', async () => {
		const target = number(1);
		const result = await runNode({
			node: 'telnyx',
			parameters: { resource: 'phoneNumber', operation: 'get', phoneNumber: { __rl: true, mode: 'list', value: target.id } },
			credentials: telnyxCredentials(sandbox()),
		});
		expect(result.json[0]).toMatchObject({ id: target.id, phone_number: target.phone_number, voice: { record_type: 'voice_settings' }, messaging: { record_type: 'messaging_settings' } });
		expect(sent().map((r) => r.path)).toEqual([`/v2/phone_numbers/${target.id}`, `/v2/phone_numbers/${target.id}/voice`, `/v2/phone_numbers/${target.id}/messaging`]);
	});

	it('lists every number over page[number] pages up to meta.total_pages, at one page size', async () => {
		const all = await runNode({
			node: 'telnyx',
			parameters: { resource: 'phoneNumber', operation: 'getAll', returnAll: true },
			credentials: telnyxCredentials(sandbox()),
		});
		expect(all.json.map((n) => n.id)).toEqual(sandbox().state.telnyx.numbers.map((n) => n.id));
		const pages = sent();
		expect(pages).toHaveLength(Math.ceil(300 / 25));
		expect(pages.map((r) => r.query['page[number]'])).toEqual(pages.map((_, i) => String(i + 1)));
		expect(new Set(pages.map((r) => r.query['page[size]']))).toEqual(new Set(['250']));
	});

	it('filters on the server: digits only for the number, tag, status and connection', async () => {
		const connection = number(1).connection_id as string;
		const result = await runNode({
			node: 'telnyx',
			parameters: {
				resource: 'phoneNumber',
				operation: 'getAll',
				returnAll: false,
				limit: 3,
				filters: { phoneNumber: '+1 (312) 555', tag: 'support', status: 'active', connectionId: connection },
			},
			credentials: telnyxCredentials(sandbox()),
		});
		expect(result.error).toBeUndefined();
		expect(sent()[0].query).toMatchObject({ 'filter[phone_number]': '1312555', 'filter[tag]': 'support', 'filter[status]': 'active', 'filter[connection_id]': connection, 'page[size]': '3' });
		for (const n of result.json) expect(n).toMatchObject({ connection_id: connection, status: 'active', tags: expect.arrayContaining(['support']) });
	});

	it('refuses a phone number filter of fewer than 3 digits (Telnyx would silently match nothing)', async () => {
		const result = await runNode({
			node: 'telnyx',
			parameters: { resource: 'phoneNumber', operation: 'getAll', returnAll: true, filters: { phoneNumber: '+1' } },
			credentials: telnyxCredentials(sandbox()),
		});
		expect(result.error?.message).toContain('Number Contains');
		expect(sent()).toHaveLength(0);
	});

	it('the number list pages by page[number], searches digits on the server and other text here', async () => {
		const credentials = telnyxCredentials(sandbox());
		const first = await listSearch('searchPhoneNumbers', { node: 'telnyx', credentials });
		expect(first.results).toHaveLength(25);
		expect(first.results[0].name).toMatch(/^\+1 \d{3}-\d{3}-\d{4} · /);
		expect(first.paginationToken).toBe('2');
		const second = await listSearch('searchPhoneNumbers', { node: 'telnyx', credentials, paginationToken: first.paginationToken });
		expect(second.results[0].value).toBe(number(25).id);
		sandbox().clearRequests();
		const byDigits = await listSearch('searchPhoneNumbers', { node: 'telnyx', credentials, filter: number(40).phone_number });
		expect(sent()[0].query['filter[phone_number]']).toBe(number(40).phone_number.slice(1));
		expect(byDigits.results.map((r) => r.value)).toEqual([number(40).id]);
		const byName = await listSearch('searchPhoneNumbers', { node: 'telnyx', credentials, filter: 'customer-77' });
		expect(byName.results.map((r) => r.value)).toContain(number(77).id);
	});

	it('the connection dropdown holds SIP connections and both kinds of applications, every page, without a SIP password', async () => {
		const options = await loadOptions('getConnections', { node: 'telnyx', credentials: telnyxCredentials(sandbox()) });
		const telnyx = sandbox().state.telnyx;
		const expected = [...telnyx.connections, ...telnyx.callControlApplications, ...telnyx.texmlApplications].map((c) => c.id);
		expect(options.map((o) => o.value).sort()).toEqual(expected.sort());
		expect(options.find((o) => o.value === telnyx.callControlApplications[0].id)?.name).toBe('Call Control app 1 (Call Control app)');
		expect(options.find((o) => o.value === telnyx.texmlApplications[0].id)?.name).toBe('TeXML app 1 (TeXML app)');
		const passwords = telnyx.connections.map((c) => c.password).filter(Boolean) as string[];
		expect(passwords.length).toBeGreaterThan(0);
		for (const password of passwords) expect(JSON.stringify(options)).not.toContain(password);
		const paths = sent().map((r) => `${r.path}?${r.query['page[number]']}`);
		expect(paths).toEqual(expect.arrayContaining(['/v2/connections?2', '/v2/call_control_applications?2', '/v2/texml_applications?1']));
	});

	it.each([
		['getMessagingProfiles', () => sandbox().state.telnyx.messagingProfiles.map((p) => p.id)],
		['getBillingGroups', () => sandbox().state.telnyx.billingGroups.map((g) => g.id)],
	])('%s reads every page', async (method, expected) => {
		const options = await loadOptions(method, { node: 'telnyx', credentials: telnyxCredentials(sandbox()) });
		expect(options.map((o) => o.value).sort()).toEqual(expected().sort());
	});
});

describe('Telnyx: /connections that lists the applications too', () => {
	const merged = useSandbox({ telnyxMaxPageSize: 25, telnyxConnectionsIncludeApplications: true });

	it('offers each application once', async () => {
		const options = await loadOptions('getConnections', { node: 'telnyx', credentials: telnyxCredentials(merged()) });
		const ids = options.map((o) => o.value);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toHaveLength(40 + 30 + 20);
	});
});

describe('Telnyx as its spec says (issue 29)', () => {
	const spec = useSandbox({ telnyxPageSizeLimits: { '/messaging_profiles': 100, '/billing_groups': 100, '/call_control_applications': 100, '/texml_applications': 100 } });
	const creds = () => telnyxCredentials(spec());

	it("Get Many's Status filter offers exactly the values filter[status] takes", async () => {
		const { Telnyx } = await import('../../nodes/Telnyx/Telnyx.node');
		const filters = new Telnyx().description.properties.find((p) => p.name === 'filters' && JSON.stringify(p.displayOptions).includes('getAll'));
		const status = (filters?.options as Array<{ name: string; options?: Array<{ value: string }> }>).find((o) => o.name === 'status');
		expect(status?.options?.map((o) => o.value).sort()).toEqual(
			['purchase-pending', 'purchase-failed', 'port-pending', 'active', 'deleted', 'port-failed', 'emergency-only', 'ported-out', 'port-out-pending'].sort(),
		);
		for (const value of ['provision-pending', 'requirement-info-pending']) {
			const result = await runNode({ node: 'telnyx', parameters: { resource: 'phoneNumber', operation: 'getAll', returnAll: true, filters: { status: value } }, credentials: creds() });
			expect(result.error?.message).toMatch(/Status/);
		}
	});

	it('a dropdown whose list refuses a page of 250 falls back to a smaller page and still lists everything', async () => {
		const profiles = await loadOptions('getMessagingProfiles', { node: 'telnyx', credentials: creds() });
		expect(profiles.map((o) => o.value).sort()).toEqual(spec().state.telnyx.messagingProfiles.map((p) => p.id).sort());
		const groups = await loadOptions('getBillingGroups', { node: 'telnyx', credentials: creds() });
		expect(groups.length).toBe(spec().state.telnyx.billingGroups.length);
		const sizes = requestsTo(spec(), 'telnyx').filter((r) => r.path === '/v2/messaging_profiles').map((r) => r.query['page[size]']);
		expect(sizes[0]).toBe('250');
		expect(sizes).toContain('100');
	});

	it('a connection ID that is a UUID is not refused by the node (Telnyx shows both forms)', async () => {
		const result = await runNode({
			node: 'telnyx',
			parameters: { resource: 'phoneNumber', operation: 'getAll', returnAll: true, filters: { connectionId: '5a4c8a8e-3b7f-4a6b-9c1d-2e3f4a5b6c7d' } },
			credentials: creds(),
		});
		expect(result.error).toBeUndefined();
		expect(requestsTo(spec(), 'telnyx')[0].query['filter[connection_id]']).toBe('5a4c8a8e-3b7f-4a6b-9c1d-2e3f4a5b6c7d');
	});

	it('no length limits the spec does not have: a long customer reference, external PIN and translated number reach Telnyx', async () => {
		const target = spec().state.telnyx.numbers[3];
		const long = 'R'.repeat(400);
		const result = await runNode({
			node: 'telnyx',
			parameters: { resource: 'phoneNumber', operation: 'update', phoneNumber: { __rl: true, mode: 'id', value: target.id }, updateFields: { customerReference: long, externalPin: '9'.repeat(40), translatedNumber: '+1'.padEnd(70, '5') } },
			credentials: creds(),
		});
		expect(result.error?.message ?? '').not.toMatch(/at most/);
		const sent = requestsTo(spec(), 'telnyx').filter((r) => r.method === 'PATCH');
		expect(sent[0].body).toMatchObject({ customer_reference: long });
	});
});

describe('Telnyx: an unassign that Telnyx answers 200 but ignores (UNVERIFIED which it does)', () => {
	const ignoring = useSandbox({ telnyxIgnoresUnassign: true });

	it('is an error that says the connection was kept, not a success', async () => {
		const target = ignoring().state.telnyx.numbers.find((n) => n.connection_id) as IDataObject;
		const result = await runNode({
			node: 'telnyx',
			parameters: { resource: 'phoneNumber', operation: 'update', phoneNumber: { __rl: true, mode: 'id', value: String(target.id) }, updateFields: { connectionId: '' } },
			credentials: telnyxCredentials(ignoring()),
		});
		expect(result.error?.message).toMatch(/Telnyx kept connection_id .* after the request to unassign it/);
		expect(requestsTo(ignoring(), 'telnyx').find((r) => r.method === 'PATCH')?.body).toEqual({ connection_id: null });
	});

	it('when Telnyx does unassign, the update succeeds', async () => {
		const honest = ignoring();
		honest.state.telnyx.ignoresUnassign = false;
		const target = honest.state.telnyx.numbers.find((n) => n.connection_id) as IDataObject;
		const result = await runNode({
			node: 'telnyx',
			parameters: { resource: 'phoneNumber', operation: 'update', phoneNumber: { __rl: true, mode: 'id', value: String(target.id) }, updateFields: { connectionId: '' } },
			credentials: telnyxCredentials(honest),
		});
		expect(result.error).toBeUndefined();
		expect(result.json[0].connection_id).toBeNull();
	});
});
