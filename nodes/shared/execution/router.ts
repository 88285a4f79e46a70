import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { readRequestOptions } from '../descriptions/common';
import type { RetryPolicy } from '../transport/types';
import { numbersReadFirst, PageReads, setRunReads, type ListedNumbers, type NumberReads } from './pageReads';
import { runItems, type PhoneNumberOperations } from './runItems';

/**
 * What every node's router does: pick the operation, make one API client for the whole run (its
 * pacer sees every item's requests on this credential) and run the items through it. A provider
 * whose list entries are the numbers as Get reads them gives `listedNumbers`: an update run whose
 * items read first (Dry Run, Skip Unchanged) then reads them by the page.
 */
export async function routeOperation<Client>(
	ctx: IExecuteFunctions,
	resources: { phoneNumber: PhoneNumberOperations<Client> },
	makeClient: (policy: RetryPolicy) => Promise<Client>,
	listedNumbers?: (client: Client) => ListedNumbers,
): Promise<INodeExecutionData[][]> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	// Own keys only: an operation named "constructor" must not find Object.prototype's.
	const operations = Object.prototype.hasOwnProperty.call(resources, resource) ? resources[resource as 'phoneNumber'] : undefined;
	const execute = operations && Object.prototype.hasOwnProperty.call(operations, operation)
		? operations[operation as keyof typeof operations].execute
		: undefined;
	if (!execute) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const { policy, concurrency } = readRequestOptions(ctx);
	const client = await makeClient(policy);
	let reads: NumberReads | undefined;
	if (operation === 'update' && listedNumbers) {
		const wanted = numbersReadFirst(ctx);
		if (PageReads.worthIt(wanted)) {
			reads = new PageReads(listedNumbers(client), wanted);
			setRunReads(ctx, reads);
		}
	}
	return [
		await runItems(
			ctx,
			async (itemIndex, run) => await execute.call(ctx, itemIndex, client, run),
			concurrency,
			operation === 'update' ? 'applied' : 'done',
			reads,
		),
	];
}
