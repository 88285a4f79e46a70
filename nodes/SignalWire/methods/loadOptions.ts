import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { DROPDOWN_RETRY_POLICY } from '../../shared/descriptions/common';
import { collectPages } from '../../shared/transport/pagination';
import { pathSegment } from '../../shared/transport/paths';
import { signalWireClient } from '../transport';
import { allLinkedPages, RELAY_REST } from '../transport/pages';

function sorted(options: INodePropertyOptions[]): INodePropertyOptions[] {
	return options.sort((a, b) => a.name.localeCompare(b.name));
}

/** LaML applications, from the Compatibility API (`next_page_uri` paging). */
export async function getLamlApplications(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { client, projectId } = await signalWireClient(this, DROPDOWN_RETRY_POLICY);
	const path = `/api/laml/2010-04-01/Accounts/${pathSegment(this.getNode(), projectId, 'Project ID')}/Applications`;
	const applications = await collectPages<IDataObject, string>(async (next) => {
		const answer = await client.request<IDataObject>(
			next ? { method: 'GET', url: next } : { method: 'GET', path, qs: { PageSize: 1000 } },
		);
		const nextUri = answer?.next_page_uri;
		return {
			items: (answer?.applications as IDataObject[] | undefined) ?? [],
			next: typeof nextUri === 'string' && nextUri ? nextUri : undefined,
		};
	});
	return sorted(applications.map((a) => ({ name: String(a.friendly_name || a.sid), value: a.sid as string })));
}

export async function getSipEndpoints(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { client } = await signalWireClient(this, DROPDOWN_RETRY_POLICY);
	const endpoints = await allLinkedPages(client, `${RELAY_REST}/endpoints/sip`, { page_size: 1000 });
	return sorted(endpoints.map((e) => ({ name: String(e.username || e.id), value: e.id as string })));
}

/** Relay applications: the handler takes the application's name, so the value is the name. */
export async function getRelayApplications(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { client } = await signalWireClient(this, DROPDOWN_RETRY_POLICY);
	// UNVERIFIED: the Fabric API's largest page; 100 is accepted by every SignalWire list we know.
	const resources = await allLinkedPages(client, '/api/fabric/resources/relay_applications', { page_size: 100 });
	return sorted(
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
	const rooms = await allLinkedPages(client, '/api/video/rooms', { page_size: 100 });
	return sorted(rooms.map((r) => ({ name: String(r.display_name || r.name || r.id), value: r.id as string })));
}

/**
 * Dialogflow agents. UNVERIFIED which ID `call_dialogflow_agent_id` takes: the agent's own ID
 * (`dialogflow_agent.id`) is used, falling back to the Fabric resource ID.
 */
export async function getDialogflowAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { client } = await signalWireClient(this, DROPDOWN_RETRY_POLICY);
	const resources = await allLinkedPages(client, '/api/fabric/resources/dialogflow_agents', { page_size: 100 });
	return sorted(
		resources.map((r) => {
			const agent = (r.dialogflow_agent as IDataObject | undefined) ?? {};
			return { name: String(agent.display_name || r.display_name || r.id), value: String(agent.id ?? r.id) };
		}),
	);
}
