import { NodeOperationError } from 'n8n-workflow';

import { CursorGuard, type ListingSource, type Page } from '../transport/pagination';

/** More than the dropdown shows at once, so it can scroll (and so load the next page). */
export const SCREENFUL = 10;
/** Pages one search request reads at most before it says it stopped. */
export const MAX_SEARCH_PAGES = 40;

/**
 * A resource locator search on a list the provider cannot search: pages are read from `start`
 * until a screenful matches `keep`, the list ends, or `maxPages` were read. n8n's dropdown shows
 * "No results" for an empty page and loads more only on scroll, so one page without a match would
 * hide every match further down. Returns the matches and the cursor to go on from.
 */
export async function searchPages<T, C>(
	source: ListingSource,
	fetchPage: (cursor: C | undefined) => Promise<Page<T, C>>,
	options: { start?: C; keep?: (item: T) => boolean; query: string; what: string; maxPages?: number },
): Promise<{ matches: T[]; next?: C }> {
	const { keep, maxPages = MAX_SEARCH_PAGES } = options;
	const guard = new CursorGuard<C>(source);
	const matches: T[] = [];
	let cursor = options.start;
	let pages = 0;
	for (;;) {
		const page = await fetchPage(cursor);
		pages++;
		matches.push(...(keep ? page.items.filter(keep) : page.items));
		cursor = page.next === undefined ? undefined : guard.next(page.next);
		if (!keep || cursor === undefined || matches.length >= SCREENFUL) break;
		if (pages >= maxPages) {
			if (matches.length) break; // what matched so far; scrolling reads on from here
			throw new NodeOperationError(source.node, `No ${options.what} matches "${options.query.slice(0, 40)}" in the first ${pages} pages`, {
				description: `The search stopped there (${source.providerName} cannot search this list on its server). Type more of it, or the whole number.`,
			});
		}
	}
	return { matches, next: cursor };
}
