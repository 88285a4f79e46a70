import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getAllDescription, readGetAll } from '../../../shared/descriptions/common';
import { listAll } from '../../../shared/transport/pagination';
import { requireWorkspace, type SynthflowConnection } from '../../transport';
import { NUMBER_LIST, numberPaging } from '../../transport/phoneNumbers';

export const description: INodeProperties[] = getAllDescription([
	{
		displayName: 'Is Available',
		name: 'isAvailable',
		type: 'boolean',
		default: true,
		description: 'Whether to return only numbers not attached to an agent (on) or only numbers in use (off)',
	},
]);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	connection: SynthflowConnection,
): Promise<IDataObject[]> {
	const workspace = requireWorkspace(this.getNode(), connection, itemIndex);
	const { check, limit, filters } = readGetAll(this, itemIndex);
	const qs: IDataObject = {};
	if (filters.isAvailable !== undefined) qs.is_available = check.boolean('Is Available', filters.isAvailable);
	return await listAll(connection.client, numberPaging, { path: NUMBER_LIST, qs: { ...qs, workspace }, itemIndex }, { limit });
}
