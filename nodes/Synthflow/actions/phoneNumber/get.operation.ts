import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorValue } from '../../../shared/execution/parameters';
import { pathSegment } from '../../../shared/transport/paths';
import { phoneNumberLocator } from '../../descriptions/phoneNumberLocator';
import { requireWorkspace, slugOf, type SynthflowConnection } from '../../transport';
import { unwrapNumber } from '../../transport/phoneNumbers';

export const description: INodeProperties[] = [
	{ ...phoneNumberLocator, displayOptions: { show: { resource: ['phoneNumber'], operation: ['get'] } } },
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	connection: SynthflowConnection,
): Promise<IDataObject> {
	const node = this.getNode();
	const slug = slugOf(node, locatorValue(this, 'phoneNumber', itemIndex, 'Phone Number'), itemIndex);
	const workspace = requireWorkspace(node, connection, itemIndex);
	const answer = await connection.client.request<IDataObject>({
		method: 'GET',
		path: `/numbers/${pathSegment(node, slug, 'Phone Number', itemIndex)}`,
		qs: { workspace },
		itemIndex,
		resource: `phone number +${slug}`,
	});
	return unwrapNumber(answer);
}
