import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getAllDescription, readGetAll } from '../../../shared/descriptions/common';
import { textField } from '../../../shared/descriptions/fields';
import type { ApiClient } from '../../../shared/transport/client';
import { listAll } from '../../../shared/transport/pagination';
import { NUMBER_LIST, numberPaging, VAPI_PAGE_SIZE } from '../../transport';

export const description: INodeProperties[] = getAllDescription([
	textField('Search', 'search', { placeholder: 'e.g. support', description: 'Numbers whose name, number or SIP URI contains this (searched by Vapi, not case-sensitive)' }),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, client: ApiClient): Promise<IDataObject[]> {
	const { check, limit, filters } = readGetAll(this, itemIndex);
	const qs: IDataObject = { limit: Math.min(VAPI_PAGE_SIZE, limit ?? VAPI_PAGE_SIZE) };
	if (filters.search) {
		const search = check.string('Search', filters.search).trim();
		if (search.length > 100) check.fail('Search', 'Vapi searches at most 100 characters');
		qs.search = search;
	}
	return await listAll(client, numberPaging, { path: NUMBER_LIST, qs, itemIndex }, { limit });
}
