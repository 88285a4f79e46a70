import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { DROPDOWN_RETRY_POLICY } from '../../shared/descriptions/common';
import { listAgents, listAgentVersions, retellClient } from '../transport';

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

/**
 * The versions of the agent chosen in the same row (`&agent`): Retell's aliases first, then each
 * version, newest first, with its title and whether it is published. A tag, or a version from an
 * expression, can still be typed as an expression.
 */
async function versionOptions(ctx: ILoadOptionsFunctions, channel: 'voice' | 'chat'): Promise<INodePropertyOptions[]> {
	const aliases: INodePropertyOptions[] = [
		{ name: 'Latest Published', value: 'latest_published', description: 'Whichever version is published when a call comes in' },
		{ name: 'Latest (Draft Included)', value: 'latest', description: 'The newest version, published or not' },
	];
	const agent = ctx.getCurrentNodeParameter('&agent');
	// No agent chosen yet, or one set by an expression: the aliases only.
	if (typeof agent !== 'string' || agent === '' || agent.startsWith('=')) return aliases;
	const client = await retellClient(ctx, DROPDOWN_RETRY_POLICY);
	const versions = await listAgentVersions(client, ctx.getNode(), channel, agent);
	const numbered = versions
		.filter((v) => typeof v.version === 'number')
		.sort((a, b) => Number(b.version) - Number(a.version))
		.map((v) => ({
			name: `Version ${Number(v.version)}${v.is_published === true ? ' (published)' : ''}${v.version_title ? ` · ${String(v.version_title)}` : ''}`,
			value: String(v.version),
		}));
	return [...aliases, ...numbered];
}

/** The versions of the voice agent chosen in the same row. */
export async function getVoiceAgentVersions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await versionOptions(this, 'voice');
}

/** The versions of the chat agent chosen in the same row. */
export async function getChatAgentVersions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await versionOptions(this, 'chat');
}
