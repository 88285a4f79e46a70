import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { readRequestOptions } from '../descriptions/common';
import { leaseCredentialPacer } from '../transport/keyPacers';
import { numbersReadFirst, PageReads, setRunReads, type NumberReads } from './pageReads';
import type { Connection, PhoneNumberProvider } from './provider';
import { runItems, type PhoneNumberOperations } from './runItems';

/**
 * What every node's router does: pick the operation, make one connection for the whole run (its
 * pacer sees every item's requests on this credential, and those of the other runs on it in this
 * n8n process at the same time) and run the items through it. Where the
 * provider's list entries are whole numbers, an update run whose items read first (Dry Run, Skip
 * Unchanged) reads them by the page.
 */
export async function routeOperation<C extends Connection>(
	ctx: IExecuteFunctions,
	provider: PhoneNumberProvider<C>,
	resources: { phoneNumber: PhoneNumberOperations<C> },
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
	const connection = await provider.connect(ctx, policy);
	const endLease = leaseCredentialPacer(ctx, Object.values(connection));
	try {
		let reads: NumberReads | undefined;
		const { list } = provider;
		if (operation === 'update' && list.entriesAreWhole) {
			const wanted = numbersReadFirst(ctx);
			if (PageReads.worthIt(wanted)) {
				reads = new PageReads({ client: connection.client, style: list.style, list: { path: list.path, qs: list.sized({}) }, idOf: list.idOf, e164Of: list.e164Of }, wanted);
				setRunReads(ctx, reads);
			}
		}
		return [
			await runItems(
				ctx,
				async (itemIndex, run) => await execute.call(ctx, itemIndex, connection, run),
				concurrency,
				operation === 'update' ? 'applied' : 'done',
				reads,
			),
		];
	} finally {
		endLease();
	}
}
