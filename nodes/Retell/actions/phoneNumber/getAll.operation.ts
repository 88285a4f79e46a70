import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getAllDescription, readGetAll } from '../../../shared/descriptions/common';
import type { ApiClient } from '../../../shared/transport/client';
import { listAll } from '../../../shared/transport/pagination';
import { NUMBER_LIST, RETELL_PAGE_SIZE, retellPaging } from '../../transport';

/** Retell's list has no filters beyond paging. */
export const description: INodeProperties[] = getAllDescription([]);

export async function execute(this: IExecuteFunctions, itemIndex: number, client: ApiClient): Promise<IDataObject[]> {
	const { limit } = readGetAll(this, itemIndex);
	const qs = { limit: Math.min(RETELL_PAGE_SIZE, limit ?? RETELL_PAGE_SIZE) };
	return await listAll(client, retellPaging, { path: NUMBER_LIST, qs, itemIndex }, { limit });
}
