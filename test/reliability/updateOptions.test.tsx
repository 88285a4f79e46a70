/**
 * Issue 31: Dry Run and Skip Unchanged on every node, through n8n-core against the sandbox. Each
 * node updates one field to the value the number already has and one to a new value: Dry Run sends
 * no write and shows the change and the requests; Skip Unchanged sends only the new value; both
 * equal sends nothing. Assertions are on what the sandbox received and what the node output.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { useSandbox } from '../harness/sandbox';
import { closeCredentials } from '../../sandbox/close/provider';
import { signalWireCredentials } from '../../sandbox/signalwire/provider';
import { synthflowCredentials } from '../../sandbox/synthflow/provider';
import { telnyxCredentials } from '../../sandbox/telnyx/provider';
import { twilioCredentials } from '../../sandbox/twilio/provider';
import { runNode, type NodeName } from '../harness/runNode';

const sandbox = useSandbox();
const ORG_A = 'orga_AcmeSales000000000000001';
type Value = IDataObject[string];

interface Case {
	node: NodeName;
	credentials: (s: Sandbox) => Record<string, ICredentialDataDecryptedObject>;
	id: (s: Sandbox) => string;
	/** A field set to what the number has (read from a Get's output), and one set to something new. */
	same: { key: string; value: (number: IDataObject) => Value };
	changed: { key: string; value: (number: IDataObject) => Value; sentAs: (value: Value) => IDataObject };
}

const CASES: Case[] = [
	{
		node: 'close',
		credentials: (s) => closeCredentials(s),
		id: (s) => s.state.close.phoneNumbers.filter((n) => n.organization_id === ORG_A)[4].id,
		same: { key: 'label', value: (n) => n.label },
		changed: { key: 'inboundRingDuration', value: (n) => (n.inbound_ring_duration === 45 ? 50 : 45), sentAs: (v) => ({ inbound_ring_duration: v }) },
	},
	{
		node: 'signalWire',
		credentials: (s) => signalWireCredentials(s),
		id: (s) => s.state.signalwire.numbers[4].id,
		same: { key: 'name', value: (n) => n.name },
		changed: { key: 'callReceiveMode', value: (n) => (n.call_receive_mode === 'fax' ? 'voice' : 'fax'), sentAs: (v) => ({ call_receive_mode: v }) },
	},
	{
		node: 'synthflow',
		credentials: (s) => synthflowCredentials(s),
		id: (s) => s.state.synthflow.numbers[4].slug,
		same: { key: 'friendlyName', value: (n) => n.friendly_name },
		changed: { key: 'uacRegisterExpires', value: (n) => (n.uac_register_expires === 900 ? 1200 : 900), sentAs: (v) => ({ uac_register_expires: v }) },
	},
	{
		node: 'twilio',
		credentials: (s) => twilioCredentials(s),
		id: (s) => s.state.twilio.numbers[4].sid,
		same: { key: 'friendlyName', value: (n) => n.friendly_name },
		changed: { key: 'voiceMethod', value: (n) => (n.voice_method === 'GET' ? 'POST' : 'GET'), sentAs: (v) => ({ VoiceMethod: v }) },
	},
	{
		node: 'telnyx',
		credentials: (s) => telnyxCredentials(s),
		id: (s) => s.state.telnyx.numbers[4].id,
		same: { key: 'customerReference', value: (n) => n.customer_reference ?? '' },
		changed: {
			key: 'callerIdNameEnabled',
			value: (n) => !(n.voice as IDataObject).caller_id_name_enabled,
			sentAs: (v) => ({ caller_id_name_enabled: v }),
		},
	},
];

function parameters(id: string, updateFields: IDataObject, options: IDataObject): INodeParameters {
	return { resource: 'phoneNumber', operation: 'update', phoneNumber: { __rl: true, mode: 'id', value: id }, updateFields, options: { retryDelayMs: 5, ...options } } as INodeParameters;
}

