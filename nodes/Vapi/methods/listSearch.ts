import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { DROPDOWN_RETRY_POLICY } from '../../shared/descriptions/common';
import { formatPhoneNumber } from '../../shared/descriptions/phoneNumbers';
import { phoneDigits } from '../../shared/validation';
import { numberPage, vapiClient } from '../transport';

/** The organization's numbers, searched on Vapi's server (`search`: name, number or SIP URI), a page at a time. */
export async function searchPhoneNumbers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const client = await vapiClient(this, DROPDOWN_RETRY_POLICY);
	const query = (filter ?? '').trim();
	const digits = phoneDigits(query);
	const search = /^\d+$/.test(digits) ? digits : query.slice(0, 100);
	const page = await numberPage(client, Number(paginationToken) || undefined, search ? { search, limit: 100 } : { limit: 100 });
	return {
		results: page.items.map((n) => ({
			name: `${n.number ? formatPhoneNumber(n.number) : String(n.sipUri ?? n.id)} · ${String(n.name || 'no name')}`,
			value: String(n.id),
		})),
		paginationToken: page.next === undefined ? undefined : String(page.next),
	};
}
