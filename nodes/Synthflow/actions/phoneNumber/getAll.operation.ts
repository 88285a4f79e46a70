import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getAllFilters, readLimit, returnAllAndLimit } from '../../../shared/descriptions/common';
import { InputValidator } from '../../../shared/validation';
import { requireWorkspace, type SynthflowConnection } from '../../transport';
import { listNumbers } from '../../transport/phoneNumbers';

export const description: INodeProperties[] = [
	...returnAllAndLimit('phoneNumber'),
	getAllFilters([
		{
			displayName: 'Is Available',
			name: 'isAvailable',
			type: 'boolean',
			default: true,
			description: 'Whether to return only numbers not attached to an agent (on) or only numbers in use (off)',
		},
	]),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	connection: SynthflowConnection,
): Promise<IDataObject[]> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const workspace = requireWorkspace(this.getNode(), connection, itemIndex);
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.isAvailable !== undefined) qs.is_available = check.boolean('Is Available', filters.isAvailable);
	return await listNumbers(connection.client, workspace, { qs, limit, itemIndex });
}
