/**
 * Issue 33: "Phone number changed", a polling trigger for every provider, through n8n-core's real
 * PollContext against the sandbox. The first poll records; a change, a new number and a gone one
 * are emitted; a poll that cannot read the whole list emits nothing and keeps what it had; Fetch
 * Test Event shows one real number; what is kept stays small; a poll costs the list.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { requestsTo, useSandbox } from '../harness/sandbox';
import { closeCredentials } from '../../sandbox/close/provider';
import { retellCredentials } from '../../sandbox/retell/provider';
import { signalWireCredentials } from '../../sandbox/signalwire/provider';
import { synthflowCredentials } from '../../sandbox/synthflow/provider';
import { telnyxCredentials } from '../../sandbox/telnyx/provider';
import { twilioCredentials } from '../../sandbox/twilio/provider';
import { vapiCredentials } from '../../sandbox/vapi/provider';
import { pollTrigger } from '../harness/runNode';
import { type Provider } from '../../sandbox';
import { SYNTHFLOW_WORKSPACES } from '../../sandbox/synthflow/data';

const sandbox = useSandbox();

interface Case {
	trigger: string;
	provider: Provider;
	credentials: (s: Sandbox) => Record<string, ICredentialDataDecryptedObject>;
	/** The account's numbers as the trigger sees them. */
	numbers: (s: Sandbox) => IDataObject[];
	idOf: (n: IDataObject) => string;
	/** A watched field: its key, and a change made to it at the provider. */
	field: string;
	change: (n: IDataObject) => unknown;
	/** A number added at the provider (a copy of `n` under a new ID). */
	add: (s: Sandbox, n: IDataObject) => string;
	remove: (s: Sandbox, n: IDataObject) => void;
	/** The largest page the trigger's list asks for. */
	page: number;
}

const spliceOut = (list: IDataObject[], n: IDataObject) => list.splice(list.indexOf(n), 1);

const CASES: Case[] = [
	{
		trigger: 'closeTrigger',
		provider: 'close',
		credentials: (s) => closeCredentials(s),
		numbers: (s) => s.state.close.phoneNumbers.filter((n) => n.organization_id === 'orga_AcmeSales000000000000001') as IDataObject[],
		idOf: (n) => String(n.id),
		field: 'label',
		change: (n) => (n.label = `${String(n.label)} (moved)`),
		add: (s, n) => {
			(s.state.close.phoneNumbers as IDataObject[]).push({ ...n, id: 'phon_AddedByTheTriggerTest01', number: '+16505559999' });
			return 'phon_AddedByTheTriggerTest01';
		},
		remove: (s, n) => spliceOut(s.state.close.phoneNumbers as IDataObject[], n),
		page: 100,
	},
	{
		trigger: 'signalWireTrigger',
		provider: 'signalwire',
		credentials: (s) => signalWireCredentials(s),
		numbers: (s) => s.state.signalwire.numbers as IDataObject[],
		idOf: (n) => String(n.id),
		field: 'name',
		change: (n) => (n.name = 'Renamed by the test'),
		add: (s, n) => {
			(s.state.signalwire.numbers as IDataObject[]).push({ ...n, id: '0e9f4a57-1111-4222-8333-944455556666', number: '+15055550199' });
			return '0e9f4a57-1111-4222-8333-944455556666';
		},
		remove: (s, n) => spliceOut(s.state.signalwire.numbers as IDataObject[], n),
		page: 1000,
	},
	{
		trigger: 'synthflowTrigger',
		provider: 'synthflow',
		credentials: (s) => synthflowCredentials(s),
		numbers: (s) => s.state.synthflow.numbers.filter((n) => n.workspace_id === SYNTHFLOW_WORKSPACES.a) as IDataObject[],
		idOf: (n) => String(n.slug),
		field: 'isAvailable',
		change: (n) => (n.is_available = !n.is_available),
		add: (s, n) => {
			(s.state.synthflow.numbers as IDataObject[]).push({ ...n, slug: '15555550123', phone_number: '+15555550123' });
			return '15555550123';
		},
		remove: (s, n) => spliceOut(s.state.synthflow.numbers as IDataObject[], n),
		page: 100,
	},
	{
		trigger: 'twilioTrigger',
		provider: 'twilio',
		credentials: (s) => twilioCredentials(s),
		numbers: (s) => s.state.twilio.numbers as IDataObject[],
		idOf: (n) => String(n.sid),
		field: 'voiceUrl',
		change: (n) => (n.voice_url = 'https://hooks.example.com/moved'),
		add: (s, n) => {
			(s.state.twilio.numbers as IDataObject[]).push({ ...n, sid: 'PNaaaabbbbccccddddeeeeffff00001111', phone_number: '+14155550199' });
			return 'PNaaaabbbbccccddddeeeeffff00001111';
		},
		remove: (s, n) => spliceOut(s.state.twilio.numbers as IDataObject[], n),
		page: 1000,
	},
	{
		trigger: 'telnyxTrigger',
		provider: 'telnyx',
		credentials: (s) => telnyxCredentials(s),
		numbers: (s) => s.state.telnyx.numbers as IDataObject[],
		idOf: (n) => String(n.id),
		field: 'customerReference',
		change: (n) => (n.customer_reference = 'moved-by-test'),
		add: (s, n) => {
			(s.state.telnyx.numbers as IDataObject[]).push({ ...n, id: '9999999999999999999', phone_number: '+13125550199' });
			return '9999999999999999999';
		},
		remove: (s, n) => spliceOut(s.state.telnyx.numbers as IDataObject[], n),
		page: 250,
	},
	{
		trigger: 'vapiTrigger',
		provider: 'vapi',
		credentials: (s) => vapiCredentials(s),
		numbers: (s) => s.state.vapi.numbers as IDataObject[],
		idOf: (n) => String(n.id),
		field: 'name',
		change: (n) => (n.name = 'Moved'),
		add: (s, n) => {
			(s.state.vapi.numbers as IDataObject[]).push({ ...n, id: '11111111-2222-4333-8444-555555555555', number: '+16285559999' });
			return '11111111-2222-4333-8444-555555555555';
		},
		remove: (s, n) => spliceOut(s.state.vapi.numbers as IDataObject[], n),
		page: 1000,
	},
	{
		trigger: 'retellTrigger',
		provider: 'retell',
		credentials: (s) => retellCredentials(s),
		numbers: (s) => s.state.retell.numbers as IDataObject[],
		idOf: (n) => String(n.phone_number),
		field: 'nickname',
		change: (n) => (n.nickname = 'Moved'),
		add: (s, n) => {
			(s.state.retell.numbers as IDataObject[]).push({ ...n, phone_number: '+14157779999' });
			return '+14157779999';
		},
		remove: (s, n) => spliceOut(s.state.retell.numbers as IDataObject[], n),
		page: 100,
	},
];

