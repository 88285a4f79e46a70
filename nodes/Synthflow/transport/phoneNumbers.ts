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
	const answer = await client.requestObject<NumberList>({
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
		client,
		async (offset, size) => await numberPage(client, workspace, offset ?? 0, options.qs, options.itemIndex, size),
		{ limit: options.limit, itemIndex: options.itemIndex, pageSize: SYNTHFLOW_PAGE_SIZE },
	);
}

/** Write-only fields: a provider that sends them back never gets them into an output. */
const WRITE_ONLY = ['trunk_pwd', 'trunk_password', 'sip_auth_password'];

/**
 * `GET /numbers/{slug}`: flat, or wrapped in `response` (UNVERIFIED which): both are read. The
 * trunk password is write-only: dropped if Synthflow ever returns it.
 */
export function unwrapNumber(answer: IDataObject): IDataObject {
	const inner = answer?.response;
	const number =
		inner && typeof inner === 'object' && !Array.isArray(inner) && 'phone_number' in (inner as IDataObject)
			? { ...(inner as IDataObject) }
			: { ...answer };
	for (const key of WRITE_ONLY) delete number[key];
	return number;
}
