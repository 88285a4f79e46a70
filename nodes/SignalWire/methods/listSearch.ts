import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { DROPDOWN_RETRY_POLICY } from '../../shared/descriptions/common';
import { formatPhoneNumber } from '../../shared/descriptions/phoneNumbers';
import { fetchPage } from '../../shared/transport/pagination';
import { signalWireClient } from '../transport';
import { linkedPaging, RELAY_REST } from '../transport/pages';
import { withoutSeparators } from '../../shared/validation';

/**
 * The phone number list, searched on the server: digits go to `filter_number`, other text to
 * `filter_name` (both substring matches). One request a page; the next link is the token.
 */
export async function searchPhoneNumbers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { client } = await signalWireClient(this, DROPDOWN_RETRY_POLICY);
	const qs: IDataObject = { page_size: 100 };
	const query = (filter ?? '').trim();
	const digits = withoutSeparators(query);
	if (/^\+?\d+$/.test(digits)) qs.filter_number = digits;
	else if (query) qs.filter_name = query;
	const page = await fetchPage(client, linkedPaging, { path: `${RELAY_REST}/phone_numbers`, qs }, paginationToken || undefined);
	return {
		results: page.items.map((n) => ({
			name: `${formatPhoneNumber(n.number)} · ${(n.name as string) || 'no name'}`,
			value: n.id as string,
		})),
		paginationToken: page.next,
	};
}