describe.each(CASES)('$trigger', (c) => {
	const poll = (staticData: IDataObject, parameters: IDataObject = {}, mode: 'trigger' | 'manual' = 'trigger') =>
		pollTrigger({ node: c.trigger, parameters: parameters as never, credentials: c.credentials(sandbox()), staticData, mode });

	it('records first; then emits the change with before and after; a poll costs the list', async () => {
		const staticData: IDataObject = {};
		sandbox().clearRequests();
		const first = await poll(staticData);
		expect(first).toEqual({ items: null });
		const count = c.numbers(sandbox()).length;
		expect(requestsTo(sandbox(), c.provider).length).toBeLessThanOrEqual(Math.ceil(count / c.page) + 2);
		expect(await poll(staticData)).toEqual({ items: null });

		const target = c.numbers(sandbox())[2];
		c.change(target);
		const second = await poll(staticData);
		expect(second.error).toBeUndefined();
		expect(second.items).toHaveLength(1);
		const [item] = second.items as IDataObject[];
		expect(item).toMatchObject({ event: 'changed', id: c.idOf(target) });
		expect(String(item.phoneNumber)).toMatch(/^\+\d+$/);
		expect((item.changes as IDataObject[]).map((change) => change.field)).toEqual([c.field]);
		expect(item.number).toBeDefined();
		// Reported once.
		expect(await poll(staticData)).toEqual({ items: null });
	});

	it('against a baseline: reports a drifted number at every poll until it is back, then nothing', async () => {
		const staticData: IDataObject = {};
		const baseline = { compareWith: 'baseline' };
		expect(await poll(staticData, baseline)).toEqual({ items: null });
		const target = c.numbers(sandbox())[3];
		const original = JSON.parse(JSON.stringify(target)) as IDataObject;
		c.change(target);
		const drifted = await poll(staticData, baseline);
		expect(drifted.items).toEqual([expect.objectContaining({ event: 'changed', id: c.idOf(target) })]);
		const [change] = (drifted.items as IDataObject[])[0].changes as IDataObject[];
		// Still drifted: reported again, with the same before.
		const again = await poll(staticData, baseline);
		expect(((again.items as IDataObject[])[0].changes as IDataObject[])[0]).toEqual(change);
		// Put back (as a drift-alert workflow would): its own fix is no change.
		Object.assign(target, original);
		expect(await poll(staticData, baseline)).toEqual({ items: null });
		expect(await poll(staticData, baseline)).toEqual({ items: null });
	});

	it('emits added and removed when asked, and only what was asked', async () => {
		const staticData: IDataObject = {};
		await poll(staticData, { events: ['added', 'removed'] });
		const gone = c.numbers(sandbox())[5];
		const added = c.add(sandbox(), c.numbers(sandbox())[6]);
		c.remove(sandbox(), gone);
		c.change(c.numbers(sandbox())[7]);
		const result = await poll(staticData, { events: ['added', 'removed'] });
		expect(result.error).toBeUndefined();
		const events = (result.items as IDataObject[]).map((item) => `${String(item.event)} ${String(item.id)}`).sort();
		expect(events).toEqual([`added ${added}`, `removed ${c.idOf(gone)}`].sort());
	});

	it('a poll that cannot read the whole list emits nothing and keeps what it had: no number is reported removed', async () => {
		const staticData: IDataObject = {};
		await poll(staticData, { events: ['changed', 'added', 'removed'] });
		const kept = JSON.stringify(staticData);
		sandbox().faults.add({ kind: 'status', provider: c.provider, status: 503 });
		const failed = await poll(staticData, { events: ['changed', 'added', 'removed'] });
		expect(failed.error).toBeDefined();
		expect(failed.items).toBeNull();
		expect(JSON.stringify(staticData)).toBe(kept);
		sandbox().faults.clear();
		expect(await poll(staticData, { events: ['changed', 'added', 'removed'] })).toEqual({ items: null });
	});

	it('Fetch Test Event shows one real number as a changed sample and keeps nothing', async () => {
		const staticData: IDataObject = {};
		const result = await poll(staticData, {}, 'manual');
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect((result.items as IDataObject[])[0]).toMatchObject({ event: 'changed', changes: [] });
		expect(staticData).toEqual({});
	});
});

