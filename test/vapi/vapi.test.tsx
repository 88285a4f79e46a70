import type { IDataObject } from 'n8n-workflow';

import { VAPI_KEYS } from '../../sandbox/vapi/data';
import { requestsTo, useSandbox } from '../harness/sandbox';
import { vapiCredentials } from '../../sandbox/vapi/provider';
import { listSearch, loadOptions, runNode, testCredential } from '../harness/runNode';

const sandbox = useSandbox();
const numbers = () => sandbox().state.vapi.numbers;
const byProvider = (provider: string, index = 0) => numbers().filter((n) => n.provider === provider)[index];
const sent = () => requestsTo(sandbox(), 'vapi');

function update(id: string, updateFields: IDataObject, mode = 'id') {
	return runNode({
		node: 'vapi',
		parameters: { resource: 'phoneNumber', operation: 'update', phoneNumber: { __rl: true, mode, value: id }, updateFields, options: { retryDelayMs: 5 } } as never,
		credentials: vapiCredentials(sandbox()),
	});
}

describe('Vapi: update who answers a number', () => {
	it('Answered By Assistant sends that assistant and clears the squad and workflow, so a number never has two', async () => {
		const number = byProvider('twilio', 1);
		const assistant = sandbox().state.vapi.assistants[7].id;
		const result = await update(number.id, { answeredBy: 'assistant', assistantId: assistant });
		expect(result.error).toBeUndefined();
		const [patch] = sent().filter((r) => r.method === 'PATCH');
		expect(patch.path).toBe(`/phone-number/${number.id}`);
		expect(patch.headers.authorization).toBe(`Bearer ${VAPI_KEYS.main}`);
		expect(patch.body).toEqual({ assistantId: assistant, squadId: null, workflowId: null });
		expect(result.json[0]).toMatchObject({ id: number.id, assistantId: assistant, squadId: null });
		// Another system's secret in the answer never reaches the output.
		expect(result.json[0].twilioAuthToken).toBe('****');
		expect(JSON.stringify(result.json)).not.toContain(String(number.twilioAuthToken));
	});

	it('an assistant ID alone means Answered By Assistant; Server URL clears all three', async () => {
		const number = byProvider('vapi', 0);
		const squad = sandbox().state.vapi.squads[1].id;
		expect((await update(number.id, { squadId: squad })).error).toBeUndefined();
		expect(sent().find((r) => r.method === 'PATCH')?.body).toEqual({ assistantId: null, squadId: squad, workflowId: null });
		sandbox().clearRequests();
		expect((await update(number.id, { answeredBy: 'server', serverUrl: 'https://hooks.example.com/assistant-request', serverTimeoutSeconds: 45 })).error).toBeUndefined();
		expect(sent().find((r) => r.method === 'PATCH')?.body).toEqual({
			assistantId: null,
			squadId: null,
			workflowId: null,
			server: { url: 'https://hooks.example.com/assistant-request', timeoutSeconds: 45 },
		});
	});

	it.each([
		[{ fallbackType: 'number', fallbackNumber: '+14155550123' }, { fallbackDestination: { type: 'number', number: '+14155550123' } }],
		[{ fallbackSipUri: 'sip:desk@example.com' }, { fallbackDestination: { type: 'sip', sipUri: 'sip:desk@example.com' } }],
		[{ fallbackType: 'none' }, { fallbackDestination: null }],
		[{ name: 'Front desk' }, { name: 'Front desk' }],
		[{ smsEnabled: false }, { smsEnabled: false }],
	])('%j is sent as %j', async (fields, body) => {
		const number = byProvider('twilio', 2);
		const result = await update(number.id, fields);
		expect(result.error).toBeUndefined();
		expect(sent().find((r) => r.method === 'PATCH')?.body).toEqual(body);
	});

	it.each([
		[{ name: 'x'.repeat(41) }, /Name: is 41 characters long/],
		[{ assistantId: 'a', squadId: 'b' }, /cannot be set together/],
		[{ answeredBy: 'squad', assistantId: 'abc' }, /cannot be set when Answered By is squad/],
		[{ answeredBy: 'assistant' }, /Assistant Name or ID: needed when Answered By is assistant/],
		[{ serverTimeoutSeconds: 30 }, /needs Server URL in the same update/],
		[{ serverUrl: 'https://x.example', serverTimeoutSeconds: 301 }, /Server Timeout/],
		[{ fallbackType: 'number', fallbackNumber: '555-1234' }, /Fallback Number/],
		[{ fallbackType: 'sip', fallbackSipUri: 'desk@example.com' }, /Fallback SIP URI/],
	])('%j is refused before any request', async (fields, message) => {
		const result = await update(byProvider('twilio', 0).id, fields);
		expect(result.error?.message).toMatch(message);
		expect(sent()).toEqual([]);
	});

	it("Vapi's own validation speaks: SMS Enabled on a number that is not Twilio's", async () => {
		const result = await update(byProvider('vonage', 0).id, { smsEnabled: true });
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.message).toMatch(/property smsEnabled should not exist/);
		expect(sent().filter((r) => r.method === 'PATCH')).toHaveLength(1);
	});

	it('By Number finds the number with Vapi\'s search and updates it by its ID', async () => {
		const number = byProvider('telnyx', 0);
		const spaced = String(number.number).replace(/^(\+1)(\d{3})(\d{3})/, '$1 ($2) $3-');
		const result = await update(spaced, { name: 'Found' }, 'number');
		expect(result.error).toBeUndefined();
		expect(sent()[0]).toMatchObject({ method: 'GET', path: '/v2/phone-number' });
		expect(sent().find((r) => r.method === 'PATCH')?.path).toBe(`/phone-number/${number.id}`);
	});
});

