import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { DROPDOWN_RETRY_POLICY } from '../../shared/descriptions/common';
import { formatPhoneNumber } from '../../shared/descriptions/phoneNumbers';
import { searchPages } from '../../shared/methods/search';
import { fetchPage } from '../../shared/transport/pagination';
import { phoneDigits } from '../../shared/validation';
import { telnyxClient, telnyxPaging } from '../transport';

/**
 * The account's numbers, 50 a page by `page[number]`. Three or more digits are searched on Telnyx's
 * server (`filter[phone_number]`, digits only); other text is matched here against the connection
 * name, tags and customer reference, reading on until a screenful matches.
 */
export async function searchPhoneNumbers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { client: api } = await telnyxClient(this, DROPDOWN_RETRY_POLICY);
	const query = (filter ?? '').trim();
	const digits = phoneDigits(query);
	const qs: IDataObject = { 'page[size]': 50 };
	let keep: ((n: IDataObject) => boolean) | undefined;
	if (/^\d{3,}$/.test(digits)) qs['filter[phone_number]'] = digits;
	else if (query) {
		const text = query.toLowerCase();
		keep = (n) =>
			[n.phone_number, n.connection_name, n.customer_reference, ...(Array.isArray(n.tags) ? n.tags : [])]
				.some((value) => typeof value === 'string' && value.toLowerCase().includes(text));
	}
	const start = paginationToken && /^\d+$/.test(paginationToken) ? Number(paginationToken) : undefined;
	const { matches, next } = await searchPages<IDataObject, number>(api, async (cursor) => await fetchPage(api, telnyxPaging, { path: '/phone_numbers', qs }, cursor), {
		start,
		keep,
		query,
		what: 'number',
	});
	return {
		results: matches.map((n) => ({
			name: `${formatPhoneNumber(n.phone_number)} · ${String(n.connection_name || n.customer_reference || 'no connection')}`,
			value: String(n.id),
		})),
		paginationToken: next === undefined ? undefined : String(next),
	};
}
