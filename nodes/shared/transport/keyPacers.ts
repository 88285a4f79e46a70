import type { IExecuteFunctions } from 'n8n-workflow';

import { ApiClient } from './client';
import { RequestPacer } from './pacer';

/** The pacer of each credential that runs of this n8n process are using now, and how many runs use it. */
const inUse = new Map<string, { pacer: RequestPacer; runs: number }>();

/**
 * Makes every client of one node run pace with the one pacer its credential has in this n8n
 * process, for as long as the run lasts; returns what ends the lease. Executions that run at the
 * same time on one credential (two workflows, a workflow started twice, the executions one
 * queue-mode worker runs at once) then share one line and one view of the budget: first come,
 * first served across them, and what one stops using is the next request's at once. Runs in other
 * processes, or on another credential holding the same key, still meet only at the provider (the
 * pacer's shares). The pacer is dropped with its last run, so nothing learnt outlives the runs
 * that learnt it; a node without a saved credential (no id) keeps its own.
 */
export function leaseCredentialPacer(ctx: IExecuteFunctions, clients: Iterable<unknown>): () => void {
	const paced = [...new Set(clients)].filter((client): client is ApiClient => client instanceof ApiClient);
	const credentials = ctx.getNode().credentials ?? {};
	const keys = new Set(
		paced.map(({ options: { credentialType } }) => {
			const id = credentials[credentialType]?.id;
			return id ? `${credentialType}\u0000${id}` : undefined;
		}),
	);
	// One run, one credential: clients of two credentials (or one without an id) keep the pacer they have.
	const [key] = keys;
	if (keys.size !== 1 || key === undefined) return () => undefined;
	let entry = inUse.get(key);
	if (!entry) {
		entry = { pacer: new RequestPacer(), runs: 0 };
		inUse.set(key, entry);
	}
	entry.runs++;
	for (const client of paced) client.paceWith(entry.pacer);
	const leased = entry;
	let ended = false;
	return () => {
		if (ended) return;
		ended = true;
		if (--leased.runs === 0 && inUse.get(key) === leased) inUse.delete(key);
	};
}

/** How many credentials have a pacer that runs use now (none once every run has ended). */
export function credentialPacersInUse(): number {
	return inUse.size;
}
