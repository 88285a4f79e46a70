/**
 * Every fault × every provider × update/get/list, through n8n-core and the sandbox: the outcome,
 * how many requests the provider saw, and that no secret reached an output or an error.
 * A summary table is printed at the end.
 */
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { type Fault, type Provider, type Sandbox } from '../../sandbox';
import { CLOSE_KEYS } from '../../sandbox/close/data';
import { RETELL_KEYS } from '../../sandbox/retell/data';
import { SIGNALWIRE_PROJECT } from '../../sandbox/signalwire/data';
import { SYNTHFLOW_KEYS } from '../../sandbox/synthflow/data';
import { TELNYX_KEYS } from '../../sandbox/telnyx/data';
import { TWILIO_ACCOUNT } from '../../sandbox/twilio/data';
import { VAPI_KEYS } from '../../sandbox/vapi/data';
import { requestsTo, useSandbox } from '../harness/sandbox';
import { closeCredentials } from '../../sandbox/close/provider';
import { retellCredentials } from '../../sandbox/retell/provider';
import { signalWireCredentials } from '../../sandbox/signalwire/provider';
import { synthflowCredentials } from '../../sandbox/synthflow/provider';
import { telnyxCredentials } from '../../sandbox/telnyx/provider';
import { twilioCredentials } from '../../sandbox/twilio/provider';
import { vapiCredentials } from '../../sandbox/vapi/provider';
import { runNode, type NodeName } from '../harness/runNode';

const sandbox = useSandbox();
const FAST = { retryDelayMs: 5, maxTries: 3, timeoutSeconds: 1 };
// Every fault kind × every node × update/get/getAll; see the printed table.

interface Target {
	provider: Provider;
	node: NodeName;
	secret: string;
	/** The HTTP Basic pair n8n sends for this credential. */
	basic?: { user: string; password: string };
	credentials: (s: Sandbox) => Record<string, ICredentialDataDecryptedObject>;
	operations: Record<'update' | 'get' | 'list', { parameters: (s: Sandbox) => INodeParameters; requests: number }>;
	/** Requests of an update whose write was answered 2xx with an odd body (kept, then read back); default 2. */
	oddWriteRequests?: number;
}

