import { NodeOperationError, type IDataObject, type ILoadOptionsFunctions, type INodeListSearchResult } from 'n8n-workflow';

import { DROPDOWN_RETRY_POLICY } from '../../shared/descriptions/common';
import { formatPhoneNumber } from '../../shared/descriptions/phoneNumbers';
import { MAX_SEARCH_PAGES, SCREENFUL } from '../../shared/methods/search';
import { CursorGuard, fetchPage } from '../../shared/transport/pagination';
import { closeApiClient } from '../transport';
import { CLOSE_PAGE_SIZE, closePaging, PHONE_NUMBER_LIST } from '../transport/phoneNumbers';
import { withoutSeparators } from '../../shared/validation';

/**
 * "+1 650-555-1000 · Sales Line 1 (3 members)". Built from `participants`, not the deprecated
 * `is_group_number`, which Close may leave out.
 */
export function phoneNumberLabel(number: IDataObject): string {
	const shown = number.number ? formatPhoneNumber(number.number) : String(number.number_formatted || number.id);
	const label = (number.label as string) || 'no label';
	const members = Array.isArray(number.participants) ? number.participants.length : 0;
	return `${shown} · ${label}${members > 1 ? ` (${members} members)` : ''}`;
}

/** Fields the list shows: smaller pages, so a label search can read several quickly. */
const LIST_FIELDS = 'id,number,number_formatted,label,participants';
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
	const compact = withoutSeparators(query);
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
	const guard = new CursorGuard<number>(client);
	let pagesRead = 0;
	do {
		if (pagesRead >= MAX_SEARCH_PAGES) {
			if (shown.length) break; // what matched so far; scrolling reads on from here
			throw new NodeOperationError(
				this.getNode(),
				`No number's label or number contains "${query.slice(0, 40)}" among ${pagesRead * CLOSE_PAGE_SIZE} numbers searched`,
				{
					description: `The search stopped after ${pagesRead} pages (Close cannot search labels on its server). Type the whole number (+1…) to find it at once, or a longer part of the label.`,
				},
			);
		}
		pagesRead += keep ? PAGES_AT_ONCE : 1;
		const pages = await Promise.all(
			Array.from({ length: keep ? PAGES_AT_ONCE : 1 }, async (_, i) =>
				await fetchPage(client, closePaging, { path: PHONE_NUMBER_LIST, qs }, (skip as number) + i * CLOSE_PAGE_SIZE),
			),
		);
		for (const page of pages) {
			shown.push(...page.items.filter((n) => !keep || keep(n)));
			// A page that points back at itself (or an earlier one) ends the search with an error.
			skip = page.next === undefined ? undefined : guard.next(page.next);
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
