import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { readRequestOptions } from '../descriptions/common';
import type { RetryPolicy } from '../transport/types';
import { runItems, type OperationExecute } from './runItems';

/**
 * What every node's router does: pick the operation, make one API client for the whole run (its
 * pacer sees every item's requests on this credential) and run the items through it.
 */
export async function routeOperation<Client>(
	ctx: IExecuteFunctions,
	operations: Record<string, Record<string, OperationExecute<Client>>>,
	makeClient: (policy: RetryPolicy) => Promise<Client>,
): Promise<INodeExecutionData[][]> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const execute = operations[resource]?.[operation];
	if (!execute) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const { policy, concurrency } = readRequestOptions(ctx);
	const client = await makeClient(policy);
	return [
		await runItems(
			ctx,
			async (itemIndex, run) => await execute.call(ctx, itemIndex, client, run),
			concurrency,
			operation === 'update' ? 'applied' : 'done',
		),
	];
}
