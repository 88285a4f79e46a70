import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation } from '../../shared/execution/router';
import { signalWireClient } from '../transport';
import { linkedPaging, RELAY_REST } from '../transport/pages';
import * as phoneNumber from './phoneNumber/PhoneNumber.resource';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(
		this,
		{ phoneNumber: phoneNumber.operations },
		async (policy) => (await signalWireClient(this, policy)).client,
		// The list answers whole numbers: Dry Run and Skip Unchanged runs read them by the page.
		(client) => ({ client, style: linkedPaging, list: { path: `${RELAY_REST}/phone_numbers`, qs: { page_size: 1000 } }, idOf: (number) => String(number.id), e164Of: (number) => String(number.number) }),
	);
}
