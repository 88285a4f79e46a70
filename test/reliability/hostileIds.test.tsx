/**
 * Issue 29: an ID is never rewritten into another ID. Every node × {update, get} × {literal,
 * expression} gets IDs that a separator-stripping or number-parsing step would turn into another
 * number's ID (dots, dashes, signs, floats, spaces, percent-encodings, look-alike digits): each must
 * fail with an error that names the Phone Number, and no request may reach the provider at all. The
 * same IDs typed right, and numbers typed with separators in By Number, still reach their number.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { useSandbox } from '../harness/sandbox';
import { closeCredentials } from '../../sandbox/close/provider';
import { retellCredentials } from '../../sandbox/retell/provider';
import { signalWireCredentials } from '../../sandbox/signalwire/provider';
import { synthflowCredentials } from '../../sandbox/synthflow/provider';
import { telnyxCredentials } from '../../sandbox/telnyx/provider';
import { twilioCredentials } from '../../sandbox/twilio/provider';
import { vapiCredentials } from '../../sandbox/vapi/provider';
import { runNode, type NodeName } from '../harness/runNode';

const sandbox = useSandbox();

interface Case {
	node: NodeName;
	credentials: (s: Sandbox) => Record<string, ICredentialDataDecryptedObject>;
	/** A real number's ID and its E.164 number, and another number's ID. */
	target: (s: Sandbox) => { id: string; e164: string };
	updateFields: IDataObject;
	/** The path of a number in the provider's API (to tell which number a request went to). */
	pathOf: (id: string) => RegExp;
}

const CASES: Case[] = [
	{
		node: 'close',
		credentials: (s) => closeCredentials(s),
		target: (s) => ({ id: s.state.close.phoneNumbers[0].id, e164: s.state.close.phoneNumbers[0].number }),
		updateFields: { label: 'Hostile' },
		pathOf: (id) => new RegExp(`^/api/v1/phone_number/${id}/$`),
	},
	{
		node: 'signalWire',
		credentials: (s) => signalWireCredentials(s),
		target: (s) => ({ id: s.state.signalwire.numbers[0].id, e164: s.state.signalwire.numbers[0].number }),
		updateFields: { name: 'Hostile' },
		pathOf: (id) => new RegExp(`^/api/relay/rest/phone_numbers/${id}$`),
	},
	{
		node: 'synthflow',
		credentials: (s) => synthflowCredentials(s),
		target: (s) => ({ id: s.state.synthflow.numbers[0].slug, e164: s.state.synthflow.numbers[0].phone_number }),
		updateFields: { friendlyName: 'Hostile' },
		pathOf: (id) => new RegExp(`^/v2/numbers/${id}$`),
	},
	{
		node: 'twilio',
		credentials: (s) => twilioCredentials(s),
		target: (s) => ({ id: s.state.twilio.numbers[0].sid, e164: s.state.twilio.numbers[0].phone_number }),
		updateFields: { friendlyName: 'Hostile' },
		pathOf: (id) => new RegExp(`/IncomingPhoneNumbers/${id}\\.json$`),
	},
	{
		node: 'telnyx',
		credentials: (s) => telnyxCredentials(s),
		target: (s) => ({ id: s.state.telnyx.numbers[0].id, e164: s.state.telnyx.numbers[0].phone_number }),
		updateFields: { customerReference: 'Hostile' },
		pathOf: (id) => new RegExp(`^/v2/phone_numbers/${id}(/voice|/messaging)?$`),
	},
	{
		node: 'vapi',
		credentials: (s) => vapiCredentials(s),
		target: (s) => {
			const number = s.state.vapi.numbers.find((n) => n.provider === 'twilio') as { id: string; number: string };
			return { id: number.id, e164: number.number };
		},
		updateFields: { name: 'Hostile' },
		pathOf: (id) => new RegExp(`^/phone-number/${id}$`),
	},
	{
		node: 'retell',
		credentials: (s) => retellCredentials(s),
		target: (s) => ({ id: String(s.state.retell.numbers[0].phone_number), e164: String(s.state.retell.numbers[0].phone_number) }),
		updateFields: { nickname: 'Hostile' },
		pathOf: (id) => new RegExp(`^/(get|update)-phone-number/${encodeURIComponent(id)}$`),
	},
];

