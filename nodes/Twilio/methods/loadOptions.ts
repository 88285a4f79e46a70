import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { DROPDOWN_RETRY_POLICY } from '../../shared/descriptions/common';
import { listAll, nextPageUriPaging } from '../../shared/transport/pagination';
import { sortedByName } from '../../shared/methods/options';
import { trunkPaging, twilioClient } from '../transport';

/** TwiML applications (at most 1,000 an account), every page. */
export async function getApplications(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { client: api } = await twilioClient(this, DROPDOWN_RETRY_POLICY);
	const apps = await listAll(api, nextPageUriPaging('applications'), { path: '/Applications.json', qs: { PageSize: 1000 } });
	return sortedByName(apps.map((a) => ({ name: String(a.friendly_name || a.sid), value: String(a.sid) })));
}

export async function getAddresses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { client: api } = await twilioClient(this, DROPDOWN_RETRY_POLICY);
	const addresses = await listAll(api, nextPageUriPaging('addresses'), { path: '/Addresses.json', qs: { PageSize: 1000 } });
	return sortedByName(
		addresses.map((a) => ({
			name: [a.friendly_name, a.customer_name, a.iso_country].filter(Boolean).join(' · ') || String(a.sid),
			value: String(a.sid),
		})),
	);
}

/** Elastic SIP trunks from the trunking API. */
export async function getTrunks(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { trunking } = await twilioClient(this, DROPDOWN_RETRY_POLICY);
	const trunks = await listAll(trunking, trunkPaging, { path: '/Trunks', qs: { PageSize: 1000 } });
	return sortedByName(trunks.map((t) => ({ name: `${String(t.friendly_name || t.sid)}${t.domain_name ? ` (${String(t.domain_name)})` : ''}`, value: String(t.sid) })));
}
