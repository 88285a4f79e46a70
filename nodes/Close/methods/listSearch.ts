import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { DROPDOWN_RETRY_POLICY } from '../../shared/descriptions/common';
import { closeApiClient } from '../transport';
import { CLOSE_PAGE_SIZE, phoneNumberPage } from '../transport/phoneNumbers';

export function phoneNumberLabel(number: IDataObject): string {
	const shown = (number.number_formatted as string) || (number.number as string) || (number.id as string);
	const label = (number.label as string) || 'no label';
	return `${shown} · ${label}${number.is_group_number ? ' (group)' : ''}`;
}

/** Fields the list shows: smaller pages, so a label search can read several quickly. */
const LIST_FIELDS = 'id,number,number_formatted,label,is_group_number';
/** More than the dropdown shows at once, so it can scroll (and so load the next page). */
const SCREENFUL = 10;
/** Pages read at once while a label search looks for a screenful of matches. */
const PAGES_AT_ONCE = 4;

/**
 * The phone number list. Without a search, one request a page (the next page is fetched when the
 * user scrolls). A complete E.164 number is looked up on the server (`number=`), also one request.
 * Other text is matched against the number and the label, since Close's list has no label search:
 * pages are read, a few at once, until a screenful matches or the list ends. n8n's dropdown shows
 * "No results" for an empty page and loads more only on scroll, so one page with no match would
 * hide every number further down.
 */
export async function searchPhoneNumbers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await closeApiClient(this, DROPDOWN_RETRY_POLICY);
	const query = (filter ?? '').trim();
	const compact = query.replace(/[\s().-]/g, '');
	const qs: IDataObject = { _fields: LIST_FIELDS };
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
	let skip: number | undefined = Number(paginationToken) || 0;
	const shown: IDataObject[] = [];
	do {
		const pages = await Promise.all(
			Array.from({ length: keep ? PAGES_AT_ONCE : 1 }, async (_, i) =>
				await phoneNumberPage(client, (skip as number) + i * CLOSE_PAGE_SIZE, qs),
			),
		);
		for (const page of pages) {
			shown.push(...page.items.filter((n) => !keep || keep(n)));
			skip = page.next;
			// After the last page, or a short one (a smaller page size than asked for), the rest of
			// this round does not follow on: the next round starts where this page ends.
			if (skip === undefined || page.items.length < CLOSE_PAGE_SIZE) break;
		}
	} while (keep && skip !== undefined && shown.length < SCREENFUL);
	return {
		results: shown.map((n) => ({ name: phoneNumberLabel(n), value: n.id as string })),
		paginationToken: skip === undefined ? undefined : String(skip),
	};
}
