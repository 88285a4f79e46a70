import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation } from '../../shared/execution/router';
import { NUMBER_LIST, RETELL_PAGE_SIZE, retellClient, retellPaging } from '../transport';
import * as phoneNumber from './phoneNumber/PhoneNumber.resource';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(
		this,
		{ phoneNumber: phoneNumber.operations },
		async (policy) => await retellClient(this, policy),
		// The list answers whole numbers: Dry Run and Skip Unchanged runs read them by the page.
		(client) => ({ client, style: retellPaging, list: { path: NUMBER_LIST, qs: { limit: RETELL_PAGE_SIZE } }, idOf: (number) => String(number.phone_number), e164Of: (number) => String(number.phone_number) }),
	);
}
