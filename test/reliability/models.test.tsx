/**
 * The pacer against every rate-limit model a provider may use (issue: pacing that holds on real
 * providers): fixed windows with fractional or whole-second resets, a sliding window, a token
 * bucket without any header (429 + Retry-After: 1 only, as SignalWire, Synthflow and Twilio do).
 * Through n8n-core, at the node's defaults. Counts only, never the clock: every update applied
 * exactly once, none failed, and few 429s. (Wall time against the floor is the benchmark's.)
 */
import type { RateModel } from '../../sandbox';
import { requestsTo, useSandbox } from '../harness/sandbox';
import { closeCredentials } from '../../sandbox/close/provider';
import { runNode, updateEachItem } from '../harness/runNode';
import { closeRunsTogether } from './closeRunsTogether';

const ORG_A = 'orga_AcmeSales000000000000001';
const ITEMS = 60;

describe.each<[string, { closeRateModel?: RateModel; closeResetStyle?: 'fraction' | 'whole'; closeRateHeaders?: boolean }, number]>([
	// With headers the budget is known: (almost) no 429 (a machine busy with other test files
	// delays answers, so a few are allowed). A sliding window frees its slots over a second, not
	// at the reported reset, so the burst sent at a reset can bounce: at most one burst of
	// Concurrency (10) in flight. Without any header the limit is learnt from the first 429s: at
	// most one such burst, then a few. A storm (the old pacer drew 26 % of requests as 429s here,
	// 57 × 429 in 300 against a sliding window) fails these.
	['fixed windows, fractional resets', {}, 2],
	['fixed windows, whole-second resets', { closeResetStyle: 'whole' }, 4],
	['a sliding window', { closeRateModel: 'sliding' }, 10],
	['a token bucket without rate-limit headers', { closeRateModel: 'tokenBucket', closeRateHeaders: false }, 10 + 5],
])('Close paced against %s', (_name, model, max429) => {
	const sandbox = useSandbox({ rateLimits: { close: 10 }, latencyMs: 20, closeAllGroupNumbers: true, ...model });

	it(`applies ${ITEMS} updates exactly once, none failed, at most ${max429} answered 429`, async () => {
		const numbers = sandbox().state.close.phoneNumbers.filter((n) => n.organization_id === ORG_A).slice(0, ITEMS);
		const items = numbers.map((n, i) => ({ id: n.id, label: `Model ${i}` }));
		const result = await runNode({
			node: 'close',
			parameters: updateEachItem('phoneNumber', { label: '={{ $json.label }}' }),
			items,
			credentials: closeCredentials(sandbox()),
		});
		expect(result.error).toBeUndefined();
		expect(result.json.map((n) => n.label)).toEqual(items.map((i) => i.label));
		const puts = requestsTo(sandbox(), 'close').filter((r) => r.method === 'PUT');
		const applied = puts.filter((r) => r.status === 200).map((r) => r.path);
		expect(applied.sort()).toEqual(numbers.map((n) => `/api/v1/phone_number/${n.id}/`).sort());
		expect(numbers.every((n, i) => n.label === items[i].label)).toBe(true);
		const throttled = puts.filter((r) => r.status === 429).length;
		expect({ throttled, requests: puts.length }).toEqual({ throttled: Math.min(throttled, max429), requests: puts.length });
	}, 120_000);
});

/**
 * Two executions on two credentials holding one key (as in two processes: each its own pacer, they
 * meet only at the provider), under each model: the pacing that evens out runs sharing a key must
 * not turn into a 429 storm where windows do not begin whole (a sliding window, a token bucket).
 * Measured on 2026-12-07: 2, 2, 12 and 14 × 429 of about 130 requests (3, 3, 11 and 15 before the
 * change). Pacing both at the key's rate on a sliding window too, tried and dropped, drew three
 * times as many 429s in the bench (39 against 13).
 */
describe.each<[string, { closeRateModel?: RateModel; closeResetStyle?: 'fraction' | 'whole'; closeRateHeaders?: boolean }, number]>([
	['fixed windows, fractional resets', {}, 6],
	['fixed windows, whole-second resets', { closeResetStyle: 'whole' }, 8],
	['a sliding window', { closeRateModel: 'sliding' }, 20],
	['a token bucket without rate-limit headers', { closeRateModel: 'tokenBucket', closeRateHeaders: false }, 2 * 10 + 5],
])('two executions on one key paced against %s', (_name, model, max429) => {
	const sandbox = useSandbox({ rateLimits: { close: 10 }, latencyMs: 20, closeAllGroupNumbers: true, ...model });

	it(`apply ${ITEMS} updates each exactly once, none failed, at most ${max429} answered 429`, async () => {
		const numbers = sandbox().state.close.phoneNumbers.filter((n) => n.organization_id === ORG_A).slice(0, 2 * ITEMS);
		const batches = [numbers.slice(0, ITEMS), numbers.slice(ITEMS)];
		const results = await closeRunsTogether(sandbox(), batches, 'Two', batches.map((_, e) => `models-credential-${e}`));
		expect(results.map((r) => r.error)).toEqual([undefined, undefined]);
		const puts = requestsTo(sandbox(), 'close').filter((r) => r.method === 'PUT');
		const applied = puts.filter((r) => r.status === 200).map((r) => r.path);
		expect(applied.sort()).toEqual(numbers.map((n) => `/api/v1/phone_number/${n.id}/`).sort());
		expect(batches.every((batch, e) => batch.every((n, i) => n.label === `Two ${e} ${i}`))).toBe(true);
		const throttled = puts.filter((r) => r.status === 429).length;
		expect({ throttled, requests: puts.length }).toEqual({ throttled: Math.min(throttled, max429), requests: puts.length });
	}, 120_000);
});
