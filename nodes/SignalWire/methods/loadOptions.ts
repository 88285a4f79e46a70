import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions, NodeApiError } from 'n8n-workflow';

import { DROPDOWN_RETRY_POLICY } from '../../shared/descriptions/common';
import { listAll, nextPageUriPaging } from '../../shared/transport/pagination';
import { pathSegment } from '../../shared/transport/paths';
import { sortedByName } from '../../shared/methods/options';
import { signalWireClient } from '../transport';
import { linkedPaging, RELAY_REST } from '../transport/pages';

/** The token scopes each list needs (any one of them): SignalWire answers 401/403 without. */
const SCOPES = {
	voice: 'the Voice scope',
	laml: 'the Voice, Messaging or Fax scope',
	fabric: 'the Voice, Messaging, Fax or Video scope',
	video: 'the Video scope',
};

/** LaML applications, from the Compatibility API (`next_page_uri` paging). */
export async function getLamlApplications(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { client, projectId } = await signalWireClient(this, DROPDOWN_RETRY_POLICY);
	const path = `/api/laml/2010-04-01/Accounts/${pathSegment(this.getNode(), projectId, 'Project ID')}/Applications`;
	const applications = await listAll(client, nextPageUriPaging('applications'), { path, qs: { PageSize: 1000 }, permission: SCOPES.laml });
	return sortedByName(applications.map((a) => ({ name: String(a.friendly_name || a.sid), value: a.sid as string })));
}

/**
 * SIP endpoints from Fabric (`/api/fabric/resources/sip_endpoints`); the Relay REST list they
 * replace is deprecated and read only where Fabric answers 404. UNVERIFIED whether the two share
 * IDs: the endpoint's own ID (`sip_endpoint.id`) is used, else the resource's.
 */
export async function getSipEndpoints(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { client } = await signalWireClient(this, DROPDOWN_RETRY_POLICY);
	// The client throws only NodeApiError/NodeOperationError; a 404 means Fabric is not there.
	const fabric = await listAll(client, linkedPaging, { path: '/api/fabric/resources/sip_endpoints', qs: { page_size: 100 }, permission: SCOPES.voice }).then(
		(resources) => resources.map((r) => ({ ...r, ...((r.sip_endpoint as IDataObject | undefined) ?? {}) })),
		(error: NodeApiError) => error,
	);
	if (fabric instanceof Error && fabric.httpCode !== '404') throw fabric;
	const endpoints =
		fabric instanceof Error
			? await listAll(client, linkedPaging, { path: `${RELAY_REST}/endpoints/sip`, qs: { page_size: 1000 }, permission: SCOPES.voice })
			: fabric;
	return sortedByName(endpoints.map((e) => ({ name: String(e.username || e.display_name || e.id), value: String(e.id) })));
}

/**
 * A Fabric resource list as options: `type` names the list and the inner object
 * (`ai_agents` → `ai_agent`), `id` and `name` the inner fields; the resource's own are the fallback.
 * UNVERIFIED which ID the number takes (the inner one or the resource's): the inner one is used.
 */
async function fabricOptions(
	ctx: ILoadOptionsFunctions,
	type: string,
	inner: { id: string; name: string },
): Promise<INodePropertyOptions[]> {
	const { client } = await signalWireClient(ctx, DROPDOWN_RETRY_POLICY);
	const resources = await listAll(client, linkedPaging, { path: `/api/fabric/resources/${type}s`, qs: { page_size: 100 }, permission: SCOPES.fabric });
	return sortedByName(
		resources.map((r) => {
			const item = (r[type] as IDataObject | undefined) ?? {};
			return { name: String(item[inner.name] || r.display_name || r.id), value: String(item[inner.id] ?? r.id) };
		}),
	);
}

export async function getAiAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await fabricOptions(this, 'ai_agent', { id: 'agent_id', name: 'name' });
}

/** Relay applications: the handler takes the application's name, so the value is the name. */
export async function getRelayApplications(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { client } = await signalWireClient(this, DROPDOWN_RETRY_POLICY);
	// UNVERIFIED: the Fabric API's largest page; 100 is accepted by every SignalWire list we know.
	const resources = await listAll(client, linkedPaging, { path: '/api/fabric/resources/relay_applications', qs: { page_size: 100 }, permission: SCOPES.fabric });
	return sortedByName(
		resources
			.map((r) => (r.relay_application as IDataObject | undefined) ?? r)
			.filter((app) => typeof app.name === 'string')
			.map((app) => ({
				name: app.topic ? `${app.name as string} (topic ${app.topic as string})` : (app.name as string),
				value: app.name as string,
			})),
	);
}

export async function getVideoRooms(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { client } = await signalWireClient(this, DROPDOWN_RETRY_POLICY);
	const rooms = await listAll(client, linkedPaging, { path: '/api/video/rooms', qs: { page_size: 100 }, permission: SCOPES.video });
	return sortedByName(rooms.map((r) => ({ name: String(r.display_name || r.name || r.id), value: r.id as string })));
}

export async function getDialogflowAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await fabricOptions(this, 'dialogflow_agent', { id: 'id', name: 'display_name' });
}
