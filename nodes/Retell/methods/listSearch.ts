import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { DROPDOWN_RETRY_POLICY } from '../../shared/descriptions/common';
import { formatPhoneNumber } from '../../shared/descriptions/phoneNumbers';
import { searchPages } from '../../shared/methods/search';
import { fetchPage } from '../../shared/transport/pagination';
import { phoneDigits } from '../../shared/validation';
import { NUMBER_LIST, RETELL_PAGE_SIZE, retellClient, retellPaging } from '../transport';

/** The workspace's numbers; Retell's list has no search, so typed text is matched here against number and nickname. */
export async function searchPhoneNumbers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const client = await retellClient(this, DROPDOWN_RETRY_POLICY);
	const query = (filter ?? '').trim().toLowerCase();
	const digits = phoneDigits(query);
	const keep = query
		? (n: IDataObject) => (/^\d+$/.test(digits) && String(n.phone_number ?? '').includes(digits)) || String(n.nickname ?? '').toLowerCase().includes(query)
		: undefined;
	const { matches, next } = await searchPages<IDataObject, string>(
		client,
		async (cursor) => await fetchPage(client, retellPaging, { path: NUMBER_LIST, qs: { limit: RETELL_PAGE_SIZE } }, cursor),
		{ start: paginationToken || undefined, keep, query, what: 'number' },
	);
	return {
		results: matches.map((n) => ({ name: `${formatPhoneNumber(n.phone_number)} · ${String(n.nickname || 'no nickname')}`, value: String(n.phone_number) })),
		paginationToken: next,
	};
}