const targets: Target[] = [
	{
		provider: 'close',
		node: 'close',
		secret: CLOSE_KEYS.adminA,
		basic: { user: CLOSE_KEYS.adminA, password: '' },
		credentials: (s) => closeCredentials(s),
		operations: {
			update: {
				parameters: (s) => ({
					resource: 'phoneNumber',
					operation: 'update',
					phoneNumber: { __rl: true, mode: 'id', value: s.state.close.phoneNumbers[0].id },
					updateFields: { label: 'Matrix' },
				}),
				requests: 1,
			},
			get: {
				parameters: (s) => ({
					resource: 'phoneNumber',
					operation: 'get',
					phoneNumber: { __rl: true, mode: 'id', value: s.state.close.phoneNumbers[0].id },
				}),
				requests: 1,
			},
			list: { parameters: () => ({ resource: 'phoneNumber', operation: 'getAll', returnAll: false, limit: 5 }), requests: 1 },
		},
	},
	{
		provider: 'signalwire',
		node: 'signalWire',
		secret: SIGNALWIRE_PROJECT.apiToken,
		basic: { user: SIGNALWIRE_PROJECT.projectId, password: SIGNALWIRE_PROJECT.apiToken },
		credentials: (s) => signalWireCredentials(s),
		operations: {
			update: {
				parameters: (s) => ({
					resource: 'phoneNumber',
					operation: 'update',
					phoneNumber: { __rl: true, mode: 'id', value: s.state.signalwire.numbers[0].id },
					updateFields: { name: 'Matrix' },
				}),
				requests: 1,
			},
			get: {
				parameters: (s) => ({
					resource: 'phoneNumber',
					operation: 'get',
					phoneNumber: { __rl: true, mode: 'id', value: s.state.signalwire.numbers[0].id },
				}),
				requests: 1,
			},
			list: { parameters: () => ({ resource: 'phoneNumber', operation: 'getAll', returnAll: false, limit: 5 }), requests: 1 },
		},
	},
	{
		provider: 'synthflow',
		node: 'synthflow',
		secret: SYNTHFLOW_KEYS.main,
		credentials: (s) => synthflowCredentials(s),
		operations: {
			update: {
				parameters: (s) => ({
					resource: 'phoneNumber',
					operation: 'update',
					phoneNumber: { __rl: true, mode: 'number', value: s.state.synthflow.numbers[0].phone_number },
					updateFields: { friendlyName: 'Matrix' },
				}),
				requests: 2, // PATCH, then the read-back
			},
			get: {
				parameters: (s) => ({
					resource: 'phoneNumber',
					operation: 'get',
					phoneNumber: { __rl: true, mode: 'number', value: s.state.synthflow.numbers[0].phone_number },
				}),
				requests: 1,
			},
			list: { parameters: () => ({ resource: 'phoneNumber', operation: 'getAll', returnAll: false, limit: 5 }), requests: 1 },
		},
	},
	{
		provider: 'twilio',
		node: 'twilio',
		secret: TWILIO_ACCOUNT.authToken,
		basic: { user: TWILIO_ACCOUNT.accountSid, password: TWILIO_ACCOUNT.authToken },
		credentials: (s) => twilioCredentials(s),
		operations: {
			update: {
				parameters: (s) => ({
					resource: 'phoneNumber',
					operation: 'update',
					phoneNumber: { __rl: true, mode: 'id', value: s.state.twilio.numbers[0].sid },
					updateFields: { friendlyName: 'Matrix' },
				}),
				requests: 1,
			},
			get: {
				parameters: (s) => ({
					resource: 'phoneNumber',
					operation: 'get',
					phoneNumber: { __rl: true, mode: 'id', value: s.state.twilio.numbers[0].sid },
				}),
				requests: 1,
			},
			list: { parameters: () => ({ resource: 'phoneNumber', operation: 'getAll', returnAll: false, limit: 5 }), requests: 1 },
		},
	},
	{
		provider: 'telnyx',
		node: 'telnyx',
		secret: TELNYX_KEYS.main,
		credentials: (s) => telnyxCredentials(s),
		// The number PATCH, then its voice and messaging settings read for the output.
		oddWriteRequests: 4,
		operations: {
			update: {
				parameters: (s) => ({
					resource: 'phoneNumber',
					operation: 'update',
					phoneNumber: { __rl: true, mode: 'id', value: s.state.telnyx.numbers[0].id },
					updateFields: { customerReference: 'Matrix' },
				}),
				requests: 3,
			},
			get: {
				parameters: (s) => ({
					resource: 'phoneNumber',
					operation: 'get',
					phoneNumber: { __rl: true, mode: 'id', value: s.state.telnyx.numbers[0].id },
				}),
				requests: 3,
			},
			list: { parameters: () => ({ resource: 'phoneNumber', operation: 'getAll', returnAll: false, limit: 5 }), requests: 1 },
		},
	},
	{
		provider: 'vapi',
		node: 'vapi',
		secret: VAPI_KEYS.main,
		credentials: (s) => vapiCredentials(s),
		operations: {
			update: {
				parameters: (s) => ({ resource: 'phoneNumber', operation: 'update', phoneNumber: { __rl: true, mode: 'id', value: s.state.vapi.numbers[0].id }, updateFields: { name: 'Matrix' } }),
				requests: 1,
			},
			get: { parameters: (s) => ({ resource: 'phoneNumber', operation: 'get', phoneNumber: { __rl: true, mode: 'id', value: s.state.vapi.numbers[0].id } }), requests: 1 },
			list: { parameters: () => ({ resource: 'phoneNumber', operation: 'getAll', returnAll: false, limit: 5 }), requests: 1 },
		},
	},
	{
		provider: 'retell',
		node: 'retell',
		secret: RETELL_KEYS.main,
		credentials: (s) => retellCredentials(s),
		operations: {
			update: {
				parameters: (s) => ({ resource: 'phoneNumber', operation: 'update', phoneNumber: { __rl: true, mode: 'id', value: String(s.state.retell.numbers[0].phone_number) }, updateFields: { nickname: 'Matrix' } }),
				requests: 1,
			},
			get: { parameters: (s) => ({ resource: 'phoneNumber', operation: 'get', phoneNumber: { __rl: true, mode: 'id', value: String(s.state.retell.numbers[0].phone_number) } }), requests: 1 },
			list: { parameters: () => ({ resource: 'phoneNumber', operation: 'getAll', returnAll: false, limit: 5 }), requests: 1 },
		},
	},
];

const oddWrite = (p: Provider) => targets.find((t) => t.provider === p)?.oddWriteRequests ?? 2;

const httpDate = () => new Date(Date.now() + 1000).toUTCString();

