import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { DROPDOWN_RETRY_POLICY } from '../../shared/descriptions/common';
import { listAgents, retellClient } from '../transport';

async function agentOptions(ctx: ILoadOptionsFunctions, channel: 'voice' | 'chat'): Promise<INodePropertyOptions[]> {
	const client = await retellClient(ctx, DROPDOWN_RETRY_POLICY);
	const agents = await listAgents(client, channel);
	// An agent has several versions, each listed: one option an agent.
	const byId = new Map<string, INodePropertyOptions>();
	for (const agent of agents) {
		const id = String(agent.agent_id ?? '');
		if (id && !byId.has(id)) byId.set(id, { name: String(agent.agent_name || id), value: id });
	}
	return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Every voice agent of the workspace (every page). */
export async function getVoiceAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await agentOptions(this, 'voice');
}

/** Every chat (SMS) agent of the workspace (every page). */
export async function getChatAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await agentOptions(this, 'chat');
}
