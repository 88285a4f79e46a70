/**
 * Issues 29 and 37: what a provider's answer can do to the masker. Parts of a secret echoed in an
 * error, other systems' passwords in a Get or an error body, a secret used as a key, an answer
 * nested thousands of levels deep, a `__proto__` key, a redirect to a host that carries a secret.
 * Through n8n-core against the sandbox; each asserts on what the user sees.
 */
import type { IDataObject } from 'n8n-workflow';

import { TELNYX_KEYS } from '../../sandbox/telnyx/data';
import { TWILIO_ACCOUNT } from '../../sandbox/twilio/data';
import { useSandbox } from '../harness/sandbox';
import { telnyxCredentials } from '../../sandbox/telnyx/provider';
import { twilioCredentials } from '../../sandbox/twilio/provider';
import { runNode } from '../harness/runNode';
import { SecretMasker } from '../../nodes/shared/transport/secrets'

const sandbox = useSandbox();
const FAST = { retryDelayMs: 5, maxTries: 2, timeoutSeconds: 2 };
const everything = (result: { json: IDataObject[]; error?: unknown }) =>
	JSON.stringify({ json: result.json, error: { ...(result.error as object), node: undefined, stack: undefined } });

function telnyxGet(id: string) {
	return runNode({
		node: 'telnyx',
		parameters: { resource: 'phoneNumber', operation: 'get', phoneNumber: { __rl: true, mode: 'id', value: id }, options: FAST },
		credentials: telnyxCredentials(sandbox()),
	});
}

/** A Telnyx Get whose answer's `data` is the raw JSON text `data` (what a hostile or odd server sends). */
function telnyxGetAnswering(id: string, data: string) {
	sandbox().faults.add({ kind: 'body', provider: 'telnyx', method: 'GET', path: /\/v2\/phone_numbers\/\d+$/, raw: `{"data":${data}}` });
	return telnyxGet(id);
}

function twilioGet(sid: string) {
	return runNode({
		node: 'twilio',
		parameters: { resource: 'phoneNumber', operation: 'get', phoneNumber: { __rl: true, mode: 'id', value: sid }, options: FAST },
		credentials: twilioCredentials(sandbox()),
	});
}

describe('parts of a secret', () => {
	const key = TELNYX_KEYS.main;
	const token = TWILIO_ACCOUNT.authToken;
	it.each([
		['the first 12 characters of the Telnyx key', key.slice(0, 12)],
		['the last 10 characters of the Telnyx key', key.slice(-10)],
		['8 characters from the middle of the Telnyx key', key.slice(20, 28)],
	])('%s, echoed in an error, are masked', async (_, part) => {
		const number = sandbox().state.telnyx.numbers[0];
		sandbox().faults.add({ kind: 'status', provider: 'telnyx', status: 422, body: { errors: [{ code: '10015', title: 'Bad key', detail: `key ${part} is not valid` }] } });
		const result = await telnyxGet(number.id);
		expect(result.error?.httpCode).toBe('422');
		expect(everything(result)).not.toContain(part);
		expect(result.error?.message).toContain('****');
	});

	it.each([
		['the first 12 characters of the Twilio auth token', token.slice(0, 12)],
		['the last 10 characters of the Twilio auth token', token.slice(-10)],
	])('%s, echoed in an error, are masked', async (_, part) => {
		const number = sandbox().state.twilio.numbers[0];
		sandbox().faults.add({ kind: 'status', provider: 'twilio', status: 400, body: { code: 20001, message: `token ${part}… refused`, status: 400 } });
		const result = await twilioGet(number.sid);
		expect(result.error?.httpCode).toBe('400');
		expect(everything(result)).not.toContain(part);
	});

	it('seven characters are not a secret: ordinary text survives', () => {
		const masker = new SecretMasker([key]);
		expect(masker.mask(`code ${key.slice(3, 10)} stays`)).toBe(`code ${key.slice(3, 10)} stays`);
		expect(masker.mask(`x${key.slice(3, 11)}y`)).toBe('x****y');
	});
});

