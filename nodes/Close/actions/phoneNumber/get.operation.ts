import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorValue } from '../../../shared/execution/parameters';
import type { ApiClient } from '../../../shared/transport/client';
import { pathSegment } from '../../../shared/transport/paths';
import { InputValidator } from '../../../shared/validation';
import { CLOSE_PHONE_NUMBER_ID, phoneNumberLocator } from '../../descriptions/phoneNumberLocator';

export const description: INodeProperties[] = [
	{ ...phoneNumberLocator, displayOptions: { show: { resource: ['phoneNumber'], operation: ['get'] } } },
];

export async function execute(this: IExecuteFunctions, itemIndex: number, client: ApiClient): Promise<IDataObject> {
	const node = this.getNode();
	const id = locatorValue(this, 'phoneNumberId', itemIndex, 'Phone Number');
	if (!CLOSE_PHONE_NUMBER_ID.test(id)) {
		new InputValidator(node, itemIndex).fail(
			'Phone Number',
			`"${id.slice(0, 60)}" is not a Close phone number ID (phon_ followed by letters and digits)`,
		);
	}
	return await client.requestObject<IDataObject>({
		method: 'GET',
		path: `/phone_number/${pathSegment(node, id, 'Phone Number', itemIndex)}/`,
		itemIndex,
		resource: `phone number ${id}`,
	});
}
