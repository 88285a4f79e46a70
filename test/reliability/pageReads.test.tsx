/**
 * Issue 31, item 4: bulk reads by the page. An update run whose items read first (Dry Run, Skip
 * Unchanged) reads the numbers from the provider's list pages when that costs fewer requests than
 * one read per item; it falls back to single reads where it cannot, and items on the same number
 * never lose an update. Asserted on what the sandbox received and what the node output.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import type { LoggedRequest, Sandbox } from '../../sandbox';
import { closeCredentials } from '../../sandbox/close/provider';
import { retellCredentials } from '../../sandbox/retell/provider';
import { signalWireCredentials } from '../../sandbox/signalwire/provider';
import { telnyxCredentials } from '../../sandbox/telnyx/provider';
import { twilioCredentials } from '../../sandbox/twilio/provider';
import { vapiCredentials } from '../../sandbox/vapi/provider';
import { useSandbox } from '../harness/sandbox';
import { runNode, type NodeName } from '../harness/runNode';

// 1,000 Close numbers: 10 pages of 100, as the benchmark's row.
const sandbox = useSandbox({ seed: { closeNumbers: 1000 } });
const ORG_A = 'orga_AcmeSales000000000000001';

interface Case {
	node: NodeName;
	provider: string;
	credentials: (s: Sandbox) => Record<string, ICredentialDataDecryptedObject>;
	/** Numbers of the credential's account: ID and the label-like field's value. */
	numbers: (s: Sandbox) => Array<{ id: string; label: string | null | undefined; e164: string }>;
	/** The label-like Update field. */
	field: string;
	/** A request that lists numbers (as opposed to reading one). */
	isList: (r: LoggedRequest) => boolean;
}

const CASES: Case[] = [
	{
		node: 'close',
		provider: 'close',
		credentials: (s) => closeCredentials(s),
		numbers: (s) => s.state.close.phoneNumbers.filter((n) => n.organization_id === ORG_A).map((n) => ({ id: String(n.id), label: n.label as string | null, e164: String(n.number) })),
		field: 'label',
		isList: (r) => r.path.endsWith('/phone_number/'),
	},
	{
		node: 'twilio',
		provider: 'twilio',
		credentials: (s) => twilioCredentials(s),
		numbers: (s) => s.state.twilio.numbers.map((n) => ({ id: String(n.sid), label: n.friendly_name as string | null, e164: String(n.phone_number) })),
		field: 'friendlyName',
		isList: (r) => r.path.endsWith('/IncomingPhoneNumbers.json'),
	},
	{
		node: 'signalWire',
		provider: 'signalwire',
		credentials: (s) => signalWireCredentials(s),
		numbers: (s) => s.state.signalwire.numbers.map((n) => ({ id: String(n.id), label: n.name as string | null, e164: String(n.number) })),
		field: 'name',
		isList: (r) => r.path.endsWith('/phone_numbers'),
	},
	{
		node: 'vapi',
		provider: 'vapi',
		credentials: (s) => vapiCredentials(s),
		numbers: (s) => s.state.vapi.numbers.map((n) => ({ id: String(n.id), label: n.name as string | null, e164: String(n.number) })),
		field: 'name',
		isList: (r) => r.path.endsWith('/phone-number'),
	},
	{
		node: 'retell',
		provider: 'retell',
		credentials: (s) => retellCredentials(s),
		numbers: (s) => s.state.retell.numbers.map((n) => ({ id: String(n.phone_number), label: n.nickname as string | null, e164: String(n.phone_number) })),
		field: 'nickname',
		isList: (r) => r.path.endsWith('/list-phone-numbers'),
	},
];

/** An Update of each item's `$json.id`, setting the field to `$json.value`. */
function bulk(field: string, options: IDataObject): INodeParameters {
	return {
		resource: 'phoneNumber',
		operation: 'update',
		phoneNumber: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
		updateFields: { [field]: '={{ $json.value }}' },
		options: { retryDelayMs: 5, ...options },
	} as INodeParameters;
}

const to = (provider: string) => sandbox().requests.filter((r) => r.provider === provider);
const writes = (provider: string) => to(provider).filter((r) => r.method !== 'GET');

