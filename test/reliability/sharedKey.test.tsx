/**
 * Two executions on one key, started together with equal work (issue 35). On one saved
 * credential, in one n8n process, they share its pacer: one line, first come first served, so
 * neither gets ahead and no request of one bounces on the other's. On two credentials holding the
 * same key (as executions in two processes) each has its own pacer and they meet only at the
 * provider: where its windows begin whole, each paces at the key's rate and takes its share of
 * what is left, so they still split each window about evenly. Before, a 429 at the start cut
 * their rates unevenly for good: at 10/s, one ended with the other at a fifth of its work. Counts and order only, never the clock.
 */
import type { LoggedRequest } from '../../sandbox';
import { credentialPacersInUse } from '../../nodes/shared/transport/keyPacers';
import { requestsTo, useSandbox } from '../harness/sandbox';
import { closeRunsTogether } from './closeRunsTogether';

const ORG_A = 'orga_AcmeSales000000000000001';
const EACH = 60;

/** What execution `e`'s requests are: a PUT to one of its numbers. */
function byExecution(requests: LoggedRequest[], batches: string[][]): LoggedRequest[][] {
	return batches.map((ids) => requests.filter((r) => r.method === 'PUT' && ids.some((id) => r.path === `/api/v1/phone_number/${id}/`)));
}

describe('two executions on one key', () => {
	const sandbox = useSandbox({ rateLimits: { close: 10 }, latencyMs: 20, closeAllGroupNumbers: true });

	async function runTwo(credentialIds: [string | undefined, string | undefined]) {
		const numbers = sandbox().state.close.phoneNumbers.filter((n) => n.organization_id === ORG_A).slice(0, 2 * EACH);
		const batches = [numbers.slice(0, EACH), numbers.slice(EACH)];
		const results = await closeRunsTogether(sandbox(), batches, 'Shared', credentialIds);
		const requests = byExecution(requestsTo(sandbox(), 'close'), batches.map((batch) => batch.map((n) => n.id)));
		// In the order the provider carried them out: how far the other had got when the first one finished.
		const applied = requestsTo(sandbox(), 'close').filter((r) => r.method === 'PUT' && r.status === 200);
		const lastOf = requests.map((mine) => applied.lastIndexOf(mine.filter((r) => r.status === 200).pop()!));
		const firstDone = lastOf[0] < lastOf[1] ? 0 : 1;
		const otherDoneThen = applied.slice(0, lastOf[firstDone] + 1).filter((r) => requests[1 - firstDone].includes(r)).length;
		return {
			errors: results.map((r) => r.error),
			applied: batches.map((batch, e) => batch.every((n, i) => n.label === `Shared ${e} ${i}`)),
			appliedOnce: requests.map((mine) => new Set(mine.filter((r) => r.status === 200).map((r) => r.path)).size === EACH && mine.filter((r) => r.status === 200).length === EACH),
			throttled: requests.flat().filter((r) => r.status === 429).length,
			otherDoneThen,
		};
	}

	it('on one credential, share its pacer: even progress and not one 429', async () => {
		const result = await runTwo([undefined, undefined]);
		expect(result.errors).toEqual([undefined, undefined]);
		expect(result.applied).toEqual([true, true]);
		expect(result.appliedOnce).toEqual([true, true]);
		expect(result.throttled).toBe(0);
		// First come, first served across both: when one is done, the other is behind by at most
		// the requests the first had asked for before the other began (one Concurrency, 10).
		expect(result.otherDoneThen).toBeGreaterThanOrEqual(EACH - 10);
		expect(credentialPacersInUse()).toBe(0);
	}, 60_000);

	it('on two credentials holding the key, split its windows about evenly', async () => {
		const result = await runTwo(['close-credential-a', 'close-credential-b']);
		expect(result.errors).toEqual([undefined, undefined]);
		expect(result.applied).toEqual([true, true]);
		expect(result.appliedOnce).toEqual([true, true]);
		// The start, when neither knows of the other yet, may bounce a few.
		expect(result.throttled).toBeLessThanOrEqual(6);
		expect(result.otherDoneThen).toBeGreaterThanOrEqual(Math.floor(EACH * 0.85));
	}, 60_000);
});
