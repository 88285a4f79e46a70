import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { DROPDOWN_RETRY_POLICY } from '../../shared/descriptions/common';
import { listByCreatedAt, vapiClient } from '../transport';

async function named(ctx: ILoadOptionsFunctions, path: string): Promise<INodePropertyOptions[]> {
	const client = await vapiClient(ctx, DROPDOWN_RETRY_POLICY);
	const items = await listByCreatedAt(client, path);
	return items.map((item) => ({ name: String(item.name || item.id), value: String(item.id) })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Every assistant of the organization (every page). */
export async function getAssistants(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await named(this, '/assistant');
}

/** Every squad of the organization (every page). */
export async function getSquads(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await named(this, '/squad');
}