describe.each(CASES)('$node', (c) => {
	it('Skip Unchanged over many numbers reads them by the page, not one by one, and writes only what differs', async () => {
		const numbers = c.numbers(sandbox()).filter((n) => typeof n.label === 'string' && n.label !== '').slice(0, 12);
		expect(numbers.length).toBe(12);
		// Every third number gets a new value; the others are asked for what they have.
		const items = numbers.map((n, i) => ({ id: n.id, value: i % 3 === 0 ? `Paged ${i}` : n.label }));
		const result = await runNode({ node: c.node, parameters: bulk(c.field, { skipUnchanged: true }), items, credentials: c.credentials(sandbox()) });
		expect(result.error).toBeUndefined();
		const reads = to(c.provider).filter((r) => r.method === 'GET');
		const lists = reads.filter(c.isList);
		expect(lists.length).toBeGreaterThan(0);
		// No number read alone before its write (a write may read its number back after it).
		const written = writes(c.provider);
		expect(written).toHaveLength(4);
		const firstWrite = to(c.provider).indexOf(written[0]);
		expect(to(c.provider).slice(0, firstWrite).every(c.isList)).toBe(true);
		expect(result.json.filter((out) => out.unchanged === true)).toHaveLength(8);
		expect(result.json[3].changes).toEqual([{ field: c.field, before: numbers[3].label, after: 'Paged 3' }]);
		expect(result.items.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
	});

	it('Dry Run over many numbers reads by the page, sends no write, and shows each number as read', async () => {
		const numbers = c.numbers(sandbox()).slice(0, 6);
		const items = numbers.map((n) => ({ id: n.id, value: 'Dry' }));
		const result = await runNode({ node: c.node, parameters: bulk(c.field, { dryRun: true }), items, credentials: c.credentials(sandbox()) });
		expect(result.error).toBeUndefined();
		expect(writes(c.provider)).toEqual([]);
		expect(to(c.provider).every(c.isList)).toBe(true);
		expect(result.json.map((out) => out.dryRun)).toEqual(numbers.map(() => true));
		expect(result.json[2].changes).toEqual([{ field: c.field, before: numbers[2].label ?? null, after: 'Dry' }].filter((change) => change.before !== 'Dry'));
	});

	it('By Number items (a CSV names numbers, not IDs) find their IDs in the same pages: no lookup, no read per item', async () => {
		const numbers = c.numbers(sandbox()).filter((n) => /^\+[1-9]\d{6,14}$/.test(n.e164) && typeof n.label === 'string' && n.label !== '').slice(0, 5);
		expect(numbers.length).toBe(5);
		// Written as people type them: spaces and dashes.
		const items = numbers.map((n, i) => ({ number: `${n.e164.slice(0, 5)} ${n.e164.slice(5, 8)}-${n.e164.slice(8)}`, value: i === 0 ? 'By number' : n.label }));
		const parameters = { ...bulk(c.field, { skipUnchanged: true }), phoneNumber: { __rl: true, mode: 'number', value: '={{ $json.number }}' } } as INodeParameters;
		const result = await runNode({ node: c.node, parameters, items, credentials: c.credentials(sandbox()) });
		expect(result.error).toBeUndefined();
		const written = writes(c.provider);
		expect(written).toHaveLength(1);
		// The first page holds all five: one list request, no lookup by number, no read alone.
		expect(to(c.provider).filter((r) => r.method === 'GET')).toHaveLength(1);
		expect(result.json[0].changes).toEqual([{ field: c.field, before: numbers[0].label, after: 'By number' }]);
		expect(c.numbers(sandbox()).find((n) => n.id === numbers[0].id)?.label).toBe('By number');
	});

	it('one item reads its number alone: a list would cost more', async () => {
		const [number] = c.numbers(sandbox());
		const result = await runNode({ node: c.node, parameters: bulk(c.field, { dryRun: true }), items: [{ id: number.id, value: 'One' }], credentials: c.credentials(sandbox()) });
		expect(result.error).toBeUndefined();
		expect(to(c.provider).filter(c.isList)).toEqual([]);
		expect(to(c.provider).filter((r) => r.method === 'GET')).toHaveLength(1);
	});

	it('two items on the same number take turns: the second compares with what the first wrote, and no update is lost', async () => {
		const [number, other] = c.numbers(sandbox()).filter((n) => typeof n.label === 'string' && n.label !== '');
		const original = number.label;
		// Item 0 renames it; item 1 (later in input order) asks for the original name back.
		const items = [
			{ id: number.id, value: 'Turns first' },
			{ id: other.id, value: other.label },
			{ id: number.id, value: original },
		];
		const result = await runNode({ node: c.node, parameters: bulk(c.field, { skipUnchanged: true }), items, credentials: c.credentials(sandbox()) });
		expect(result.error).toBeUndefined();
		expect(writes(c.provider)).toHaveLength(2);
		expect(result.json[2].changes).toEqual([{ field: c.field, before: 'Turns first', after: original }]);
		expect(c.numbers(sandbox()).find((n) => n.id === number.id)?.label).toBe(original);
	});
});

describe('bounds and fallbacks', () => {
	const closeItems = (ids: string[], value: string | ((i: number) => string)) => ids.map((id, i) => ({ id, value: typeof value === 'string' ? value : value(i) }));

	it('1,000 Close numbers, 100 of them different: 10 list pages, 100 writes, no single read', async () => {
		const numbers = CASES[0].numbers(sandbox());
		expect(numbers.length).toBeGreaterThanOrEqual(400);
		const chosen = numbers.slice(0, 400);
		const items = chosen.map((n, i) => ({ id: n.id, value: i % 4 === 0 ? `Bulk ${i}` : String(n.label) }));
		const result = await runNode({ node: 'close', parameters: bulk('label', { skipUnchanged: true, concurrency: 8 }), items, credentials: closeCredentials(sandbox()) });
		expect(result.error).toBeUndefined();
		const lists = to('close').filter(CASES[0].isList);
		// Stops as soon as every wanted number is found: no more pages than the org's list has.
		expect(lists.length).toBeLessThanOrEqual(Math.ceil(numbers.length / 100) + 1);
		expect(writes('close')).toHaveLength(100);
		const singleReadsBeforeWrites = to('close').filter((r) => r.method === 'GET' && !CASES[0].isList(r));
		// Close answers a PUT with the number: nothing is read alone.
		expect(singleReadsBeforeWrites).toEqual([]);
	});

	it('a few numbers in a long list: the walk gives up after two pages without a find, then reads alone', async () => {
		const numbers = CASES[0].numbers(sandbox());
		const tail = numbers.slice(-3).map((n) => n.id);
		const result = await runNode({ node: 'close', parameters: bulk('label', { dryRun: true }), items: closeItems(tail, 'Tail'), credentials: closeCredentials(sandbox()) });
		expect(result.error).toBeUndefined();
		const lists = to('close').filter(CASES[0].isList);
		expect(lists.length).toBeLessThanOrEqual(2);
		const singles = to('close').filter((r) => !CASES[0].isList(r));
		expect(singles).toHaveLength(3);
		// Never dearer than reading alone by more than two requests.
		expect(to('close').length).toBeLessThanOrEqual(3 + 2);
	});

	it('a number not in the list is read alone and fails its own item; the others go on', async () => {
		const [a, b] = CASES[0].numbers(sandbox());
		const missing = 'phon_NoSuchNumber000000000000000000000000000';
		const result = await runNode({
			node: 'close',
			parameters: bulk('label', { dryRun: true }),
			items: closeItems([a.id, missing, b.id], 'Missing'),
			credentials: closeCredentials(sandbox()),
			continueOnFail: true,
		});
		expect(result.json[1].error).toMatch(/404|not found|No phone number/i);
		expect(result.json[0].dryRun).toBe(true);
		expect(result.json[2].dryRun).toBe(true);
		expect(to('close').filter((r) => r.path.includes(missing))).toHaveLength(1);
	});

	it('a list page that fails falls back to single reads: every item still reads before it writes', async () => {
		const [a, b, d] = CASES[0].numbers(sandbox());
		sandbox().faults.add({ kind: 'status', provider: 'close', method: 'GET', path: /^\/api\/v1\/phone_number\/(\?.*)?$/, status: 500, body: { error: 'down' }, times: 100 });
		const result = await runNode({
			node: 'close',
			parameters: bulk('label', { skipUnchanged: true, maxTries: 1 }),
			items: closeItems([a.id, b.id, d.id], String(a.label)),
			credentials: closeCredentials(sandbox()),
		});
		expect(result.error).toBeUndefined();
		const singles = to('close').filter((r) => r.method === 'GET' && !CASES[0].isList(r));
		expect(singles.length).toBeGreaterThanOrEqual(3);
		expect(writes('close').length).toBe(2);
	});

	it('Telnyx, whose list lacks the voice settings, reads each number alone', async () => {
		const numbers = sandbox().state.telnyx.numbers.slice(0, 3);
		const result = await runNode({
			node: 'telnyx',
			parameters: bulk('customerReference', { dryRun: true }),
			items: numbers.map((n) => ({ id: n.id, value: 'Ref' })),
			credentials: telnyxCredentials(sandbox()),
		});
		expect(result.error).toBeUndefined();
		expect(to('telnyx').filter((r) => /\/phone_numbers$/.test(r.path))).toEqual([]);
		expect(writes('telnyx')).toEqual([]);
	});
});
