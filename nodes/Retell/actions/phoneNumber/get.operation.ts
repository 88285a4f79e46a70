import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ApiClient } from '../../../shared/transport/client';
import { phoneNumberLocator } from '../../descriptions/phoneNumberLocator';
import { numberPaths } from '../../transport';

export const description: INodeProperties[] = [
	{ ...phoneNumberLocator, displayOptions: { show: { resource: ['phoneNumber'], operation: ['get'] } } },
];

export async function execute(this: IExecuteFunctions, itemIndex: number, client: ApiClient): Promise<IDataObject> {
	const paths = await numberPaths(this, itemIndex);
	return await client.requestObject<IDataObject>({ method: 'GET', path: paths.get, itemIndex, resource: `phone number ${paths.number}` });
}