type Operation = 'update' | 'get' | 'list';
type Expected =
	/** Succeeds after one extra request (the fault's). */
	| { outcome: 'retried' }
	/** Succeeds with exactly this many requests (a write answered 2xx is never sent again). */
	| { outcome: 'ok'; requests: number; empty?: boolean }
	/** Fails with this error; `requests` the provider saw. */
	| { outcome: 'failed'; code?: string; name?: string; requests: number | 'maxTries'; message?: RegExp };

const redirect = (status: number): [string, (p: Provider) => Fault, () => Expected] => [
	`${status} redirect to another host`,
	(p) => ({ kind: 'redirect', provider: p, status }),
	() => ({ outcome: 'failed', code: String(status), requests: 1, message: /redirect to localhost:\d+: it was not followed/ }),
];

/** A 2xx whose body is not the record: a write is kept (read back), a read tries again or fails clearly. */
const oddBody = (name: string, raw: string, read: Expected): [string, (p: Provider) => Fault, (op: Operation, p: Provider) => Expected] => [
	`200 with ${name}`,
	(p) => ({ kind: 'body', provider: p, raw, times: 1 }),
	(op, p) => (op === 'update' ? { outcome: 'ok', requests: oddWrite(p) } : read),
];

const notAnObject: Expected = { outcome: 'failed', name: 'NodeApiError', requests: 1, message: /where a JSON object was expected/ };

