import type { IDataObject } from 'n8n-workflow';

import { offsetPaging } from '../../shared/transport/pagination';

/** UNVERIFIED: Synthflow's largest page; the docs show 20 as the default. */
export const SYNTHFLOW_PAGE_SIZE = 100;

/** The workspace's numbers (`GET /numbers?workspace=`). */
export const NUMBER_LIST = '/numbers';

/** Synthflow's number list pages by `offset` / `limit`, up to `response.pagination.total_records`. */
export const numberPaging = offsetPaging(
	{ offset: 'offset', limit: 'limit', pageSize: SYNTHFLOW_PAGE_SIZE },
	(answer) => (answer.response as IDataObject | undefined)?.phone_numbers,
	(answer, page) => {
		const pagination = (answer.response as IDataObject | undefined)?.pagination as IDataObject | undefined;
		return page.count > 0 && page.end < Number(pagination?.total_records ?? 0);
	},
);

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
