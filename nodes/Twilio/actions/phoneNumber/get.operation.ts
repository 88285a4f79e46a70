import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pathSegment } from '../../../shared/transport/paths';
import { phoneNumberLocator } from '../../descriptions/phoneNumberLocator';
import { resolveNumberSid, type TwilioConnection } from '../../transport';

export const description: INodeProperties[] = [
	{ ...phoneNumberLocator, displayOptions: { show: { resource: ['phoneNumber'], operation: ['get'] } } },
];

export async function execute(this: IExecuteFunctions, itemIndex: number, connection: TwilioConnection): Promise<IDataObject> {
	const sid = await resolveNumberSid(this, connection, itemIndex);
	const path = `/IncomingPhoneNumbers/${pathSegment(this.getNode(), sid, 'Phone Number', itemIndex)}.json`;
	return await connection.api.requestObject<IDataObject>({ method: 'GET', path, itemIndex, resource: `phone number ${sid}` });
}
