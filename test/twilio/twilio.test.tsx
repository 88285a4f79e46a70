import { NodeHelpers, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { Twilio } from '../../nodes/Twilio/Twilio.node';
import { twilioHost } from '../../nodes/Twilio/transport';

import { TWILIO_ACCOUNT } from '../../sandbox/twilio/data';
import { requestsTo, useSandbox } from '../harness/sandbox';
import { twilioCredentials } from '../../sandbox/twilio/provider';
import { listSearch, loadOptions, runNode } from '../harness/runNode';

// Pages of 40 at most, so every list here spans several pages.
const sandbox = useSandbox({ twilioMaxPageSize: 40 });
const FAST = { retryDelayMs: 5, maxTries: 3 };
const number = (i: number) => sandbox().state.twilio.numbers[i];
const NUMBERS = `/2010-04-01/Accounts/${TWILIO_ACCOUNT.accountSid}/IncomingPhoneNumbers`;

function update(value: string, updateFields: IDataObject, extra: IDataObject = {}, credentials = twilioCredentials(sandbox())) {
	return runNode({
		node: 'twilio',
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

describe('Twilio: update a phone number', () => {
	it('POSTs exactly the fields set, form-encoded and PascalCase, with Basic AccountSid:AuthToken, and outputs the number', async () => {
		const target = number(3);
		const result = await update(target.sid, { friendlyName: 'Main line', voiceUrl: 'https://hooks.example.com/voice', voiceMethod: 'GET', voiceCallerIdLookup: true });
		expect(result.error).toBeUndefined();
		const [sent] = requestsTo(sandbox(), 'twilio');
		expect(sent.method).toBe('POST');
		expect(sent.path).toBe(`${NUMBERS}/${target.sid}.json`);
		expect(sent.headers['content-type']).toContain('application/x-www-form-urlencoded');
		expect(Object.fromEntries(new URLSearchParams(sent.rawBody))).toEqual({
			FriendlyName: 'Main line',
			VoiceUrl: 'https://hooks.example.com/voice',
			VoiceMethod: 'GET',
			VoiceCallerIdLookup: 'true',
		});
		expect(sent.headers.authorization).toBe(`Basic ${Buffer.from(`${TWILIO_ACCOUNT.accountSid}:${TWILIO_ACCOUNT.authToken}`).toString('base64')}`);
		expect(result.json[0]).toMatchObject({ sid: target.sid, friendly_name: 'Main line', voice_url: 'https://hooks.example.com/voice', voice_caller_id_lookup: true });
		expect(target.friendly_name).toBe('Main line');
	});

	it('authenticates with an API key (SID and secret) with the Account SID still in the path', async () => {
		const result = await update(number(4).sid, { friendlyName: 'Via key' }, {}, twilioCredentials(sandbox(), { authType: 'apiKey' }));
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox(), 'twilio')[0].headers.authorization).toBe(
			`Basic ${Buffer.from(`${TWILIO_ACCOUNT.apiKeySid}:${TWILIO_ACCOUNT.apiKeySecret}`).toString('base64')}`,
		);
	});

	it('points the number at a SIP trunk, which clears its TwiML app, and clears a URL with an empty value', async () => {
		const target = number(5);
		target.voice_application_sid = sandbox().state.twilio.applications[0].sid;
		const trunk = sandbox().state.twilio.trunks[7].sid;
		const result = await update(target.sid, { trunkSid: trunk, smsUrl: '' });
		expect(result.error).toBeUndefined();
		expect(Object.fromEntries(new URLSearchParams(requestsTo(sandbox(), 'twilio')[0].rawBody))).toEqual({ TrunkSid: trunk, SmsUrl: '' });
		expect(target).toMatchObject({ trunk_sid: trunk, voice_application_sid: '', sms_url: '' });
	});

	it('finds a number given as E.164 with the list filter, then updates it by SID', async () => {
		const target = number(8);
		const result = await update(target.phone_number, { emergencyStatus: 'Active' });
		expect(result.error).toBeUndefined();
		const [lookup, write] = requestsTo(sandbox(), 'twilio');
		expect(lookup).toMatchObject({ method: 'GET', path: `${NUMBERS}.json` });
		expect(lookup.query.PhoneNumber).toBe(target.phone_number);
		expect(write).toMatchObject({ method: 'POST', path: `${NUMBERS}/${target.sid}.json` });
	});

	it('says how many numbers matched an E.164 number that is not exactly one of the account', async () => {
		const result = await update('+19995550000', { friendlyName: 'x' });
		expect(result.error?.message).toBe('Phone Number: no number of this account match +19995550000');
		expect(requestsTo(sandbox(), 'twilio').filter((r) => r.method === 'POST')).toHaveLength(0);
	});

	it.each([
		[{}, 'Update Fields'],
		[{ friendlyName: 'x'.repeat(65) }, 'Friendly Name'],
		[{ voiceUrl: 'ftp://example.com/voice' }, 'Voice URL'],
		[{ voiceMethod: 'PUT' }, 'Voice Method'],
		[{ voiceApplicationSid: 'AP123' }, 'Voice TwiML App Name or ID'],
		[{ trunkSid: 'PN0123456789abcdef0123456789abcdef' }, 'SIP Trunk Name or ID'],
		[{ addressSid: 'not-a-sid' }, 'Address Name or ID'],
		[{ emergencyStatus: 'On' }, 'Emergency Status'],
		[{ voiceReceiveMode: 'video' }, 'Voice Receive Mode'],
		[{ voiceApplicationSid: 'AP0123456789abcdef0123456789abcdef', trunkSid: 'TK0123456789abcdef0123456789abcdef' }, 'SIP Trunk Name or ID'],
	])('refuses %j before any request, naming %s', async (fields, field) => {
		const result = await update(number(2).sid, fields);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toContain(field);
		expect(requestsTo(sandbox(), 'twilio')).toHaveLength(0);
	});

	it("keeps Twilio's code, message and more_info, with a hint for 20003 and 20404, without the token", async () => {
		const denied = await update(number(2).sid, { friendlyName: 'x' }, {}, twilioCredentials(sandbox(), { authToken: 'wrong-token-123' }));
		expect(denied.error).toMatchObject({ name: 'NodeApiError', httpCode: '401' });
		expect(denied.error?.message).toBe('Twilio error 401: Authenticate (error 20003, https://www.twilio.com/docs/errors/20003)');
		expect(denied.error?.description).toContain('Account SID with its Auth Token');
		expect(JSON.stringify({ ...denied.error, node: undefined })).not.toContain('wrong-token-123');
		const missing = await update('PN00000000000000000000000000000000', { friendlyName: 'x' });
		expect(missing.error?.httpCode).toBe('404');
		expect(missing.error?.description).toContain('PN00000000000000000000000000000000');
	});

	it('retries a 429 (error 20429) with back-off although Twilio sends no Retry-After', async () => {
		sandbox().faults.add({ kind: 'status', provider: 'twilio', method: 'POST', status: 429, body: { code: 20429, message: 'Too Many Requests', status: 429 }, times: 2 });
		const result = await update(number(9).sid, { friendlyName: 'After 429' });
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox(), 'twilio').map((r) => r.status)).toEqual([429, 429, 200]);
	});
});

