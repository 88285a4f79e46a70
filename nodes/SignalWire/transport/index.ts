import { NodeOperationError, type IDataObject, type IExecuteFunctions, type ILoadOptionsFunctions, type INode } from 'n8n-workflow';

import { onlyExactMatch, phoneNumberIdFromLocator } from '../../shared/execution/numberLookup';
import type { Connection, NumberAddress } from '../../shared/execution/provider';
import { listAll } from '../../shared/transport/pagination';
import { SIGNALWIRE_PHONE_NUMBER_ID } from '../descriptions/phoneNumberLocator';
import { originOverride } from '../../shared/transport/baseUrl';
import { requireCredentialText } from '../../shared/transport/credentialData';
import { pathSegment } from '../../shared/transport/paths';
import { linkedPaging, RELAY_REST } from './pages';
import { ApiClient } from '../../shared/transport/client';
import { errorAndMessage } from '../../shared/transport/errorText';
import type { ProviderProfile, RetryPolicy } from '../../shared/transport/types';

export const SPACE_FORMS = 'example, example.signalwire.com or https://example.signalwire.com';

/**
 * The space as users give it (`example`, `example.signalwire.com`, `https://example.signalwire.com`)
 * → `https://example.signalwire.com`. Anything else (other hosts, http, ports, paths, user info) is
 * refused, so the credential is never sent to a host that is not SignalWire's.
 */
/** `spaceOrigin` without a node: the origin, or undefined for anything that is not a SignalWire space. */
export function spaceHostOrigin(value: unknown): string | undefined {
	if (typeof value !== 'string' || value.length > 300) return undefined;
	let text = value.trim().toLowerCase();
	if (text.endsWith('/')) text = text.slice(0, -1);
	if (text.startsWith('https://')) text = text.slice('https://'.length);
	else if (text.includes('://')) return undefined;
	if (text.endsWith('.signalwire.com')) text = text.slice(0, -'.signalwire.com'.length);
	if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(text)) return undefined;
	return `https://${text}.signalwire.com`;
}

export const SPACE_PROBLEM = `The SignalWire credential's Space is not valid: use ${SPACE_FORMS}`;

export function spaceOrigin(node: INode, value: unknown): string {
	const origin = spaceHostOrigin(value);
	if (!origin) {
		throw new NodeOperationError(node, SPACE_PROBLEM, {
			description: 'The space is the first part of your SignalWire dashboard address.',
		});
	}
	return origin;
}

export const signalWireProfile: ProviderProfile = {
	displayName: 'SignalWire',
	errorMessages(data) {
		const messages: string[] = [];
		// /api/relay/rest: {"errors":[{"detail","status","title","code","attribute"}]}; other APIs use "message".
		if (Array.isArray(data.errors)) {
			for (const error of data.errors as IDataObject[]) {
				const text = (error.detail ?? error.message ?? error.title) as string | undefined;
				if (text) messages.push(error.attribute && !String(text).includes(String(error.attribute)) ? `${String(error.attribute)}: ${text}` : String(text));
			}
		}
		return [...messages, ...errorAndMessage(data)];
	},
	hint(status, { credentialName, where, resource, permission }) {
		if (status === 401 || status === 403) {
			// Tokens have scopes: Numbers covers phone numbers only, each dropdown needs its own.
			return `Check the ${credentialName} credential: the Project ID, the API token and the Space (${where.split('/')[0]}) they belong to. This request needs a token with ${permission ?? 'the Numbers scope'} (SignalWire: API → Credentials → the token's scopes).`;
		}
		if (status === 404) {
			return `${resource ? `No ${resource}` : 'Nothing'} found at ${where}. Check the ID and that it belongs to this project and space.`;
		}
		return undefined;
	},
};

/** The project's client, and its ID (the Fabric lists are under it). */
export interface SignalWireConnection extends Connection {
	projectId: string;
}

export async function signalWireClient(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	policy: RetryPolicy,
): Promise<SignalWireConnection> {
	const data = await ctx.getCredentials('signalWirePhoneNumbersApi');
	const node = ctx.getNode();
	requireCredentialText(node, 'Project ID', data.projectId);
	requireCredentialText(node, 'API Token', data.apiToken);
	const origin = originOverride(node, data.baseUrl) ?? spaceOrigin(node, data.space);
	return {
		client: new ApiClient(ctx, {
			provider: signalWireProfile,
			credentialType: 'signalWirePhoneNumbersApi',
			credentialName: 'SignalWire Phone Numbers API',
			baseUrl: origin,
			policy,
			basicAuth: { user: String(data.projectId ?? ''), password: String(data.apiToken ?? '') },
			secrets: [data.apiToken].filter((v): v is string => typeof v === 'string'),
		}),
		projectId: String(data.projectId ?? ''),
	};
}

/** The number the locator names (a UUID as given, or an E.164 number looked up) and its Relay REST path. */
export async function locateNumber(ctx: IExecuteFunctions, { client }: Connection, itemIndex: number): Promise<NumberAddress> {
	const id = await phoneNumberIdFromLocator(ctx, itemIndex, {
		...SIGNALWIRE_PHONE_NUMBER_ID,
		// filter_number is a substring match: the exact one is picked out of what it returns.
		idOfNumber: async (e164) =>
			onlyExactMatch(
				ctx,
				itemIndex,
				e164,
				await listAll(client, linkedPaging, { path: `${RELAY_REST}/phone_numbers`, qs: { filter_number: e164, page_size: 100 }, itemIndex }),
				(n) => n.number,
				(n) => String(n.id),
			),
	});
	return { id, path: `${RELAY_REST}/phone_numbers/${pathSegment(ctx.getNode(), id, 'Phone Number', itemIndex)}`, resource: `phone number ${id}` };
}
