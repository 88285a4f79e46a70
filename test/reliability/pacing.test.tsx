import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { type Sandbox } from '../../sandbox';
import { CLOSE_KEYS } from '../../sandbox/close/data';
import { requestsTo, useSandbox } from '../harness/sandbox';
import { closeCredentials } from '../../sandbox/close/provider';
import { runNode, updateEachItem } from '../harness/runNode';

/** Close's update of every item's number (`$json.id`), by default its label (`$json.label`). */
function updateEach(
	sandbox: Sandbox,
	items: IDataObject[],
	{
		updateFields = { label: '={{ $json.label }}' },
		options = {},
		continueOnFail = false,
	}: {
		updateFields?: INodeParameters;
		options?: INodeParameters;
		continueOnFail?: boolean;
	} = {},
) {
	return runNode({
		node: 'close',
		parameters: updateEachItem('phoneNumber', updateFields, options),
		items,
		continueOnFail,
		credentials: closeCredentials(sandbox),
	});
}

describe('Close: pacing by the RateLimit header, and what a long throttle does', () => {
	// 4 requests per second per key.
	const sandbox = useSandbox({ rateLimits: { close: 4 } });
	const ids = () => sandbox().state.close.phoneNumbers.filter((n) => n.is_group_number).slice(0, 10).map((n) => n.id);

	function updateAll(items: Array<{ id: string; label: string }>, options: INodeParameters = {}) {
		return updateEach(sandbox(), items, { options: { concurrency: 1, retryDelayMs: 5, ...options } });
	}

	it('waits for the reset when remaining reaches 0 instead of provoking a 429', async () => {
		const result = await updateAll(ids().map((id, i) => ({ id, label: `Paced ${i}` })));
		expect(result.error).toBeUndefined();
		expect(result.json).toHaveLength(10);
		const sent = requestsTo(sandbox(), 'close');
		// 10 requests at 4 a window: any request sent before a reset would have drawn a 429.
		expect(sent.filter((r) => r.status === 429)).toHaveLength(0);
		expect(sent).toHaveLength(10);
	});

	it('at any concurrency applies every update exactly once, in input order', async () => {
		const items = ids().map((id, i) => ({ id, label: `Concurrent ${i}` }));
		const result = await updateAll(items, { concurrency: 8 });
		expect(result.error).toBeUndefined();
		expect(result.json.map((n) => n.label)).toEqual(items.map((i) => i.label));
		expect(result.items.map((i) => i.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		const applied = requestsTo(sandbox(), 'close').filter((r) => r.status === 200);
		expect(applied.map((r) => (r.body as { label: string }).label).sort()).toEqual(items.map((i) => i.label).sort());
	});

	it('gives up at once when the provider asks for a wait past Max Wait, saying how long and what to change', async () => {
		sandbox().faults.add({ kind: 'status', provider: 'close', status: 429, headers: { 'Retry-After': '120' } });
		const result = await updateAll([{ id: ids()[0], label: 'x' }], { maxWaitSeconds: 10 });
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.description).toMatch(/asked for 120\.0 s more, past the Max Wait option/);
		expect(result.error?.description).toMatch(/Raise Max Wait/);
		expect(requestsTo(sandbox(), 'close')).toHaveLength(1);
	});

	it('after the last try, says how long it waited', async () => {
		sandbox().faults.add({ kind: 'status', provider: 'close', status: 429, headers: { 'Retry-After': '0.1' } });
		const result = await updateAll([{ id: ids()[0], label: 'x' }], { maxTries: 3 });
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.description).toMatch(/Waited 0\.2 s over the tries allowed/);
		expect(requestsTo(sandbox(), 'close')).toHaveLength(3);
	});

	it("waits for the window's exact reset, not the whole second Retry-After rounds it up to", async () => {
		const headers = { RateLimit: 'limit=4, remaining=0, reset=0.200', 'Retry-After': '1' };
		sandbox().faults.add({ kind: 'status', provider: 'close', status: 429, headers, times: 2 });
		const result = await updateAll([{ id: ids()[0], label: 'x' }], { maxTries: 2 });
		// Two tries, one wait between them: 0.2 s (the reset), not 1 s (Retry-After).
		expect(result.error?.description).toMatch(/Waited 0\.2 s over the tries allowed/);
		expect(requestsTo(sandbox(), 'close')).toHaveLength(2);
	});

	it('keeps a Retry-After longer than the reset rounded up: a penalty, not a rounding', async () => {
		const headers = { RateLimit: 'limit=4, remaining=0, reset=0.050', 'Retry-After': '120' };
		sandbox().faults.add({ kind: 'status', provider: 'close', status: 429, headers });
		const result = await updateAll([{ id: ids()[0], label: 'x' }], { maxWaitSeconds: 10 });
		expect(result.error?.description).toMatch(/asked for 120\.0 s more, past the Max Wait option/);
		expect(requestsTo(sandbox(), 'close')).toHaveLength(1);
	});

	/** One number's label update, the execution cancelled 300 ms in. */
	function updateCancelledAfter300Ms(options: INodeParameters = {}) {
		return runNode({
			node: 'close',
			parameters: {
				resource: 'phoneNumber',
				operation: 'update',
				phoneNumber: { __rl: true, mode: 'id', value: ids()[0] },
				updateFields: { label: 'Cancelled' },
				options,
			},
			credentials: closeCredentials(sandbox()),
			cancelAfterMs: 300,
		});
	}

	it('ends a wait at once when the execution is cancelled', async () => {
		sandbox().faults.add({ kind: 'status', provider: 'close', status: 429, headers: { 'Retry-After': '30' } });
		const result = await updateCancelledAfter300Ms();
		// The test's own timeout (60 s) is past the 30 s wait: ending at all shows it ended early.
		expect(requestsTo(sandbox(), 'close')).toHaveLength(1);
		expect(result.json).toHaveLength(0);
	});

	it('ends a request in flight at once when the execution is cancelled', async () => {
		sandbox().faults.add({ kind: 'hang', provider: 'close' });
		const result = await updateCancelledAfter300Ms({ timeoutSeconds: 600 });
		expect(result.json).toHaveLength(0);
		// The answer never comes and the Timeout is 600 s: only the cancel closes the connection.
		const [request] = requestsTo(sandbox(), 'close');
		for (let waited = 0; request.abandonedAt === undefined && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
		expect(request.abandonedAt).toBeDefined();
		expect(requestsTo(sandbox(), 'close')).toHaveLength(1);
	});

	it('with Continue On Fail, a batch of good, bad, missing and throttled items updates every good one exactly once', async () => {
		const [a, b, c, d] = ids();
		sandbox().faults.add({ kind: 'status', provider: 'close', method: 'PUT', path: `/api/v1/phone_number/${c}/`, status: 429, headers: { 'Retry-After': '0.05' }, times: 2 });
		const result = await updateEach(
			sandbox(),
			[
				{ id: a, label: 'Good A', ring: 20 },
				{ id: b, label: 'Bad ring', ring: 9 },
				{ id: 'phon_nowhere00000', label: 'Missing', ring: 20 },
				{ id: c, label: 'Throttled C', ring: 30 },
				{ id: ['phon_list00000'], label: 'Wrong type', ring: 30 },
				{ id: d, label: 'Good D', ring: 40 },
			],
			{
				updateFields: { label: '={{ $json.label }}', inboundRingDuration: '={{ $json.ring }}' },
				options: { concurrency: 3, retryDelayMs: 5 },
				continueOnFail: true,
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3, 4, 5].map((item) => ({ item })));
		expect(result.json[0]).toMatchObject({ id: a, label: 'Good A' });
		expect(result.json[1].error).toMatch(/Inbound Ring Duration/);
		expect(result.json[2].error).toMatch(/404/);
		expect(result.json[3]).toMatchObject({ id: c, label: 'Throttled C' });
		expect(result.json[4].error).toMatch(/Phone Number: expected text, got a list/);
		expect(result.json[5]).toMatchObject({ id: d, label: 'Good D' });
		const applied = requestsTo(sandbox(), 'close').filter((r) => r.method === 'PUT' && r.status === 200);
		expect(applied.map((r) => r.path).sort()).toEqual([a, c, d].map((id) => `/api/v1/phone_number/${id}/`).sort());
		expect(JSON.stringify(result.json)).not.toContain(CLOSE_KEYS.adminA);
	});
});