describe('Twilio: get, list and dropdowns', () => {
	it('gets one number by SID', async () => {
		const target = number(1);
		const result = await runNode({
			node: 'twilio',
			parameters: { resource: 'phoneNumber', operation: 'get', phoneNumber: { __rl: true, mode: 'list', value: target.sid } },
			credentials: twilioCredentials(sandbox()),
		});
		expect(result.json[0]).toMatchObject({ sid: target.sid, phone_number: target.phone_number });
	});

	it('lists every number over pages of next_page_uri, and filters on the server', async () => {
		const all = await runNode({
			node: 'twilio',
			parameters: { resource: 'phoneNumber', operation: 'getAll', returnAll: true },
			credentials: twilioCredentials(sandbox()),
		});
		expect(all.json.map((n) => n.sid)).toEqual(sandbox().state.twilio.numbers.map((n) => n.sid));
		expect(requestsTo(sandbox(), 'twilio').length).toBe(Math.ceil(sandbox().state.twilio.numbers.length / 40));
		expect(requestsTo(sandbox(), 'twilio')[1].query.PageToken).toBeDefined();
		sandbox().clearRequests();
		const filtered = await runNode({
			node: 'twilio',
			parameters: { resource: 'phoneNumber', operation: 'getAll', returnAll: false, limit: 3, filters: { phoneNumber: '+1415', origin: 'twilio' } },
			credentials: twilioCredentials(sandbox()),
		});
		expect(filtered.json).toHaveLength(3);
		expect(filtered.json.every((n) => String(n.phone_number).startsWith('+1415'))).toBe(true);
		expect(requestsTo(sandbox(), 'twilio')[0].query).toMatchObject({ PhoneNumber: '+1415', Origin: 'twilio', PageSize: '3' });
	});

	it('the number list pages with next_page_uri and searches digits on the server, names here', async () => {
		const credentials = twilioCredentials(sandbox());
		const first = await listSearch('searchPhoneNumbers', { node: 'twilio', credentials });
		expect(first.results).toHaveLength(40);
		expect(first.results[0].name).toMatch(/^\+1 \d{3}-\d{3}-\d{4} · /);
		const second = await listSearch('searchPhoneNumbers', { node: 'twilio', credentials, paginationToken: first.paginationToken });
		expect(second.results[0].value).toBe(number(40).sid);
		const byName = await listSearch('searchPhoneNumbers', { node: 'twilio', credentials, filter: 'Support line 12' });
		expect(byName.results.map((r) => r.value)).toContain(number(12).sid);
	});

	it.each([
		['getApplications', () => sandbox().state.twilio.applications.map((a) => a.sid)],
		['getTrunks', () => sandbox().state.twilio.trunks.map((t) => t.sid)],
		['getAddresses', () => sandbox().state.twilio.addresses.map((a) => a.sid)],
	])('%s reads every page', async (method, expected) => {
		const options = await loadOptions(method, { node: 'twilio', credentials: twilioCredentials(sandbox()) });
		expect(options.map((o) => o.value).sort()).toEqual(expected().sort());
		expect(requestsTo(sandbox(), 'twilio').length).toBeGreaterThan(1);
	});

});

