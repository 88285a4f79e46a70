import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getAllDescription, readGetAll } from '../../../shared/descriptions/common';
import type { ApiClient } from '../../../shared/transport/client';
import { listAll } from '../../../shared/transport/pagination';
import { linkedPaging, RELAY_REST } from '../../transport/pages';
import { withoutSeparators } from '../../../shared/validation';

export const description: INodeProperties[] = getAllDescription([
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'Only numbers whose name contains this text',
	},
	{
		displayName: 'Number Contains',
		name: 'number',
		type: 'string',
		default: '',
		placeholder: 'e.g. +1206555',
		description: 'Only numbers that contain these digits',
	},
]);

/** SignalWire's largest page. */
const MAX_PAGE_SIZE = 1000;

export async function execute(this: IExecuteFunctions, itemIndex: number, client: ApiClient): Promise<IDataObject[]> {
	const { check, limit, filters } = readGetAll(this, itemIndex);
	const qs: IDataObject = { page_size: Math.min(MAX_PAGE_SIZE, limit ?? MAX_PAGE_SIZE) };
	if (filters.name) qs.filter_name = check.string('Name', filters.name);
	if (filters.number) qs.filter_number = withoutSeparators(check.string('Number Contains', filters.number));
	return await listAll(client, linkedPaging, { path: `${RELAY_REST}/phone_numbers`, qs, itemIndex }, { limit });
}
