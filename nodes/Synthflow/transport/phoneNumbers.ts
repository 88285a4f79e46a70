import type { IDataObject } from 'n8n-workflow';

import type { ApiClient } from '../../shared/transport/client';
import { collectPages, type Page } from '../../shared/transport/pagination';

/** UNVERIFIED: Synthflow's largest page; the docs show 20 as the default. */
export const SYNTHFLOW_PAGE_SIZE = 100;

interface NumberList {
	response?: { pagination?: { total_records?: number }; phone_numbers?: IDataObject[] };
}

/** One page of `GET /numbers` (limit/offset, ends at `total_records`). */
export async function numberPage(
	client: ApiClient,
	workspace: string,
	offset: number,
	qs: IDataObject = {},
	itemIndex?: number,
	limit = SYNTHFLOW_PAGE_SIZE,
): Promise<Page<IDataObject, number>> {
	const answer = await client.request<NumberList>({
		method: 'GET',
		path: '/numbers',
		qs: { ...qs, workspace, limit, offset },
		itemIndex,
	});
	const items = answer?.response?.phone_numbers ?? [];
	const total = Number(answer?.response?.pagination?.total_records ?? 0);
	const next = offset + items.length;
	return { items, next: items.length > 0 && next < total ? next : undefined };
}

export async function listNumbers(
	client: ApiClient,
	workspace: string,
	options: { qs?: IDataObject; limit?: number; itemIndex?: number } = {},
): Promise<IDataObject[]> {
	return await collectPages<IDataObject, number>(
		async (offset, wanted) =>
			await numberPage(
				client,
				workspace,
				offset ?? 0,
				options.qs,
				options.itemIndex,
				wanted === undefined ? SYNTHFLOW_PAGE_SIZE : Math.min(SYNTHFLOW_PAGE_SIZE, wanted),
			),
		{ limit: options.limit },
	);
}

/** `GET /numbers/{slug}`: flat, or wrapped in `response` (UNVERIFIED which): both are read. */
export function unwrapNumber(answer: IDataObject): IDataObject {
	const inner = answer?.response;
	return inner && typeof inner === 'object' && !Array.isArray(inner) && 'phone_number' in (inner as IDataObject)
		? (inner as IDataObject)
		: answer;
}
