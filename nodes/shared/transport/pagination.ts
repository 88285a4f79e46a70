import { NodeOperationError, type INode } from 'n8n-workflow';

export interface Page<T, C> {
	items: T[];
	/** Cursor of the next page; undefined when this was the last. */
	next?: C;
}

/** More pages than any real account has (SignalWire: 1,000 numbers a project; Close: 100 a page). */
export const MAX_PAGES = 2_000;

/**
 * Walks a provider's pages until `limit` items that pass `keep` are collected (or every page, when
 * `limit` is undefined). Each provider says how one page is fetched and where the next one is; the
 * fetcher is told how many items to ask for: `pageSize`, or fewer when fewer are still wanted and
 * nothing is filtered out here (an offset page may be any size; a page-number API keeps one size
 * and ignores it).
 * Bounded whatever the provider answers: a cursor (skip, token or link) that comes back a second
 * time, or more than `maxPages` pages, ends the listing with an error instead of looping forever.
 */
export async function collectPages<T, C>(
	source: ListingSource,
	fetchPage: (cursor: C | undefined, size: number) => Promise<Page<T, C>>,
	options: { limit?: number; keep?: (item: T) => boolean; maxPages?: number; itemIndex?: number; pageSize?: number } = {},
): Promise<T[]> {
	const { limit, keep, maxPages = MAX_PAGES, pageSize = 100 } = options;
	const collected: T[] = [];
	const guard = new CursorGuard<C>(source, options.itemIndex);
	let cursor: C | undefined;
	for (;;) {
		const size = limit === undefined || keep ? pageSize : Math.min(pageSize, limit - collected.length);
		const page = await fetchPage(cursor, size);
		for (const item of page.items) {
			if (keep && !keep(item)) continue;
			collected.push(item);
			if (limit !== undefined && collected.length >= limit) return collected;
		}
		if (page.next === undefined || page.items.length === 0) break;
		cursor = guard.next(page.next, maxPages);
	}
	return collected;
}

/** Who lists: an ApiClient is one. */
export interface ListingSource {
	readonly node: INode;
	readonly providerName: string;
}

/** Remembers the cursors of one listing: a repeated one, or one page too many, is an error. */
export class CursorGuard<C> {
	private readonly seen = new Set<string>();

	constructor(
		private readonly source: ListingSource,
		private readonly itemIndex?: number,
	) {}

	next(cursor: C, maxPages = MAX_PAGES): C {
		const key = JSON.stringify(cursor);
		const provider = this.source.providerName;
		if (this.seen.has(key)) {
			this.fail(`${provider} sent the same next page twice (${key.slice(0, 80)}): the listing was stopped`);
		}
		if (this.seen.size + 1 >= maxPages) {
			this.fail(`${provider} kept sending more pages: the listing was stopped after ${maxPages}`);
		}
		this.seen.add(key);
		return cursor;
	}

	private fail(message: string): never {
		throw new NodeOperationError(this.source.node, message, {
			itemIndex: this.itemIndex,
			description: 'No more requests were sent. This is an answer the API does not document; try again later.',
		});
	}
}