/** [name, fault, expected]: what each operation does when the provider answers so. */
const faults: Array<[string, (p: Provider) => Fault, (op: Operation, p: Provider) => Expected]> = [
	['429 Retry-After seconds', (p) => ({ kind: 'status', provider: p, status: 429, headers: { 'Retry-After': '0.05' }, times: 1 }), () => ({ outcome: 'retried' })],
	['429 Retry-After date', (p) => ({ kind: 'status', provider: p, status: 429, headers: { 'Retry-After': httpDate() }, times: 1 }), () => ({ outcome: 'retried' })],
	['429 RateLimit reset', (p) => ({ kind: 'status', provider: p, status: 429, headers: { RateLimit: 'limit=20, remaining=0, reset=0.05' }, times: 1 }), () => ({ outcome: 'retried' })],
	['429 legacy rate_reset', (p) => ({ kind: 'status', provider: p, status: 429, body: { error: { message: 'Too many', rate_reset: 0.05 } }, times: 1 }), () => ({ outcome: 'retried' })],
	['429 no hint (backoff)', (p) => ({ kind: 'status', provider: p, status: 429, times: 1 }), () => ({ outcome: 'retried' })],
	['429 Retry-After negative (ignored)', (p) => ({ kind: 'status', provider: p, status: 429, headers: { 'Retry-After': '-5' }, times: 1 }), () => ({ outcome: 'retried' })],
	['429 RateLimit reset negative (ignored)', (p) => ({ kind: 'status', provider: p, status: 429, headers: { RateLimit: 'limit=20, remaining=0, reset=-20' }, times: 1 }), () => ({ outcome: 'retried' })],
	['429 Retry-After absurd (ignored)', (p) => ({ kind: 'status', provider: p, status: 429, headers: { 'Retry-After': '99999999999' }, times: 1 }), () => ({ outcome: 'retried' })],
	['429 Retry-After past Max Wait', (p) => ({ kind: 'status', provider: p, status: 429, headers: { 'Retry-After': '3600' } }), () => ({ outcome: 'failed', code: '429', requests: 1, message: /rate limit/ })],
	['429 every time', (p) => ({ kind: 'status', provider: p, status: 429, headers: { 'Retry-After': '0.02' } }), () => ({ outcome: 'failed', code: '429', requests: 'maxTries' })],
	['500', (p) => ({ kind: 'status', provider: p, status: 500, times: 1 }), () => ({ outcome: 'retried' })],
	['502', (p) => ({ kind: 'status', provider: p, status: 502, times: 1 }), () => ({ outcome: 'retried' })],
	['503', (p) => ({ kind: 'status', provider: p, status: 503, times: 1 }), () => ({ outcome: 'retried' })],
	['504', (p) => ({ kind: 'status', provider: p, status: 504, times: 1 }), () => ({ outcome: 'retried' })],
	['503 every time', (p) => ({ kind: 'status', provider: p, status: 503 }), () => ({ outcome: 'failed', code: '503', requests: 'maxTries' })],
	['connection reset', (p) => ({ kind: 'reset', provider: p, times: 1 }), () => ({ outcome: 'retried' })],
	['never-ending answer (timeout)', (p) => ({ kind: 'hang', provider: p, times: 1 }), () => ({ outcome: 'retried' })],
	['answer trickling past Timeout', (p) => ({ kind: 'trickle', provider: p, latencyMs: 300, times: 1 }), () => ({ outcome: 'retried' })],
	['malformed JSON', (p) => ({ kind: 'malformed', provider: p, times: 1 }), (op, p) => (op === 'update' ? { outcome: 'ok', requests: oddWrite(p) } : { outcome: 'retried' })],
	oddBody('an HTML page', '<html><body>Maintenance</body></html>', { outcome: 'retried' }),
	oddBody('null', 'null', notAnObject),
	oddBody('a number', '42', notAnObject),
	oddBody('a list', '[{"id": 1}]', notAnObject),
	oddBody('an empty body', '', notAnObject),
	redirect(301),
	redirect(302),
	redirect(307),
	redirect(308),
	[
		'redirect on the same host',
		(p) => ({ kind: 'redirect', provider: p, location: '/api/elsewhere' }),
		() => ({ outcome: 'failed', code: '302', requests: 1, message: /a redirect to 127\.0\.0\.1:\d+: it was not followed/ }),
	],
	['error echoing the credential', (p) => ({ kind: 'echo', provider: p }), () => ({ outcome: 'failed', code: '400', requests: 1 })],
	['5 MB error body', (p) => ({ kind: 'huge', provider: p, status: 500 }), () => ({ outcome: 'failed', code: '500', requests: 'maxTries' })],
	[
		'endless pages',
		(p) => ({ kind: 'endless', provider: p }),
		(op, p) =>
			op !== 'list'
				? p === 'telnyx'
					? // every answer is a list page: a record read finds no record in it
						{ outcome: 'failed', name: 'NodeOperationError', requests: op === 'update' ? 2 : 1, message: /without the record/ }
					: { outcome: 'ok', requests: p === 'synthflow' && op === 'update' ? 2 : 1 }
				: p === 'signalwire' || p === 'twilio' || p === 'telnyx' || p === 'vapi' || p === 'retell'
					? // a next link that points at its own page
						{ outcome: 'failed', name: 'NodeOperationError', requests: 2, message: /same next page twice/ }
					: // an empty page that says there is more: the listing ends there
						{ outcome: 'ok', requests: 1, empty: true },
	],
	['400', (p) => ({ kind: 'status', provider: p, status: 400, body: { detail: 'Bad request', error: 'Bad request' } }), () => ({ outcome: 'failed', code: '400', requests: 1 })],
	['401', (p) => ({ kind: 'status', provider: p, status: 401, body: { error: 'Unauthorized', detail: 'Unauthorized' } }), () => ({ outcome: 'failed', code: '401', requests: 2 })],
	['403', (p) => ({ kind: 'status', provider: p, status: 403, body: { error: 'Forbidden', detail: 'Forbidden' } }), () => ({ outcome: 'failed', code: '403', requests: 1 })],
	['404', (p) => ({ kind: 'status', provider: p, status: 404, body: { error: 'Not Found', detail: 'Not Found' } }), () => ({ outcome: 'failed', code: '404', requests: 1 })],
	['422', (p) => ({ kind: 'status', provider: p, status: 422, body: { errors: [{ detail: 'Invalid', status: '422' }], detail: 'Invalid' } }), () => ({ outcome: 'failed', code: '422', requests: 1 })],
];

/** Every form a credential's secret may take in an echo: raw, URL-encoded, base64, the Basic blob. */
function secretForms(target: Target): string[] {
	const basic = target.basic ? Buffer.from(`${target.basic.user}:${target.basic.password}`).toString('base64') : undefined;
	return [target.secret, encodeURIComponent(target.secret), Buffer.from(target.secret).toString('base64'), ...(basic ? [basic, basic.replace(/=+$/, '')] : [])];
}

const table: Record<string, Record<string, string>> = {};

afterAll(() => {
	const columns = targets.flatMap((t) => (['update', 'get', 'list'] as const).map((op) => `${t.provider} ${op}`));
	const lines = [`| fault | ${columns.join(' | ')} |`, `|---|${columns.map(() => '---').join('|')}|`];
	for (const fault of [...faults.map(([name]) => name), ...answerKinds.map(([kind]) => `2xx ${kind}`)]) lines.push(`| ${fault} | ${columns.map((c) => table[fault]?.[c] ?? '–').join(' | ')} |`);
	process.stdout.write(`\nFault matrix (outcome, requests the provider saw):\n${lines.join('\n')}\n`);
});