describe("other systems' secrets", () => {
	it("a Get never outputs a password field of the provider's answer (a connection's SIP password, nested too)", async () => {
		const number = sandbox().state.telnyx.numbers[0];
		const result = await telnyxGetAnswering(number.id, JSON.stringify({ id: number.id, phone_number: number.phone_number, connection: { user_name: 'sipuser', password: 'Sip-Pass-Leak-77' }, auth_password: 'Auth-Pass-Leak-88' }));
		expect(result.error).toBeUndefined();
		const text = everything(result);
		expect(text).not.toContain('Sip-Pass-Leak-77');
		expect(text).not.toContain('Auth-Pass-Leak-88');
		expect(result.json[0]).toMatchObject({ connection: { user_name: 'sipuser', password: '****' }, auth_password: '****' });
	});

	it('a password in an error body is masked wherever the error repeats it', async () => {
		const number = sandbox().state.telnyx.numbers[0];
		sandbox().faults.add({
			kind: 'status',
			provider: 'telnyx',
			status: 422,
			body: { errors: [{ code: '10015', title: 'Invalid', detail: 'SIP password Sip-Pass-Leak-99 is too weak' }], connection: { password: 'Sip-Pass-Leak-99' } },
		});
		const result = await telnyxGet(number.id);
		expect(result.error?.httpCode).toBe('422');
		expect(everything(result)).not.toContain('Sip-Pass-Leak-99');
	});

	it('a secret used as a key of the answer is masked too', async () => {
		const number = sandbox().state.telnyx.numbers[0];
		const result = await telnyxGetAnswering(number.id, JSON.stringify({ id: number.id, phone_number: number.phone_number, [TELNYX_KEYS.main]: 'x' }));
		expect(result.error).toBeUndefined();
		expect(everything(result)).not.toContain(TELNYX_KEYS.main.slice(0, 12));
	});
});

describe('answers that break a recursive masker', () => {
	it('a 2xx nested 3,000 levels deep is output (cut at a bound), not a stack overflow', async () => {
		const number = sandbox().state.telnyx.numbers[0];
		const deep = `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`;
		const result = await telnyxGetAnswering(number.id, `{"id":"${number.id}","deep":${deep}}`);
		expect(result.error).toBeUndefined();
		expect(result.json[0].id).toBe(number.id);
		expect(JSON.stringify(result.json[0])).toContain('left out: nested deeper than');
	});

	it("outputs an answer's fields in the provider's order, a secret-named one masked in its place", async () => {
		// The masker's copy used to fill each object from a stack, last field first: the output
		// listed a number's fields backwards (its id last) and secret-named ones first.
		const number = sandbox().state.telnyx.numbers[0];
		const result = await telnyxGetAnswering(number.id, `{"id":"${number.id}","phone_number":"${number.phone_number}","sip_password":"hunter22hunter22","tags":["a","b"],"connection":{"id":"7","name":"Main"},"status":"active"}`);
		expect(result.error).toBeUndefined();
		const sent = ['id', 'phone_number', 'sip_password', 'tags', 'connection', 'status'];
		// (The node adds the number's voice and messaging settings after them.)
		expect(Object.keys(result.json[0]).filter((key) => sent.includes(key))).toEqual(sent);
		expect(result.json[0]).toMatchObject({ sip_password: '****', tags: ['a', 'b'], connection: { id: '7', name: 'Main' } });
		expect(Object.keys(result.json[0].connection as object)).toEqual(['id', 'name']);
	});

	it('a __proto__ key never becomes the output item\'s prototype', async () => {
		const number = sandbox().state.telnyx.numbers[0];
		const result = await telnyxGetAnswering(number.id, `{"id":"${number.id}","phone_number":"${number.phone_number}","__proto__":{"polluted":"yes","status":"deleted"}}`);
		expect(result.error).toBeUndefined();
		const item = result.json[0];
		expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
		expect((item as { polluted?: string }).polluted).toBeUndefined();
		expect(({} as { polluted?: string }).polluted).toBeUndefined();
		// What the client hands the operation, before n8n copies it.
		const answer = new SecretMasker([TELNYX_KEYS.main]).maskDeep(JSON.parse('{"id":"1","__proto__":{"polluted":"yes"}}') as IDataObject);
		expect(Object.getPrototypeOf(answer)).toBe(Object.prototype);
		expect(answer.polluted).toBeUndefined();
	});

	it('a secret-named field in a list of objects is masked, and so is its value wherever else the answer shows it', () => {
		const answer = new SecretMasker([TELNYX_KEYS.main]).maskDeep({
			id: '1',
			note: 'trunk login uses Hunter2-Trunk-Pass!',
			connections: [{ name: 'A', auth: { sip_password: 'Hunter2-Trunk-Pass!', port: 5060 } }, 'plain'],
		} as IDataObject);
		expect(JSON.stringify(answer)).not.toContain('Hunter2-Trunk');
		expect(answer).toEqual({ id: '1', note: 'trunk login uses ****', connections: [{ name: 'A', auth: { sip_password: '****', port: 5060 } }, 'plain'] });
	});

	it('a redirect to a host that carries the key names the host masked', async () => {
		const number = sandbox().state.telnyx.numbers[0];
		const host = `${TELNYX_KEYS.main.slice(0, 20).toLowerCase()}.evil.example`;
		sandbox().faults.add({ kind: 'redirect', provider: 'telnyx', status: 302, location: `https://${TELNYX_KEYS.main.slice(0, 20)}.evil.example/x` });
		const result = await telnyxGet(number.id);
		expect(result.error?.httpCode).toBe('302');
		expect(everything(result).toLowerCase()).not.toContain(host.slice(0, 12));
	});
});
