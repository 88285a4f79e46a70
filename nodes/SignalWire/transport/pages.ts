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
	permission?: string,
): Promise<Page<IDataObject, string>> {
	const answer = await client.requestObject<LinkedList>(
		cursor ? { method: 'GET', url: cursor, itemIndex, permission } : { method: 'GET', path, qs, itemIndex, permission },
	);
	const next = answer?.links?.next;
	return { items: Array.isArray(answer?.data) ? answer.data : [], next: typeof next === 'string' && next ? next : undefined };
}

export async function allLinkedPages(
	client: ApiClient,
	path: string,
	qs: IDataObject,
	options: { limit?: number; itemIndex?: number; permission?: string } = {},
): Promise<IDataObject[]> {
	return await collectPages<IDataObject, string>(
		client,
		async (cursor) => await linkedPage(client, path, qs, cursor, options.itemIndex, options.permission),
		{ limit: options.limit, itemIndex: options.itemIndex },
	);
}

export const RELAY_REST = '/api/relay/rest';
