import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';


export type ItemHandler = (itemIndex: number) => Promise<IDataObject | IDataObject[]>;

/** What every operation file exports as `execute`: one item's work, with the run's API client. */
export type OperationExecute<Client> = (
	this: IExecuteFunctions,
	itemIndex: number,
	client: Client,
) => Promise<IDataObject | IDataObject[]>;

/**
 * The item loop every operation shares. Items run with bounded concurrency (requests are paced by
 * the transport, so concurrency only hides latency), output keeps input order, every output item
 * carries `pairedItem`, and with Continue On Fail a failed item becomes `{ error }` while the others
 * go on. Without it the first failure (lowest item index) stops the node once in-flight items end.
 */
export async function runItems(
	ctx: IExecuteFunctions,
	handler: ItemHandler,
	concurrency: number,
): Promise<INodeExecutionData[]> {
	const itemCount = ctx.getInputData().length;
	const results: INodeExecutionData[][] = new Array(itemCount);
	const continueOnFail = ctx.continueOnFail();
	const cancelSignal = ctx.getExecutionCancelSignal?.();
	let next = 0;
	const failed: { first?: { index: number; error: unknown } } = {};
	const stopped = () => failed.first !== undefined;

	const worker = async () => {
		while (next < itemCount && !stopped()) {
			const itemIndex = next++;
			try {
				const data = await handler(itemIndex);
				results[itemIndex] = ctx.helpers.constructExecutionMetaData(
					ctx.helpers.returnJsonArray(data),
					{ itemData: { item: itemIndex } },
				);
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
	if (failed.first) throw failed.first.error;
	return results.flat();
}
