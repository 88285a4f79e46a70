import type { IDataObject } from 'n8n-workflow';

import type { ApiClient } from '../../shared/transport/client';
import { collectPages, type Page } from '../../shared/transport/pagination';

/** Close's largest page. */
export const CLOSE_PAGE_SIZE = 100;

interface CloseList {
	data?: IDataObject[];
	has_more?: boolean;
}

/** One page of `GET /phone_number/` (`_skip` / `_limit`, `has_more`). */
export async function phoneNumberPage(
	client: ApiClient,
	skip: number,
	qs: IDataObject,
	itemIndex?: number,
	pageSize = CLOSE_PAGE_SIZE,
): Promise<Page<IDataObject, number>> {
	const answer = await client.requestObject<CloseList>({
		method: 'GET',
		path: '/phone_number/',
		qs: { ...qs, _skip: skip, _limit: pageSize },
		itemIndex,
	});
	const items = Array.isArray(answer?.data) ? answer.data : [];
	return { items, next: answer?.has_more ? skip + items.length : undefined };
}

export async function listPhoneNumbers(
	client: ApiClient,
	options: { qs: IDataObject; limit?: number; itemIndex?: number; keep?: (n: IDataObject) => boolean },
): Promise<IDataObject[]> {
	return await collectPages<IDataObject, number>(
		client,
		async (skip, size) => await phoneNumberPage(client, skip ?? 0, options.qs, options.itemIndex, size),
		{ limit: options.limit, keep: options.keep, itemIndex: options.itemIndex, pageSize: CLOSE_PAGE_SIZE },
	);
}