describe.each(targets)('$provider', (target) => {
	describe.each(['update', 'get', 'list'] as const)('%s', (operation) => {
		it.each(faults)('%s', async (name, makeFault, expectFor) => {
			const expected = expectFor(operation, target.provider);
			const op = target.operations[operation];
			sandbox().faults.add(makeFault(target.provider));
			const result = await runNode({
				node: target.node,
				parameters: { ...op.parameters(sandbox()), options: FAST },
				credentials: target.credentials(sandbox()),
			});
			const seen = requestsTo(sandbox(), target.provider).length;

			if (expected.outcome === 'retried' || expected.outcome === 'ok') {
				expect(result.error).toBeUndefined();
				if (!(expected.outcome === 'ok' && expected.empty)) expect(result.json.length).toBeGreaterThan(0);
				expect(seen).toBe(expected.outcome === 'ok' ? expected.requests : op.requests + 1);
			} else {
				expect(result.error?.name).toBe(expected.name ?? 'NodeApiError');
				if (expected.code) expect(result.error?.httpCode).toBe(expected.code);
				expect(result.error?.context?.itemIndex).toBe(0);
				if (expected.message) expect(result.error?.message).toMatch(expected.message);
				const wanted = expected.requests === 'maxTries' ? FAST.maxTries : expected.requests;
				// n8n itself re-sends once after a 401 (credential refresh); the node never repeats a 4xx.
				if (expected.code === '401') expect(seen).toBeLessThanOrEqual(wanted);
				else expect(seen).toBe(wanted);
			}
			// Nothing went anywhere but the provider, and no secret reached an output or error in any form.
			expect(sandbox().requests.filter((r) => r.path.startsWith('/stolen'))).toHaveLength(0);
			const everything = JSON.stringify({ error: result.error, json: result.json });
			for (const form of secretForms(target)) expect(everything).not.toContain(form);
			// Provider text is bounded: a 5 MB error body gives a small error.
			expect(everything.length).toBeLessThan(20_000);
			(table[name] ??= {})[`${target.provider} ${operation}`] =
				`${result.error ? `error ${result.error.httpCode ?? result.error.name}`.trim() : 'ok'} (${seen})`;
		});
	});
});

/**
 * Issue 37's answer kinds: 2xx bodies that broke a recursive masker or reached an output as they
 * were. Whatever a provider's operation makes of such a body (output it, read back, or refuse a body
 * without its record), the run never crashes, never outputs a prototype or a secret, and says
 * clearly when an answer is too large (and, for a write, that it was applied).
 */
const DEEP = `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`;
const answerKinds: Array<[string, (target: Target) => string, Array<'update' | 'get' | 'list'>]> = [
	['nested 3,000 levels deep', () => `{"id":"x","deep":${DEEP}}`, ['update', 'get', 'list']],
	['a __proto__ key', () => '{"id":"x","__proto__":{"polluted":"yes"}}', ['update', 'get', 'list']],
	['the secret as a key', (target) => JSON.stringify({ id: 'x', [target.secret]: 1, data: { [target.secret]: 2 } }), ['update', 'get', 'list']],
	['40 MB of text', () => JSON.stringify({ id: 'x', blob: 'x'.repeat(40 * 1024 * 1024) }), ['update', 'get']],
];

describe.each(targets)('$provider: 2xx answers that break a naive masker', (target) => {
	describe.each(answerKinds)('%s', (kind, raw, operations) => {
		it.each(operations)('%s', async (operation) => {
			const op = target.operations[operation];
			sandbox().faults.add({ kind: 'body', provider: target.provider, raw: raw(target), times: 1 });
			const result = await runNode({ node: target.node, parameters: { ...op.parameters(sandbox()), options: FAST }, credentials: target.credentials(sandbox()) });
			const everything = JSON.stringify({ error: result.error, json: result.json });
			expect(everything).not.toMatch(/Maximum call stack|could not be reached/);
			for (const item of result.json) {
				expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
				expect((item as { polluted?: unknown }).polluted).toBeUndefined();
			}
			for (const form of secretForms(target)) expect(everything).not.toContain(form);
			expect(everything.length).toBeLessThan(5_000_000);
			if (kind === '40 MB of text' && result.error) {
				expect(result.error.message).toMatch(/too large to output/);
				if (operation === 'update') expect(result.error.description).toMatch(/applied/);
			}
			(table[`2xx ${kind}`] ??= {})[`${target.provider} ${operation}`] = `${result.error ? `error ${result.error.httpCode || result.error.name}`.trim() : 'ok'}`;
		});
	});
});
