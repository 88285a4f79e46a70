import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ApiClient } from '../../../shared/transport/client';
import { phoneNumberLocator } from '../../descriptions/phoneNumberLocator';
import { numberPath } from '../../transport';

export const description: INodeProperties[] = [
	{ ...phoneNumberLocator, displayOptions: { show: { resource: ['phoneNumber'], operation: ['get'] } } },
];

/** The number as Vapi has it; other systems' secrets in it (Twilio tokens, SIP passwords) are masked by the client. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: ApiClient): Promise<IDataObject> {
	const { id, path } = await numberPath(this, client, itemIndex);
	return await client.requestObject<IDataObject>({ method: 'GET', path, itemIndex, resource: `phone number ${id}` });
}
