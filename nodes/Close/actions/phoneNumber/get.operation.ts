import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ApiClient } from '../../../shared/transport/client';
import { phoneNumberLocator } from '../../descriptions/phoneNumberLocator';
import { phoneNumberPath } from '../../transport';

export const description: INodeProperties[] = [
	{ ...phoneNumberLocator, displayOptions: { show: { resource: ['phoneNumber'], operation: ['get'] } } },
];

export async function execute(this: IExecuteFunctions, itemIndex: number, client: ApiClient): Promise<IDataObject> {
	const { path, resource } = await phoneNumberPath(this, client, itemIndex);
	return await client.requestObject<IDataObject>({ method: 'GET', path, itemIndex, resource });
}
