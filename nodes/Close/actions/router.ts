import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation } from '../../shared/execution/router';
import { closeApiClient } from '../transport';
import { closePaging, PHONE_NUMBER_LIST } from '../transport/phoneNumbers';
import * as phoneNumber from './phoneNumber/PhoneNumber.resource';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(
		this,
		{ phoneNumber: phoneNumber.operations },
		async (policy) => await closeApiClient(this, policy),
		// The list answers whole numbers: Dry Run and Skip Unchanged runs read them by the page.
		(client) => ({ client, style: closePaging, list: { path: PHONE_NUMBER_LIST }, idOf: (number) => String(number.id), e164Of: (number) => String(number.number) }),
	);
}
