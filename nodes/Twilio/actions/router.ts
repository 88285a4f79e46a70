import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation } from '../../shared/execution/router';
import { NUMBER_LIST, twilioClient } from '../transport';
import { MAX_PAGE_SIZE } from './phoneNumber/getAll.operation';
import * as phoneNumber from './phoneNumber/PhoneNumber.resource';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(
		this,
		{ phoneNumber: phoneNumber.operations },
		async (policy) => await twilioClient(this, policy),
		// The list answers whole numbers: Dry Run and Skip Unchanged runs read them by the page.
		(connection) => ({
			client: connection.api,
			style: NUMBER_LIST.paging,
			list: { path: NUMBER_LIST.path, qs: { PageSize: MAX_PAGE_SIZE } },
			idOf: (number) => String(number.sid),
			e164Of: (number) => String(number.phone_number),
		}),
	);
}