/** IDs that are one edit away from `id`: none may be sent, whatever a cleanup would make of it. */
function hostileIds(id: string): string[] {
	const mid = Math.floor(id.length / 2);
	return [
		`${id.slice(0, -1)}.${id.slice(-1)}`, // 129338426107573100.2 → …1002
		`${id.slice(0, mid)}-${id.slice(mid)}`, // 1293384261-075731002
		`${id.slice(0, mid)} ${id.slice(mid)}`,
		`${id.slice(0, mid)}(${id.slice(mid)})`,
		`${id}.0`,
		`${id}.`,
		`-${id}`,
		`+${id}`,
		'-7',
		'+7',
		'7.5',
		'1e3',
		'0x1F',
		`${id.slice(0, mid)}%2D${id.slice(mid)}`,
		`${id.slice(0, mid)}%${id.slice(mid)}`,
		`${id}%2F..%2F`,
		`${id}/../x`,
		`${id.slice(0, mid)}\u200b${id.slice(mid)}`, // zero-width space
		`${id.slice(0, mid)}\t${id.slice(mid)}`,
		id.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), // full-width digits
		`${id}?x=1`,
		`${id}#`,
	].filter((hostile) => hostile !== id);
}

function parameters(operation: 'update' | 'get', locator: IDataObject, updateFields: IDataObject): INodeParameters {
	return {
		resource: 'phoneNumber',
		operation,
		phoneNumber: { __rl: true, ...locator },
		...(operation === 'update' ? { updateFields } : {}),
		options: { retryDelayMs: 5, maxTries: 2 },
	} as INodeParameters;
}

describe.each(CASES)('$node: IDs are never rewritten', (c) => {
	it.each(['update', 'get'] as const)('%s: every hostile ID, literal or from an expression, fails before any request', async (operation) => {
		const { id } = c.target(sandbox());
		const values = hostileIds(id).flatMap((hostile) => [hostile, `={{ ${JSON.stringify(hostile)} }}`]);
		// Numbers from an expression that text would lose digits of, or that a sign would change.
		values.push('={{ 1293384261075731002.5 }}', '={{ 1.2e21 }}', '={{ -7 }}', '={{ 3378299058.05 }}');
		for (const value of values) {
			sandbox().clearRequests();
			const result = await runNode({ node: c.node, parameters: parameters(operation, { mode: 'id', value }, c.updateFields), credentials: c.credentials(sandbox()) });
			expect({ value, error: result.error?.message }).toEqual({ value, error: expect.stringMatching(/Phone Number|issues/) });
			expect({ value, requests: sandbox().requests.map((r) => `${r.method} ${r.path}`) }).toEqual({ value, requests: [] });
		}
	});

	it.each(['update', 'get'] as const)('%s: the ID typed right, literal or from an expression, reaches its own number only', async (operation) => {
		const { id } = c.target(sandbox());
		for (const value of [id, ` ${id} `, `={{ ${JSON.stringify(id)} }}`]) {
			sandbox().clearRequests();
			const result = await runNode({ node: c.node, parameters: parameters(operation, { mode: 'id', value }, c.updateFields), credentials: c.credentials(sandbox()) });
			expect(result.error).toBeUndefined();
			const numberRequests = sandbox().requests.filter((r) => /phone[-_]number|numbers|IncomingPhoneNumbers/.test(r.path) && !/^\/v2\/phone-number$/.test(r.path));
			expect(numberRequests.length).toBeGreaterThan(0);
			for (const request of numberRequests) expect(request.path).toMatch(c.pathOf(id));
		}
	});

	it('By Number drops separators there only, and finds the number itself', async () => {
		const { id, e164 } = c.target(sandbox());
		const spaced = `${e164.slice(0, 2)} (${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;
		for (const value of [spaced, `={{ ${JSON.stringify(e164.replace(/(\d{3})/, '$1.'))} }}`]) {
			sandbox().clearRequests();
			const result = await runNode({ node: c.node, parameters: parameters('update', { mode: 'number', value }, c.updateFields), credentials: c.credentials(sandbox()) });
			expect(result.error).toBeUndefined();
			const writes = sandbox().requests.filter((r) => r.method !== 'GET');
			expect(writes.length).toBeGreaterThan(0);
			for (const write of writes) expect(write.path).toMatch(c.pathOf(id));
		}
	});

	it('By Number refuses what is not E.164, and a number not of the account, writing to no number', async () => {
		for (const value of ['={{ "12345" }}', '={{ "+1 415 555 01OO" }}', '+19999999999']) {
			sandbox().clearRequests();
			const result = await runNode({ node: c.node, parameters: parameters('update', { mode: 'number', value }, c.updateFields), credentials: c.credentials(sandbox()) });
			expect(result.error?.message).toMatch(/Phone Number|issues|not found|answered 404/);
			// Synthflow's ID is the number: its PATCH to a number it does not have answers 404.
			const writes = sandbox().requests.filter((r) => r.method !== 'GET' && !r.path.includes('19999999999'));
			expect(writes).toEqual([]);
		}
	});
});