describe('Vapi: get, list, dropdowns, credential', () => {
	it('get masks the SIP password of a Vapi number', async () => {
		const number = byProvider('vapi', 1);
		const result = await runNode({ node: 'vapi', parameters: { resource: 'phoneNumber', operation: 'get', phoneNumber: { __rl: true, mode: 'id', value: number.id } }, credentials: vapiCredentials(sandbox()) });
		expect(result.error).toBeUndefined();
		expect((result.json[0].authentication as IDataObject).password).toBe('****');
		expect(JSON.stringify(result.json)).not.toContain(String((number.authentication as IDataObject).password));
	});

	it('Get Many lists every number, and searches on the server', async () => {
		const all = await runNode({ node: 'vapi', parameters: { resource: 'phoneNumber', operation: 'getAll', returnAll: true }, credentials: vapiCredentials(sandbox()) });
		expect(all.json).toHaveLength(numbers().length);
		const found = await runNode({ node: 'vapi', parameters: { resource: 'phoneNumber', operation: 'getAll', returnAll: true, filters: { search: 'Line 1' } }, credentials: vapiCredentials(sandbox()) });
		expect(found.json.every((n) => String(n.name).includes('Line 1'))).toBe(true);
		expect(sent().at(-1)?.query.search).toBe('Line 1');
	});

	it('the assistant dropdown reads every page (1,200 assistants, by createdAtLt) and the squads', async () => {
		const assistants = await loadOptions('getAssistants', { node: 'vapi', credentials: vapiCredentials(sandbox()) });
		expect(assistants).toHaveLength(1200);
		expect(sent().filter((r) => r.path === '/assistant').map((r) => Boolean(r.query.createdAtLt))).toEqual([false, true]);
		const squads = await loadOptions('getSquads', { node: 'vapi', credentials: vapiCredentials(sandbox()) });
		expect(squads.map((s) => s.value).sort()).toEqual(sandbox().state.vapi.squads.map((s) => s.id).sort());
	});

	it('the phone number list shows numbers and names', async () => {
		const list = await listSearch('searchPhoneNumbers', { node: 'vapi', credentials: vapiCredentials(sandbox()) });
		expect(list.results.length).toBeGreaterThan(10);
		expect(list.results.every((r) => / · /.test(r.name))).toBe(true);
	});

	it('the credential test passes with the private key and fails with the public one, which it never shows', async () => {
		expect(await testCredential('vapiPhoneNumbersApi', { apiKey: VAPI_KEYS.main, baseUrl: sandbox().url })).toEqual({ status: 'OK', message: 'Connection successful' });
		const refused = await testCredential('vapiPhoneNumbersApi', { apiKey: VAPI_KEYS.public, baseUrl: sandbox().url });
		expect(refused.status).toBe('Error');
		expect(refused.message).toMatch(/answered 401/);
		expect(refused.message).not.toContain(VAPI_KEYS.public.slice(0, 8));
	});
});
