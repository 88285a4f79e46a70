import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { NO_PAGE_READS, type NumberReads } from './pageReads';

export type ItemHandler = (itemIndex: number, run: ItemRun) => Promise<IDataObject | IDataObject[]>;

/** What every operation file exports as `execute`: one item's work, with the run's API client. */
export type OperationExecute<Client> = (
	this: IExecuteFunctions,
	itemIndex: number,
	client: Client,
	run: ItemRun,
) => Promise<IDataObject | IDataObject[]>;

/** What one operation file exports: its fields and one item's work. */
export interface OperationModule<Client> {
	description: INodeProperties[];
	execute: OperationExecute<Client>;
}

/** The Phone Number resource of a provider: the three operation files. */
export interface PhoneNumberOperations<Client> {
	get: OperationModule<Client>;
	getAll: OperationModule<Client>;
	update: OperationModule<Client>;
}

/** What items of one run share besides the client. */
export interface ItemRun {
	/**
	 * Runs `work` when no other item's work on the same `key` is running: items that read and
	 * rewrite the same record (Close's Add / Remove modes) take turns, in input order, so none
	 * overwrites another's change.
	 */
	exclusive<T>(key: string, work: () => Promise<T>): Promise<T>;
	/** Numbers read from the run's list pages instead of one request each (update runs). */
	reads: NumberReads;
}

/** Item indexes as short ranges: 0–36, 38–44. */
export function ranges(indexes: number[]): string {
	const sorted = [...indexes].sort((a, b) => a - b);
	const parts: string[] = [];
	for (let i = 0; i < sorted.length; i++) {
		let j = i;
		while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
		parts.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
		i = j;
	}
	return parts.join(', ');
}

/**
 * The item loop every operation shares. Items run with bounded concurrency (requests are paced by
 * the transport, so concurrency only hides latency), output keeps input order, every output item
 * carries `pairedItem`, and with Continue On Fail a failed item becomes `{ error }` while the others
 * go on. Without it the first failure (lowest item index) stops the node once in-flight items end,
 * and its error says which items were already done and which were never sent.
 */
export async function runItems(
	ctx: IExecuteFunctions,
	handler: ItemHandler,
	concurrency: number,
	doneWord = 'done',
	reads: NumberReads = NO_PAGE_READS,
): Promise<INodeExecutionData[]> {
	const itemCount = ctx.getInputData().length;
	const results: INodeExecutionData[][] = new Array(itemCount);
	const continueOnFail = ctx.continueOnFail();
	const cancelSignal = ctx.getExecutionCancelSignal?.();
	const succeeded: number[] = [];
	let next = 0;
	const failed: { first?: { index: number; error: unknown } } = {};
	const stopped = () => failed.first !== undefined;
	const turns = new Map<string, Promise<unknown>>();
	const run: ItemRun = {
		reads,
		async exclusive(key, work) {
			const before = turns.get(key) ?? Promise.resolve();
			const mine = before.then(work, work);
			const settled = mine.then(
				() => undefined,
				() => undefined,
			);
			turns.set(key, settled);
			try {
				return await mine;
			} finally {
				if (turns.get(key) === settled) turns.delete(key);
			}
		},
	};

	const worker = async () => {
		while (next < itemCount && !stopped()) {
			const itemIndex = next++;
			try {
				const data = await handler(itemIndex, run);
				results[itemIndex] = ctx.helpers.constructExecutionMetaData(
					ctx.helpers.returnJsonArray(data),
					{ itemData: { item: itemIndex } },
				);
				succeeded.push(itemIndex);
			} catch (error) {
				// A cancelled execution stops; it does not turn the remaining items into error items.
				if (continueOnFail && !cancelSignal?.aborted) {
					results[itemIndex] = [
						{ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } },
					];
				} else if (!failed.first || itemIndex < failed.first.index) {
					failed.first = { index: itemIndex, error };
				}
			}
		}
	};

	const workers = Math.max(1, Math.min(Math.floor(concurrency) || 1, itemCount));
	await Promise.all(Array.from({ length: workers }, worker));
	if (failed.first) {
		const error = failed.first.error as { description?: string | null };
		if (itemCount > 1 && error && typeof error === 'object') {
			const neverSent = Array.from({ length: itemCount - next }, (_, i) => next + i);
			const otherFailures = Array.from({ length: next }, (_, i) => i).filter(
				(i) => i !== failed.first?.index && !succeeded.includes(i),
			);
			const summary = [
				`Item ${failed.first.index} failed, so the node stopped.`,
				succeeded.length ? `Already ${doneWord}: item${succeeded.length > 1 ? 's' : ''} ${ranges(succeeded)}.` : `No item was ${doneWord}.`,
				otherFailures.length ? `Also failed: ${ranges(otherFailures)}.` : '',
				neverSent.length ? `Never sent: ${ranges(neverSent)}.` : '',
				'Turn on Continue On Fail (Settings) to go on past failed items.',
			]
				.filter(Boolean)
				.join(' ');
			error.description = error.description ? `${error.description}\n\n${summary}` : summary;
		}
		throw failed.first.error;
	}
	return results.flat();
}
