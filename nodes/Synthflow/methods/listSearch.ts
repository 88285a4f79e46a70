import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { DROPDOWN_RETRY_POLICY } from '../../shared/descriptions/common';
import { formatPhoneNumber } from '../../shared/descriptions/phoneNumbers';
import { searchPages } from '../../shared/methods/search';
import { fetchPage } from '../../shared/transport/pagination';
import { requireWorkspace, synthflowClient } from '../transport';
import { NUMBER_LIST, numberPaging } from '../transport/phoneNumbers';

/**
 * The workspace's numbers (offset paging). Synthflow's list has no search and no names (only
 * `number`, `sid`, `is_available`), so typed digits are matched here, reading on until a screenful
 * matches.
 */
export async function searchPhoneNumbers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const connection = await synthflowClient(this, DROPDOWN_RETRY_POLICY);
	const workspace = requireWorkspace(this.getNode(), connection, 0);
	const digits = (filter ?? '').replace(/\D/g, '');
	const { matches, next } = await searchPages<IDataObject, number>(
		connection.client,
		async (offset) => await fetchPage(connection.client, numberPaging, { path: NUMBER_LIST, qs: { workspace } }, offset),
		{
			start: Number(paginationToken) || 0,
			keep: digits ? (n) => String(n.number).replace(/\D/g, '').includes(digits) : undefined,
			query: filter ?? '',
			what: 'number',
		},
	);
	return {
		results: matches.map((n) => ({
			name: `${formatPhoneNumber(n.number)} · ${n.is_available ? 'available' : 'in use'}`,
			// The slug (the number without +): what By ID takes.
			value: String(n.number).replace(/^\+/, ''),
		})),
		paginationToken: next === undefined ? undefined : String(next),
	};
}