describe('Twilio: the editor shows what takes precedence', () => {
	const description = new Twilio().description;
	const fields = description.properties.find((p) => p.name === 'updateFields')!.options as INodeProperties[];
	/** The update fields the editor offers for these routing choices (n8n's own display rules). */
	function offered(voiceRouting: string, smsRouting: string): string[] {
		const root = { resource: 'phoneNumber', operation: 'update', voiceRouting, smsRouting, updateFields: {} };
		return fields
			.filter((field) => NodeHelpers.displayParameterPath(root, field, 'updateFields', { typeVersion: 1 }, description))
			.map((field) => field.name);
	}

	it('a SIP trunk hides the voice URLs and the TwiML app', () => {
		const shown = offered('trunk', 'any');
		expect(shown).toContain('trunkSid');
		for (const hidden of ['voiceUrl', 'voiceMethod', 'voiceFallbackUrl', 'statusCallback', 'voiceApplicationSid']) expect(shown).not.toContain(hidden);
		expect(shown).toEqual(expect.arrayContaining(['smsUrl', 'smsApplicationSid', 'friendlyName', 'emergencyAddressSid']));
	});

	it('a TwiML app hides the voice URLs and the trunk; an SMS app hides the SMS URLs', () => {
		const shown = offered('application', 'application');
		expect(shown).toEqual(expect.arrayContaining(['voiceApplicationSid', 'smsApplicationSid']));
		for (const hidden of ['voiceUrl', 'trunkSid', 'smsUrl', 'smsFallbackUrl']) expect(shown).not.toContain(hidden);
	});

	it('"Any" offers every field', () => {
		expect(offered('any', 'any').sort()).toEqual(fields.map((f) => f.name).sort());
	});
});

describe('Twilio regions (issue 29)', () => {
	it('a refused credential is answered with a hint that names the region in use', async () => {
		const number = sandbox().state.twilio.numbers[0];
		for (const region of ['us1', 'ie1']) {
			const credentials = twilioCredentials(sandbox(), { authToken: 'f0cd5c5eb9e744ea4b7feed493f2a0aa' });
			(credentials.twilioPhoneNumbersApi as Record<string, unknown>).region = region;
			const result = await runNode({
				node: 'twilio',
				parameters: { resource: 'phoneNumber', operation: 'get', phoneNumber: { __rl: true, mode: 'id', value: number.sid } },
				credentials,
			});
			expect(result.error?.httpCode).toBe('401');
			expect(result.error?.description).toContain(`Region (now ${region})`);
		}
	});

	it.each([
		['us1', '', 'api.twilio.com', 'trunking.twilio.com'],
		['ie1', '', 'api.dublin.ie1.twilio.com', 'trunking.dublin.ie1.twilio.com'],
		['au1', '', 'api.sydney.au1.twilio.com', 'trunking.sydney.au1.twilio.com'],
		['jp1', '', 'api.tokyo.jp1.twilio.com', 'trunking.tokyo.jp1.twilio.com'],
		['us1', 'umatilla', 'api.umatilla.us1.twilio.com', 'trunking.umatilla.us1.twilio.com'],
		['ie1', 'frankfurt', 'api.frankfurt.ie1.twilio.com', 'trunking.frankfurt.ie1.twilio.com'],
	])('region %s, edge "%s": %s and %s', (region, edge, api, trunking) => {
		expect(twilioHost('api', region, edge)).toEqual({ host: api });
		expect(twilioHost('trunking', region, edge)).toEqual({ host: trunking });
	});

	it('an unknown region or edge is an error, not a guessed host', () => {
		expect(twilioHost('api', 'xx1', '')).toEqual({ problem: expect.stringMatching(/Region "xx1"/) });
		expect(twilioHost('api', 'ie1', 'evil.example.com')).toEqual({ problem: expect.stringMatching(/Edge/) });
	});
});