const writes = () => sandbox().requests.filter((r) => r.method !== 'GET');

describe.each(CASES)('$node', (c) => {
	async function current(): Promise<IDataObject> {
		const result = await runNode({ node: c.node, parameters: { resource: 'phoneNumber', operation: 'get', phoneNumber: { __rl: true, mode: 'id', value: c.id(sandbox()) } }, credentials: c.credentials(sandbox()) });
		expect(result.error).toBeUndefined();
		sandbox().clearRequests();
		return result.json[0];
	}

	it('Dry Run reads, checks, shows the change and the requests, and sends no write', async () => {
		const number = await current();
		const after = c.changed.value(number);
		const fields = { [c.same.key]: c.same.value(number), [c.changed.key]: after };
		const result = await runNode({ node: c.node, parameters: parameters(c.id(sandbox()), fields, { dryRun: true }), credentials: c.credentials(sandbox()) });
		expect(result.error).toBeUndefined();
		expect(writes()).toEqual([]);
		const out = result.json[0];
		expect(out.dryRun).toBe(true);
		expect(out.changes).toEqual([expect.objectContaining({ field: c.changed.key, after })]);
		expect((out.changes as IDataObject[])[0].before).not.toEqual(after);
		const requests = out.requests as Array<{ method: string; path: string; body: IDataObject }>;
		expect(requests.length).toBeGreaterThan(0);
		// Without Skip Unchanged an update would send both fields.
		const shown = JSON.stringify(requests);
		expect(shown).toContain(Object.keys(c.changed.sentAs(after))[0]);
		expect(requests.every((r) => r.path.startsWith('/') && ['PUT', 'PATCH', 'POST'].includes(r.method))).toBe(true);
		expect(requests.reduce((count, r) => count + Object.keys(r.body).length, 0)).toBeGreaterThanOrEqual(2);
		expect((out.number as IDataObject) ?? {}).toBeTruthy();
	});

	it('Skip Unchanged sends only the field that differs, and outputs changes', async () => {
		const number = await current();
		const after = c.changed.value(number);
		const fields = { [c.same.key]: c.same.value(number), [c.changed.key]: after };
		const result = await runNode({ node: c.node, parameters: parameters(c.id(sandbox()), fields, { skipUnchanged: true }), credentials: c.credentials(sandbox()) });
		expect(result.error).toBeUndefined();
		const sent = writes();
		expect(sent).toHaveLength(1);
		const body = c.node === 'twilio' ? Object.fromEntries(new URLSearchParams(sent[0].rawBody)) : (sent[0].body as IDataObject);
		const flat = c.node === 'telnyx' ? { caller_id_name_enabled: body.caller_id_name_enabled } : body;
		expect(flat).toEqual(c.node === 'twilio' ? { VoiceMethod: after } : c.changed.sentAs(after));
		expect(result.json[0].changes).toEqual([expect.objectContaining({ field: c.changed.key, after })]);
	});

	it('Skip Unchanged with nothing different sends nothing and says unchanged', async () => {
		const number = await current();
		const result = await runNode({
			node: c.node,
			parameters: parameters(c.id(sandbox()), { [c.same.key]: c.same.value(number) }, { skipUnchanged: true }),
			credentials: c.credentials(sandbox()),
		});
		expect(result.error).toBeUndefined();
		expect(writes()).toEqual([]);
		expect(result.json[0]).toMatchObject({ unchanged: true, changes: [] });
	});

	it('a Dry Run with bad input fails like an update, naming the field, before any request', async () => {
		const bad: Record<string, IDataObject> = {
			close: { inboundRingDuration: 5 },
			signalWire: { callReceiveMode: 'radio' },
			synthflow: { uacRegisterExpires: 5 },
			twilio: { voiceMethod: 'PUT' },
			telnyx: { forwardingType: 'sometimes' },
		};
		sandbox().clearRequests();
		const result = await runNode({ node: c.node, parameters: parameters(c.id(sandbox()), bad[c.node], { dryRun: true }), credentials: c.credentials(sandbox()), continueOnFail: true });
		expect(result.json[0].error).toBeDefined();
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(sandbox().requests).toEqual([]);
	});
});

