import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { DROPDOWN_RETRY_POLICY } from '../../shared/descriptions/common';
import { closeApiClient } from '../transport';
import { phoneNumberPage } from '../transport/phoneNumbers';

export function phoneNumberLabel(number: IDataObject): string {
	const shown = (number.number_formatted as string) || (number.number as string) || (number.id as string);
	const label = (number.label as string) || 'no label';
	return `${shown} · ${label}${number.is_group_number ? ' (group)' : ''}`;
}

/**
 * The phone number list: one request a page (the next page is fetched when the user scrolls).
 * A complete E.164 number is looked up on the server (`number=`); other text is matched against the
 * number and the label on each page, since Close's list has no label search.
 */
export async function searchPhoneNumbers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await closeApiClient(this, DROPDOWN_RETRY_POLICY);
	const query = (filter ?? '').trim();
	const compact = query.replace(/[\s().-]/g, '');
	const qs: IDataObject = {};
	let keep: ((number: IDataObject) => boolean) | undefined;
	if (/^\+[1-9]\d{7,14}$/.test(compact)) {
		qs.number = compact;
	} else if (query) {
		const lower = query.toLowerCase();
		const digits = compact.replace(/^\+/, '');
		keep = (number) =>
			String(number.label ?? '').toLowerCase().includes(lower) ||
			String(number.number_formatted ?? '').toLowerCase().includes(lower) ||
			(/^\d+$/.test(digits) && String(number.number ?? '').includes(digits));
	}
	const skip = Number(paginationToken) || 0;
	const page = await phoneNumberPage(client, skip, qs);
	return {
		results: page.items.filter((n) => !keep || keep(n)).map((n) => ({
			name: phoneNumberLabel(n),
			value: n.id as string,
		})),
		paginationToken: page.next === undefined ? undefined : String(page.next),
	};
}
