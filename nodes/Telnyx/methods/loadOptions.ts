import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { DROPDOWN_RETRY_POLICY } from '../../shared/descriptions/common';
import { listAll } from '../../shared/transport/pagination';
import { sortedByName } from '../../shared/methods/options';
import { listWithFallbackPageSize, pageSized, telnyxClient, telnyxPaging } from '../transport';

const KINDS: Record<string, string> = {
	credential_connection: 'SIP connection, credentials',
	ip_connection: 'SIP connection, IP',
	fqdn_connection: 'SIP connection, FQDN',
	call_control_application: 'Call Control app',
	texml_application: 'TeXML app',
};

/**
 * Everything a number's `connection_id` can point at: SIP connections and the Call Control and
 * TeXML applications (whether `/connections` lists the applications too is not documented, so all
 * three lists are read and merged by ID). Only names and IDs leave here: credential connections
 * carry their SIP password in these answers.
 */
export async function getConnections(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { client: api } = await telnyxClient(this, DROPDOWN_RETRY_POLICY);
	const [connections, callControl, texml] = await Promise.all([
		listAll(api, telnyxPaging, { path: '/connections', qs: pageSized() }),
		listWithFallbackPageSize(api, '/call_control_applications'),
		listWithFallbackPageSize(api, '/texml_applications'),
	]);
	const byId = new Map<string, INodePropertyOptions>();
	const add = (item: IDataObject, name: unknown, fallbackKind: string) => {
		const id = String(item.id ?? '');
		if (!id || byId.has(id)) return;
		const kind = KINDS[String(item.record_type)] ?? fallbackKind;
		const inactive = item.active === false ? ', inactive' : '';
		byId.set(id, { name: `${String(name || id)} (${kind}${inactive})`, value: id });
	};
	// The applications' own lists first: they say exactly what each one is.
	for (const app of callControl) add(app, app.application_name, KINDS.call_control_application);
	for (const app of texml) add(app, app.friendly_name, KINDS.texml_application);
	for (const connection of connections) add(connection, connection.connection_name, 'connection');
	return sortedByName([...byId.values()]);
}

export async function getMessagingProfiles(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { client: api } = await telnyxClient(this, DROPDOWN_RETRY_POLICY);
	const profiles = await listWithFallbackPageSize(api, '/messaging_profiles');
	return sortedByName(profiles.map((p) => ({ name: `${String(p.name || p.id)}${p.enabled === false ? ' (disabled)' : ''}`, value: String(p.id) })));
}

export async function getBillingGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { client: api } = await telnyxClient(this, DROPDOWN_RETRY_POLICY);
	const groups = await listWithFallbackPageSize(api, '/billing_groups');
	return sortedByName(groups.map((g) => ({ name: String(g.name || g.id), value: String(g.id) })));
}