describe('comparison as the provider means it', () => {
	const close = (id: string, fields: IDataObject, extra: IDataObject = {}) =>
		runNode({ node: 'close', parameters: { ...parameters(id, fields, { skipUnchanged: true }), ...extra } as INodeParameters, credentials: closeCredentials(sandbox()) });
	const group = () => sandbox().state.close.phoneNumbers.filter((n) => n.is_group_number && n.organization_id === ORG_A)[3];

	it('the same E.164 number with separators, the same members in another order, null and empty alike: no write', async () => {
		const number = group();
		number.forward_to = '+16502221111';
		number.voicemail_greeting_url = null;
		const members = [...(number.participants as string[])].reverse();
		const result = await close(number.id as string, { forwardTo: '+16502221111', participants: members, voicemailGreetingUrl: '' });
		expect(result.error).toBeUndefined();
		expect(writes()).toEqual([]);
		expect(result.json[0].unchanged).toBe(true);
	});

	it('a URL as the provider stores it is the same URL (SignalWire, host case and default path)', async () => {
		const number = sandbox().state.signalwire.numbers.find((n) => typeof n.call_request_url === 'string' && n.call_request_url) as IDataObject;
		const url = String(number.call_request_url).replace('https://hooks.example.com', 'HTTPS://Hooks.Example.com');
		sandbox().clearRequests();
		const result = await runNode({
			node: 'signalWire',
			parameters: parameters(String(number.id), { callRequestUrl: url }, { skipUnchanged: true }),
			credentials: signalWireCredentials(sandbox()),
		});
		expect(result.error).toBeUndefined();
		expect(writes()).toEqual([]);
	});

	it("Synthflow's trunk password is always written, and masked in Dry Run's changes and requests", async () => {
		const number = sandbox().state.synthflow.numbers[6];
		const result = await runNode({
			node: 'synthflow',
			parameters: parameters(number.slug, { trunkPassword: 'Trunk-Pw-DryRun-77', friendlyName: number.friendly_name as string }, { dryRun: true, skipUnchanged: true }),
			credentials: synthflowCredentials(sandbox()),
		});
		expect(result.error).toBeUndefined();
		expect(JSON.stringify(result.json)).not.toContain('Trunk-Pw-DryRun-77');
		expect(result.json[0].changes).toEqual([{ field: 'trunkPassword', before: '****', after: '****' }]);
		expect((result.json[0].requests as Array<{ body: IDataObject }>)[0].body).toEqual({ trunk_pwd: '****' });
		expect(writes()).toEqual([]);
	});

	it('Close Add mode outputs changes with the lists before and after', async () => {
		const number = group();
		const users = sandbox().state.close.users.filter((u) => u.organizationIds.includes(ORG_A)).map((u) => u.id);
		const before = [...(number.participants as string[])];
		const newcomer = users.find((u) => !before.includes(u)) as string;
		sandbox().clearRequests();
		const result = await close(number.id as string, { participants: [newcomer] }, { membershipMode: 'add', options: { retryDelayMs: 5 } });
		expect(result.error).toBeUndefined();
		expect(result.json[0].changes).toEqual([{ field: 'participants', before, after: [...before, newcomer] }]);
	});

	it('Skip Unchanged with a read that fails fails the item: never a blind write', async () => {
		const number = group();
		sandbox().faults.add({ kind: 'status', provider: 'close', method: 'GET', status: 404, body: { error: 'Not found' } });
		const result = await close(number.id as string, { label: 'Blind' });
		expect(result.error?.httpCode).toBe('404');
		expect(writes()).toEqual([]);
	});
});
