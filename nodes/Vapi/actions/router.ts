import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation } from '../../shared/execution/router';
import { NUMBER_LIST, numberPaging, VAPI_PAGE_SIZE, vapiClient } from '../transport';
import * as phoneNumber from './phoneNumber/PhoneNumber.resource';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(
		this,
		{ phoneNumber: phoneNumber.operations },
		async (policy) => await vapiClient(this, policy),
		// The list answers whole numbers: Dry Run and Skip Unchanged runs read them by the page.
		(client) => ({ client, style: numberPaging, list: { path: NUMBER_LIST, qs: { limit: VAPI_PAGE_SIZE } }, idOf: (number) => String(number.id), e164Of: (number) => String(number.number) }),
	);
}
