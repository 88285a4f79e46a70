import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { DROPDOWN_RETRY_POLICY } from '../../shared/descriptions/common';
import { formatPhoneNumber } from '../../shared/descriptions/phoneNumbers';
import { searchPages } from '../../shared/methods/search';
import { fetchPage } from '../../shared/transport/pagination';
import { NUMBER_LIST, twilioClient } from '../transport';
import { withoutSeparators } from '../../shared/validation';

/**
 * The account's numbers, paged by `next_page_uri`. Digits are searched on Twilio's server
 * (`PhoneNumber` is a partial match); other text is matched against the friendly name here,
 * reading on until a screenful matches (Twilio's FriendlyName filter is an exact match).
 */
export async function searchPhoneNumbers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { client: api } = await twilioClient(this, DROPDOWN_RETRY_POLICY);
	const query = (filter ?? '').trim();
	const digits = withoutSeparators(query);
	const qs: IDataObject = { PageSize: 50 };
	let keep: ((n: IDataObject) => boolean) | undefined;
	if (/^\+?\d+$/.test(digits)) qs.PhoneNumber = digits;
	else if (query) keep = (n) => String(n.friendly_name ?? '').toLowerCase().includes(query.toLowerCase());
	const { matches, next } = await searchPages<IDataObject, string>(
		api,
		async (cursor) => await fetchPage(api, NUMBER_LIST.paging, { path: NUMBER_LIST.path, qs }, cursor),
		{ start: paginationToken || undefined, keep, query, what: 'number' },
	);
	return {
		results: matches.map((n) => ({ name: `${formatPhoneNumber(n.phone_number)} · ${String(n.friendly_name || 'no name')}`, value: String(n.sid) })),
		paginationToken: next,
	};
}
