import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { DROPDOWN_RETRY_POLICY } from '../../shared/descriptions/common';
import { requireWorkspace, synthflowClient } from '../transport';
import { numberPage } from '../transport/phoneNumbers';

/**
 * The workspace's numbers, a page a request (offset paging). Synthflow's list has no search, so
 * typed digits are matched on each page here.
 */
export async function searchPhoneNumbers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const connection = await synthflowClient(this, DROPDOWN_RETRY_POLICY);
	const workspace = requireWorkspace(this.getNode(), connection, 0);
	const digits = (filter ?? '').replace(/\D/g, '');
	const page = await numberPage(connection.client, workspace, Number(paginationToken) || 0);
	return {
		results: page.items
			.filter((n) => !digits || String(n.number).replace(/\D/g, '').includes(digits))
			.map((n) => ({
				name: `${String(n.number)}${n.is_available ? ' · available' : ' · in use'}`,
				value: String(n.number),
			})),
		paginationToken: page.next === undefined ? undefined : String(page.next),
	};
}
