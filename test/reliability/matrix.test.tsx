/**
 * Every fault × every provider × update/get/list, through n8n-core and the sandbox: the outcome,
 * how many requests the provider saw, and that no secret reached an output or an error.
 * A summary table is printed at the end.
 */
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { CLOSE_KEYS, SIGNALWIRE_PROJECT, SYNTHFLOW_KEYS, type Fault, type Provider, type Sandbox } from '../../sandbox';
import { closeCredentials, requestsTo, signalWireCredentials, synthflowCredentials, useSandbox } from '../harness/sandbox';
import { runNode, type NodeName } from '../harness/runNode';

const sandbox = useSandbox();
const FAST = { retryDelayMs: 5, maxTries: 3, timeoutSeconds: 1 };

interface Target {
	provider: Provider;
	node: NodeName;
	secret: string;
	credentials: (s: Sandbox) => Record<string, ICredentialDataDecryptedObject>;
	operations: Record<'update' | 'get' | 'list', { parameters: (s: Sandbox) => INodeParameters; requests: number }>;
}

const targets: Target[] = [
	{
		provider: 'close',
		node: 'close',
		secret: CLOSE_KEYS.adminA,
		credentials: (s) => closeCredentials(s),
		operations: {
			update: {
				parameters: (s) => ({
					resource: 'phoneNumber',
					operation: 'update',
					phoneNumberId: { __rl: true, mode: 'id', value: s.state.close.phoneNumbers[0].id },
					updateFields: { label: 'Matrix' },
				}),
				requests: 1,
			},
			get: {
				parameters: (s) => ({
					resource: 'phoneNumber',
					operation: 'get',
					phoneNumberId: { __rl: true, mode: 'id', value: s.state.close.phoneNumbers[0].id },
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
		credentials: (s) => signalWireCredentials(s),
		operations: {
			update: {
				parameters: (s) => ({
					resource: 'phoneNumber',
					operation: 'update',
					phoneNumberId: { __rl: true, mode: 'id', value: s.state.signalwire.numbers[0].id },
					updateFields: { name: 'Matrix' },
				}),
				requests: 1,
			},
			get: {
				parameters: (s) => ({
					resource: 'phoneNumber',
					operation: 'get',
					phoneNumberId: { __rl: true, mode: 'id', value: s.state.signalwire.numbers[0].id },
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
					phoneNumber: { __rl: true, mode: 'id', value: s.state.synthflow.numbers[0].phone_number },
					updateFields: { friendlyName: 'Matrix' },
				}),
				requests: 2, // PATCH, then the read-back
			},
			get: {
				parameters: (s) => ({
					resource: 'phoneNumber',
					operation: 'get',
					phoneNumber: { __rl: true, mode: 'id', value: s.state.synthflow.numbers[0].phone_number },
				}),
				requests: 1,
			},
			list: { parameters: () => ({ resource: 'phoneNumber', operation: 'getAll', returnAll: false, limit: 5 }), requests: 1 },
		},
	},
];

const httpDate = () => new Date(Date.now() + 1000).toUTCString();

/** [name, fault, expected]: `retried` succeed with one extra request; `failed` stop with that code. */
const faults: Array<[string, (p: Provider) => Fault, { outcome: 'retried' } | { outcome: 'failed'; code: string; requests: number | 'maxTries' }]> = [
	['429 Retry-After seconds', (p) => ({ kind: 'status', provider: p, status: 429, headers: { 'Retry-After': '0.05' }, times: 1 }), { outcome: 'retried' }],
	['429 Retry-After date', (p) => ({ kind: 'status', provider: p, status: 429, headers: { 'Retry-After': httpDate() }, times: 1 }), { outcome: 'retried' }],
	['429 RateLimit reset', (p) => ({ kind: 'status', provider: p, status: 429, headers: { RateLimit: 'limit=20, remaining=0, reset=0.05' }, times: 1 }), { outcome: 'retried' }],
	['429 legacy rate_reset', (p) => ({ kind: 'status', provider: p, status: 429, body: { error: { message: 'Too many', rate_reset: 0.05 } }, times: 1 }), { outcome: 'retried' }],
	['429 no hint (backoff)', (p) => ({ kind: 'status', provider: p, status: 429, times: 1 }), { outcome: 'retried' }],
	['429 every time', (p) => ({ kind: 'status', provider: p, status: 429, headers: { 'Retry-After': '0.02' } }), { outcome: 'failed', code: '429', requests: 'maxTries' }],
	['500', (p) => ({ kind: 'status', provider: p, status: 500, times: 1 }), { outcome: 'retried' }],
	['502', (p) => ({ kind: 'status', provider: p, status: 502, times: 1 }), { outcome: 'retried' }],
	['503', (p) => ({ kind: 'status', provider: p, status: 503, times: 1 }), { outcome: 'retried' }],
	['504', (p) => ({ kind: 'status', provider: p, status: 504, times: 1 }), { outcome: 'retried' }],
	['503 every time', (p) => ({ kind: 'status', provider: p, status: 503 }), { outcome: 'failed', code: '503', requests: 'maxTries' }],
	['connection reset', (p) => ({ kind: 'reset', provider: p, times: 1 }), { outcome: 'retried' }],
	['never-ending answer (timeout)', (p) => ({ kind: 'hang', provider: p, times: 1 }), { outcome: 'retried' }],
	['malformed JSON', (p) => ({ kind: 'malformed', provider: p, times: 1 }), { outcome: 'retried' }],
	['400', (p) => ({ kind: 'status', provider: p, status: 400, body: { detail: 'Bad request', error: 'Bad request' } }), { outcome: 'failed', code: '400', requests: 1 }],
	['401', (p) => ({ kind: 'status', provider: p, status: 401, body: { error: 'Unauthorized', detail: 'Unauthorized' } }), { outcome: 'failed', code: '401', requests: 2 }],
	['403', (p) => ({ kind: 'status', provider: p, status: 403, body: { error: 'Forbidden', detail: 'Forbidden' } }), { outcome: 'failed', code: '403', requests: 1 }],
	['404', (p) => ({ kind: 'status', provider: p, status: 404, body: { error: 'Not Found', detail: 'Not Found' } }), { outcome: 'failed', code: '404', requests: 1 }],
	['422', (p) => ({ kind: 'status', provider: p, status: 422, body: { errors: [{ detail: 'Invalid', status: '422' }], detail: 'Invalid' } }), { outcome: 'failed', code: '422', requests: 1 }],
];

const table: Record<string, Record<string, string>> = {};

afterAll(() => {
	const columns = targets.flatMap((t) => (['update', 'get', 'list'] as const).map((op) => `${t.provider} ${op}`));
	const lines = [`| fault | ${columns.join(' | ')} |`, `|---|${columns.map(() => '---').join('|')}|`];
	for (const [fault] of faults) lines.push(`| ${fault} | ${columns.map((c) => table[fault]?.[c] ?? '–').join(' | ')} |`);
	process.stdout.write(`\nFault matrix (outcome, requests the provider saw):\n${lines.join('\n')}\n`);
});

describe.each(targets)('$provider', (target) => {
	describe.each(['update', 'get', 'list'] as const)('%s', (operation) => {
		it.each(faults)('%s', async (name, makeFault, expected) => {
			const op = target.operations[operation];
			sandbox().faults.add(makeFault(target.provider));
			const result = await runNode({
				node: target.node,
				parameters: { ...op.parameters(sandbox()), options: FAST },
				credentials: target.credentials(sandbox()),
			});
			const seen = requestsTo(sandbox(), target.provider).length;

			if (expected.outcome === 'retried') {
				expect(result.error).toBeUndefined();
				expect(result.json.length).toBeGreaterThan(0);
				expect(seen).toBe(op.requests + 1);
			} else {
				expect(result.error?.name).toBe('NodeApiError');
				expect(result.error?.httpCode).toBe(expected.code);
				expect(result.error?.context?.itemIndex).toBe(0);
				const wanted = expected.requests === 'maxTries' ? FAST.maxTries : expected.requests;
				// n8n itself re-sends once after a 401 (credential refresh); the node never repeats a 4xx.
				if (expected.code === '401') expect(seen).toBeLessThanOrEqual(wanted);
				else expect(seen).toBe(wanted);
			}
			const everything = JSON.stringify({ error: result.error, json: result.json });
			expect(everything).not.toContain(target.secret);
			(table[name] ??= {})[`${target.provider} ${operation}`] =
				`${result.error ? `error ${result.error.httpCode ?? ''}`.trim() : 'ok'} (${seen})`;
		});
	});
});
