export interface Page<T, C> {
	items: T[];
	/** Cursor of the next page; undefined when this was the last. */
	next?: C;
}

/**
 * Walks a provider's pages until `limit` items that pass `keep` are collected (or every page, when
 * `limit` is undefined). Each provider says how one page is fetched and where the next one is.
 */
export async function collectPages<T, C>(
	fetchPage: (cursor: C | undefined, wanted: number | undefined) => Promise<Page<T, C>>,
	options: { limit?: number; keep?: (item: T) => boolean; maxPages?: number } = {},
): Promise<T[]> {
	const { limit, keep, maxPages = 10_000 } = options;
	const collected: T[] = [];
	let cursor: C | undefined;
	for (let pages = 0; pages < maxPages; pages++) {
		const wanted = limit === undefined ? undefined : limit - collected.length;
		const page = await fetchPage(cursor, wanted);
		for (const item of page.items) {
			if (keep && !keep(item)) continue;
			collected.push(item);
			if (limit !== undefined && collected.length >= limit) return collected;
		}
		if (page.next === undefined || page.items.length === 0) break;
		cursor = page.next;
	}
	return collected;
}
