import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateFields } from '../../../shared/execution/parameters';
import { writeAndRead } from '../../../shared/execution/writes';
import type { ApiClient } from '../../../shared/transport/client';
import { InputValidator } from '../../../shared/validation';
import { phoneNumberLocator } from '../../descriptions/phoneNumberLocator';
import { updateFieldsProperty } from '../../descriptions/updateFields';
import { phoneNumberPath } from '../../transport';
import { signalWireUpdateBody } from './updateBody';

const show = { resource: ['phoneNumber'], operation: ['update'] };

export const description: INodeProperties[] = [
	{ ...phoneNumberLocator, displayOptions: { show } },
	{ ...updateFieldsProperty, displayOptions: { show } },
];

export async function execute(this: IExecuteFunctions, itemIndex: number, client: ApiClient): Promise<IDataObject> {
	const body = signalWireUpdateBody(updateFields(this, itemIndex), new InputValidator(this.getNode(), itemIndex));
	const { id, path } = await phoneNumberPath(this, client, itemIndex);
	const resource = `phone number ${id}`;
	// SignalWire updates with PUT, yet only the fields sent change.
	return await writeAndRead(
		client,
		{ method: 'PUT', path, body, itemIndex, resource },
		async () => await client.requestObject<IDataObject>({ method: 'GET', path, itemIndex, resource }),
	);
}
