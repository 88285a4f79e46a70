import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorValue, updateFields } from '../../../shared/execution/parameters';
import type { ApiClient } from '../../../shared/transport/client';
import { pathSegment } from '../../../shared/transport/paths';
import { InputValidator } from '../../../shared/validation';
import { phoneNumberLocator } from '../../descriptions/phoneNumberLocator';
import { updateFieldsProperty } from '../../descriptions/updateFields';
import { RELAY_REST } from '../../transport/pages';
import { signalWireUpdateBody } from './updateBody';

const show = { resource: ['phoneNumber'], operation: ['update'] };

export const description: INodeProperties[] = [
	{ ...phoneNumberLocator, displayOptions: { show } },
	{ ...updateFieldsProperty, displayOptions: { show } },
];

export function phoneNumberPath(ctx: IExecuteFunctions, itemIndex: number): { id: string; path: string } {
	const check = new InputValidator(ctx.getNode(), itemIndex);
	const id = check.uuid('Phone Number', locatorValue(ctx, 'phoneNumberId', itemIndex, 'Phone Number'));
	return { id, path: `${RELAY_REST}/phone_numbers/${pathSegment(ctx.getNode(), id, 'Phone Number', itemIndex)}` };
}

export async function execute(this: IExecuteFunctions, itemIndex: number, client: ApiClient): Promise<IDataObject> {
	const { id, path } = phoneNumberPath(this, itemIndex);
	const body = signalWireUpdateBody(updateFields(this, itemIndex), new InputValidator(this.getNode(), itemIndex));
	// SignalWire updates with PUT, yet only the fields sent change.
	return await client.request<IDataObject>({ method: 'PUT', path, body, itemIndex, resource: `phone number ${id}` });
}
