import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { readRequestOptions } from '../../shared/descriptions/common';
import { runItems, type OperationExecute } from '../../shared/execution/runItems';
import type { ApiClient } from '../../shared/transport/client';
import { closeApiClient } from '../transport';
import * as phoneNumber from './phoneNumber/PhoneNumber.resource';

const operations: Record<string, OperationExecute<ApiClient>> = {
	update: phoneNumber.update.execute,
	get: phoneNumber.get.execute,
	getAll: phoneNumber.getAll.execute,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	if (resource !== 'phoneNumber' || !(operation in operations)) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported`);
	}
	const execute = operations[operation];
	const { policy, concurrency } = readRequestOptions(this);
	// One client for the whole run: its pacer sees every item's requests on this credential.
	const client = await closeApiClient(this, policy);
	return [await runItems(this, async (itemIndex) => await execute.call(this, itemIndex, client), concurrency)];
}
