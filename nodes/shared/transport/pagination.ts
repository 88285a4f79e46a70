import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

import type { ApiClient } from './client';

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

/**
 * A provider's pagination style: how a page of a list is asked for and where its answer says the
 * next one is. The walk itself (page sizes, limits, guards) is `collectPages`' and `searchPages`'.
 */
export interface PagingStyle<C> {
	/** Query parameters for the page at `cursor` (undefined: the first) of up to `size` items. */
	query(cursor: C | undefined, size: number): IDataObject;
	/** An answer's items and the next page's cursor. */
	read(answer: IDataObject, cursor: C | undefined): Page<IDataObject, C>;
	/** The cursor is a link (URL or path) to request as it is, on the provider's own origin. */
	followsLinks?: boolean;
	/** Items to ask for a page (the provider's largest), where the query says how many. */
	pageSize?: number;
}

/** A list to read: where it is, its filters, and what reading it needs (for errors and hints). */
export interface ListRequest {
	path: string;
	qs?: IDataObject;
	itemIndex?: number;
	/** A token scope the list needs, for the hint of a 401/403. */
	permission?: string;
}

function itemsOf(value: unknown): IDataObject[] {
	return Array.isArray(value) ? (value as IDataObject[]) : [];
}

/**
 * Offset pages (`offset`/`limit` query parameters, `pageSize` items a page at most); `more` says
 * whether the list goes on.
 */
export function offsetPaging(
	params: { offset: string; limit: string; pageSize: number },
	items: (answer: IDataObject) => unknown,
	more: (answer: IDataObject, page: { end: number; count: number }) => boolean,
): PagingStyle<number> {
	return {
		pageSize: params.pageSize,
		query: (offset, size) => ({ [params.offset]: offset ?? 0, [params.limit]: size }),
		read(answer, offset) {
			const list = itemsOf(items(answer));
			const end = (offset ?? 0) + list.length;
			return { items: list, next: more(answer, { end, count: list.length }) ? end : undefined };
		},
	};
}

/**
 * Pages that link to the next one (`next` of an answer: absolute, or a path on the same host).
 * The link is requested as it is, never rebuilt, and only on the provider's own origin.
 */
export function linkPaging(items: (answer: IDataObject) => unknown, next: (answer: IDataObject) => unknown): PagingStyle<string> {
	return {
		followsLinks: true,
		query: () => ({}),
		read(answer) {
			const link = next(answer);
			return { items: itemsOf(items(answer)), next: typeof link === 'string' && link ? link : undefined };
		},
	};
}

/**
 * The 2010-04-01 style of list (Twilio's API and SignalWire's Compatibility API, which copies it):
 * items under `key`, then `next_page_uri`, a path on the same host.
 */
export function nextPageUriPaging(key: string): PagingStyle<string> {
	return linkPaging(
		(answer) => answer[key],
		(answer) => answer.next_page_uri,
	);
}

/**
 * Pages asked for with an opaque key the previous answer gave (`param`), e.g. Retell's
 * `pagination_key`; `next` is undefined on the last page. A key that comes back is caught by the
 * cursor guard.
 */
export function cursorPaging(param: string, items: (answer: IDataObject) => unknown, next: (answer: IDataObject) => string | undefined): PagingStyle<string> {
	return {
		query: (cursor) => (cursor === undefined ? {} : { [param]: cursor }),
		read: (answer) => ({ items: itemsOf(items(answer)), next: next(answer) }),
	};
}

/**
 * Numbered pages from 1 (`param`); the next is the one after the page the answer says it is, while
 * that is below the total it reports (an answer that keeps calling itself the same page is caught
 * by the cursor guard). The page size stays in the list's query, so numbers stay aligned.
 */
export function pageNumberPaging(
	param: string,
	items: (answer: IDataObject) => unknown,
	position: (answer: IDataObject) => { page?: unknown; total?: unknown },
): PagingStyle<number> {
	return {
		query: (page) => ({ [param]: page ?? 1 }),
		read(answer, page) {
			const told = position(answer);
			const reported = Number(told.page ?? page ?? 1);
			const total = Number(told.total);
			return { items: itemsOf(items(answer)), next: Number.isInteger(reported) && Number.isFinite(total) && reported < total ? reported + 1 : undefined };
		},
	};
}

/** One page of `list` in `style`, at `cursor`, of up to `size` items. */
export async function fetchPage<C>(
	client: ApiClient,
	style: PagingStyle<C>,
	list: ListRequest,
	cursor: C | undefined,
	size = style.pageSize ?? 100,
): Promise<Page<IDataObject, C>> {
	const { itemIndex, permission } = list;
	const answer = await client.requestObject<IDataObject>(
		style.followsLinks && cursor !== undefined
			? { method: 'GET', url: String(cursor), itemIndex, permission }
			: { method: 'GET', path: list.path, qs: { ...list.qs, ...style.query(cursor, size) }, itemIndex, permission },
	);
	return style.read(answer ?? {}, cursor);
}

/** Every page of `list` (or the first `limit` items that pass `keep`). */
export async function listAll<C>(
	client: ApiClient,
	style: PagingStyle<C>,
	list: ListRequest,
	options: { limit?: number; keep?: (item: IDataObject) => boolean } = {},
): Promise<IDataObject[]> {
	return await collectPages<IDataObject, C>(client, async (cursor, size) => await fetchPage(client, style, list, cursor, size), {
		...options,
		pageSize: style.pageSize,
		itemIndex: list.itemIndex,
	});
}