describe('what a trigger keeps stays small', () => {
	const large = useSandbox({ seed: { closeNumbers: 10_000 } });

	it('10,000 Close numbers (8,000 in the key’s organization) with the default watch fields: at most 200 bytes a number, in ⌈N ÷ 100⌉ + 2 requests', async () => {
		const staticData: IDataObject = {};
		const result = await pollTrigger({ node: 'closeTrigger', credentials: closeCredentials(large()), staticData });
		expect(result.error).toBeUndefined();
		const numbers = Object.keys((staticData['node:Node under test'] as IDataObject).numbers as IDataObject).length;
		const perNumber = JSON.stringify(staticData).length / numbers;
		process.stdout.write(`\nClose trigger: ${numbers} numbers kept in ${JSON.stringify(staticData).length} bytes (${perNumber.toFixed(0)} a number)\n`);
		expect(perNumber).toBeLessThanOrEqual(200);
		expect(requestsTo(large(), 'close').length).toBeLessThanOrEqual(Math.ceil(numbers / 100) + 2);
	}, 120_000);

	// Twilio's 21 watchable fields (URLs, methods, SIDs) are the most a number carries.
	const twilioLarge = useSandbox({ seed: { twilioNumbers: 10_000 } });
	it('10,000 Twilio numbers with all 21 default watch fields: at most 200 bytes a number, and a change still reports its before', async () => {
		const staticData: IDataObject = {};
		const credentials = twilioCredentials(twilioLarge());
		expect((await pollTrigger({ node: 'twilioTrigger', credentials, staticData })).error).toBeUndefined();
		const perNumber = JSON.stringify(staticData).length / 10_000;
		process.stdout.write(`\nTwilio trigger: 10,000 numbers kept in ${JSON.stringify(staticData).length} bytes (${perNumber.toFixed(0)} a number)\n`);
		expect(perNumber).toBeLessThanOrEqual(200);
		expect(requestsTo(twilioLarge(), 'twilio').length).toBeLessThanOrEqual(Math.ceil(10_000 / 1000) + 2);
		const number = twilioLarge().state.twilio.numbers[9_999];
		const before = number.trunk_sid ?? null;
		number.trunk_sid = 'TK0123456789abcdef0123456789abcdef';
		const { items } = await pollTrigger({ node: 'twilioTrigger', credentials, staticData });
		expect(items).toEqual([expect.objectContaining({ event: 'changed', id: number.sid, changes: [{ field: 'trunkSid', before, after: 'TK0123456789abcdef0123456789abcdef' }] })]);
	}, 120_000);

	it('a workflow activated on an earlier release (each number its kept values) still reports changes with their before', async () => {
		const staticData: IDataObject = {};
		const credentials = twilioCredentials(twilioLarge());
		await pollTrigger({ node: 'twilioTrigger', credentials, staticData });
		// As the earlier release kept it: no value table, the values themselves in each number's list.
		const seen = staticData['node:Node under test'] as { values?: string[]; numbers: Record<string, Array<string | number>> };
		for (const [id, entry] of Object.entries(seen.numbers)) seen.numbers[id] = entry.map((v, i) => (i === 0 ? v : seen.values![v as number]));
		delete seen.values;
		const number = twilioLarge().state.twilio.numbers[1];
		const before = number.friendly_name;
		number.friendly_name = 'Renamed after the upgrade';
		const { items } = await pollTrigger({ node: 'twilioTrigger', credentials, staticData });
		expect(items).toEqual([expect.objectContaining({ id: number.sid, changes: [{ field: 'friendlyName', before, after: 'Renamed after the upgrade' }] })]);
	}, 120_000);
});
