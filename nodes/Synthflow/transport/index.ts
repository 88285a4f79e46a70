import { NodeOperationError, type IDataObject, type IExecuteFunctions, type ILoadOptionsFunctions, type INode } from 'n8n-workflow';

import { phoneNumberIdFromLocator } from '../../shared/execution/numberLookup';
import type { Connection, NumberAddress } from '../../shared/execution/provider';
import { SYNTHFLOW_PHONE_NUMBER_ID } from '../descriptions/phoneNumberLocator';
import { originOverride } from '../../shared/transport/baseUrl';
import { requireCredentialText } from '../../shared/transport/credentialData';
import { pathSegment } from '../../shared/transport/paths';
import { ApiClient } from '../../shared/transport/client';
import { errorAndMessage } from '../../shared/transport/errorText';
import type { ProviderProfile, RetryPolicy } from '../../shared/transport/types';

export const SYNTHFLOW_REGIONS: Record<string, string> = {
	global: 'https://api.synthflow.ai/v2',
	us: 'https://api.us.synthflow.ai/v2',
	eu: 'https://api.eu.synthflow.ai/v2',
};

export const synthflowProfile: ProviderProfile = {
	displayName: 'Synthflow',
	errorMessages(data) {
		const messages: string[] = [];
		// {"detail": "..."}, FastAPI's {"detail": [{"loc": [...], "msg": "..."}]},
		// {"detail": {"status", "description"}}, or {"error", "message"}.
		if (typeof data.detail === 'string') messages.push(data.detail);
		else if (data.detail && typeof data.detail === 'object' && !Array.isArray(data.detail)) {
			const detail = data.detail as IDataObject;
			const text = detail.description ?? detail.message ?? detail.msg;
			if (text !== undefined) messages.push(String(text));
		} else if (Array.isArray(data.detail)) {
			for (const entry of data.detail as IDataObject[]) {
				const where = Array.isArray(entry.loc) ? entry.loc.filter((part) => part !== 'body').join('.') : '';
				messages.push(where ? `${where}: ${String(entry.msg)}` : String(entry.msg));
			}
		}
		return [...messages, ...errorAndMessage(data)];
	},
	hint(status, { where, resource }) {
		if (status === 401) {
			return `Check the Synthflow Phone Numbers API credential: the API key, and its Region (${where.split('/')[0]}): a key works only in the region its account lives in (Global, US or EU).`;
		}
		if (status === 403) {
			return "Check the Synthflow Phone Numbers API credential's Workspace ID: the key has no access to that workspace.";
		}
		if (status === 404) {
			return `${resource ? `No ${resource}` : 'Nothing'} found at ${where}. Check the number, the credential's Workspace ID and its Region.`;
		}
		return undefined;
	},
};

export interface SynthflowConnection extends Connection {
	/** The credential's workspace ID, or undefined when not set. */
	workspaceId?: string;
}

/** The API base of a region, or undefined for a region that is not one (own keys only: not "__proto__"). */
export function regionBaseUrl(region: unknown): string | undefined {
	const name = String(region || 'global');
	return Object.prototype.hasOwnProperty.call(SYNTHFLOW_REGIONS, name) ? SYNTHFLOW_REGIONS[name] : undefined;
}

export const REGION_PROBLEM = (region: unknown) => `The Synthflow credential's Region "${String(region).slice(0, 20)}" is not one of Global, US or EU`;

export function synthflowBaseUrl(node: INode, data: IDataObject): string {
	const origin = originOverride(node, data.baseUrl);
	if (origin) return `${origin}/v2`;
	const base = regionBaseUrl(data.region);
	if (!base) throw new NodeOperationError(node, REGION_PROBLEM(data.region));
	return base;
}

export async function synthflowClient(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	policy: RetryPolicy,
): Promise<SynthflowConnection> {
	const data = await ctx.getCredentials('synthflowPhoneNumbersApi');
	requireCredentialText(ctx.getNode(), 'API Key', data.apiKey);
	const workspace = typeof data.workspaceId === 'string' ? data.workspaceId.trim() : '';
	return {
		client: new ApiClient(ctx, {
			provider: synthflowProfile,
			credentialType: 'synthflowPhoneNumbersApi',
			credentialName: 'Synthflow Phone Numbers API',
			baseUrl: synthflowBaseUrl(ctx.getNode(), data),
			policy,
			secrets: [data.apiKey].filter((v): v is string => typeof v === 'string'),
		}),
		workspaceId: workspace || undefined,
	};
}

/** The workspace `get` and `getAll` need; the API has no way to find it. */
export function requireWorkspace(node: INode, connection: SynthflowConnection, itemIndex: number): string {
	if (!connection.workspaceId) {
		throw new NodeOperationError(node, "Set the Workspace ID in the Synthflow Phone Numbers API credential to read numbers", {
			itemIndex,
			description:
				"Synthflow lists and reads numbers only within a workspace, and its API cannot look one up. Copy the workspace ID from Synthflow's dashboard (Settings → Workspace) into the credential's Workspace ID field.",
		});
	}
	return connection.workspaceId;
}

/**
 * The number the locator names, as its slug (the E.164 number without `+`: Synthflow's ID, so By
 * Number needs no look-up) and its `/numbers/{slug}` path.
 */
export async function locateNumber(ctx: IExecuteFunctions, _connection: SynthflowConnection, itemIndex: number): Promise<NumberAddress> {
	const slug = await phoneNumberIdFromLocator(ctx, itemIndex, { ...SYNTHFLOW_PHONE_NUMBER_ID, idOfNumber: (e164) => e164.slice(1) });
	return { id: slug, path: `/numbers/${pathSegment(ctx.getNode(), slug, 'Phone Number', itemIndex)}`, resource: `phone number +${slug}` };
}
