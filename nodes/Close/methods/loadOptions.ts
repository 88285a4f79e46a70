import { NodeOperationError, type IDataObject, type ILoadOptionsFunctions, type INodePropertyOptions } from 'n8n-workflow';

import { DROPDOWN_RETRY_POLICY } from '../../shared/descriptions/common';
import { listAll } from '../../shared/transport/pagination';
import { pathSegment } from '../../shared/transport/paths';
import { closeApiClient } from '../transport';
import { closePaging, PHONE_NUMBER_LIST } from '../transport/phoneNumbers';

/**
 * Users of the credential's own organization, "First Last (email)", sorted. The organization's
 * memberships come whole in one answer, so two requests cover every user however many there are
 * (`GET /user/` would page through the users of every organization the key can see).
 * UNVERIFIED: that /me/ lists the key's organization first when the user belongs to several.
 */
export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await closeApiClient(this, DROPDOWN_RETRY_POLICY);
	const me = await client.requestObject<IDataObject>({ method: 'GET', path: '/me/', qs: { _fields: 'organizations' } });
	const organizations = (me?.organizations as IDataObject[] | undefined) ?? [];
	const organizationId = organizations[0]?.id;
	if (typeof organizationId !== 'string') {
		throw new NodeOperationError(this.getNode(), 'Close did not say which organization this credential belongs to');
	}
	const organization = await client.requestObject<IDataObject>({
		method: 'GET',
		path: `/organization/${pathSegment(this.getNode(), organizationId, 'Organization')}/`,
		qs: { _fields: 'memberships' },
		resource: `organization ${organizationId}`,
	});
	const memberships = (organization?.memberships as IDataObject[] | undefined) ?? [];
	return memberships
		.filter((m) => typeof m.user_id === 'string')
		.map((m) => {
			const name = String(m.user_full_name ?? '').trim() || String(m.user_id);
			return {
				name: m.user_email ? `${name} (${m.user_email as string})` : name,
				value: m.user_id as string,
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The organization's external numbers (your own numbers known to Close), for a group number's
 * Phone Numbers; the value is the E.164 number Close takes. Close's list has no type filter, so
 * every page is read and filtered here.
 */
export async function getExternalNumbers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await closeApiClient(this, DROPDOWN_RETRY_POLICY);
	const numbers = await listAll(client, closePaging, { path: PHONE_NUMBER_LIST, qs: { _fields: 'id,number,number_formatted,label,type' } }, {
		keep: (n) => n.type === 'external',
	});
	const seen = new Set<string>();
	return numbers
		.filter((n) => typeof n.number === 'string' && !seen.has(n.number as string) && seen.add(n.number as string))
		.map((n) => ({
			name: `${(n.number_formatted as string) || (n.number as string)}${n.label ? ` · ${n.label as string}` : ''}`,
			value: n.number as string,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
