import type { IDataObject } from 'n8n-workflow';

import type { ApiClient } from '../../shared/transport/client';
import { collectPages, type Page } from '../../shared/transport/pagination';

interface LinkedList {
	data?: IDataObject[];
	links?: { next?: string | null };
}

/**
 * One page of a SignalWire list that pages with `links.next` (Relay REST, Fabric, Video).
 * `cursor` is the next link from the previous page: relative or absolute (UNVERIFIED which one
 * SignalWire sends; both work), and followed only on the space's own origin.
 */
export async function linkedPage(
	client: ApiClient,
	path: string,
	qs: IDataObject,
	cursor?: string,
	itemIndex?: number,
): Promise<Page<IDataObject, string>> {
	const answer = await client.request<LinkedList>(
		cursor ? { method: 'GET', url: cursor, itemIndex } : { method: 'GET', path, qs, itemIndex },
	);
	const next = answer?.links?.next;
	return { items: Array.isArray(answer?.data) ? answer.data : [], next: typeof next === 'string' && next ? next : undefined };
}

export async function allLinkedPages(
	client: ApiClient,
	path: string,
	qs: IDataObject,
	options: { limit?: number; itemIndex?: number } = {},
): Promise<IDataObject[]> {
	return await collectPages<IDataObject, string>(
		async (cursor) => await linkedPage(client, path, qs, cursor, options.itemIndex),
		{ limit: options.limit },
	);
}

export const RELAY_REST = '/api/relay/rest';
