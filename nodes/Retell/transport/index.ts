import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, INode } from 'n8n-workflow';

import { phoneNumberIdFromLocator } from '../../shared/execution/numberLookup';
import type { Connection, NumberAddress } from '../../shared/execution/provider';
import { apiKeyClient } from '../../shared/transport/apiKeyClient';
import { ApiClient } from '../../shared/transport/client';
import { errorAndMessage } from '../../shared/transport/errorText';
import { CursorGuard, cursorPaging } from '../../shared/transport/pagination';
import { pathSegment } from '../../shared/transport/paths';
import type { ProviderProfile, RetryPolicy } from '../../shared/transport/types';
import { RETELL_PHONE_NUMBER_ID } from '../descriptions/phoneNumberLocator';

export const RETELL_API = 'https://api.retellai.com';
const CREDENTIAL = { type: 'retellPhoneNumbersApi', name: 'Retell AI Phone Numbers API' };

/** UNVERIFIED: Retell does not publish the largest `limit`; 100 is what its own examples page by. */
export const RETELL_PAGE_SIZE = 100;

export const retellProfile: ProviderProfile = {
	displayName: 'Retell AI',
	errorMessages(data) {
		// The error body's shape is UNVERIFIED: `message`/`error` as text, or a list of messages.
		if (Array.isArray(data.message)) return data.message.map(String);
		return errorAndMessage(data);
	},
	hint(status, { where, resource }) {
		if (status === 401) return `Check the ${CREDENTIAL.name} credential: its API key (Retell AI dashboard → Settings → API Keys).`;
		if (status === 403) return `The API key may not do this (${where}).`;
		if (status === 404) return `${resource ? `No ${resource}` : 'Nothing'} found at ${where}. Check the number, and that it belongs to the API key's workspace.`;
		return undefined;
	},
};

export async function retellClient(ctx: IExecuteFunctions | ILoadOptionsFunctions, policy: RetryPolicy): Promise<ApiClient> {
	return await apiKeyClient(ctx, policy, { provider: retellProfile, credential: CREDENTIAL, origin: RETELL_API });
}

/** `{items, has_more, pagination_key}`: the next page is asked for with `pagination_key`. */
export const retellPaging = cursorPaging(
	'pagination_key',
	(answer) => answer.items,
	(answer) => (answer.has_more === true && typeof answer.pagination_key === 'string' ? answer.pagination_key : undefined),
);

export const NUMBER_LIST = '/v2/list-phone-numbers';

/** The number the locator names: Retell's ID is the number itself, so By Number needs no look-up. */
export async function locateNumber(ctx: IExecuteFunctions, _connection: Connection, itemIndex: number): Promise<NumberAddress> {
	const number = await phoneNumberIdFromLocator(ctx, itemIndex, { ...RETELL_PHONE_NUMBER_ID, idOfNumber: (e164) => e164 });
	const segment = pathSegment(ctx.getNode(), number, 'Phone Number', itemIndex);
	return { id: number, path: `/get-phone-number/${segment}`, updatePath: `/update-phone-number/${segment}`, resource: `phone number ${number}` };
}

/**
 * Agents of one channel (`voice` for calls, `chat` for SMS): `POST /v2/list-agents` with a filter,
 * every page. A read, so sending it twice is harmless.
 */
export async function listAgents(client: ApiClient, channel: 'voice' | 'chat', maxPages = 50): Promise<IDataObject[]> {
	const guard = new CursorGuard<string>(client);
	const agents: IDataObject[] = [];
	let key: string | undefined;
	for (let page = 0; page < maxPages; page++) {
		const answer = await client.requestObject<IDataObject>({
			method: 'POST',
			path: '/v2/list-agents',
			qs: { limit: RETELL_PAGE_SIZE, ...(key ? { pagination_key: key } : {}) },
			body: { filter_criteria: { channel: { type: 'string', op: 'eq', value: channel } } },
			idempotent: true,
		});
		agents.push(...(Array.isArray(answer.items) ? (answer.items as IDataObject[]) : []));
		const next = retellPaging.read(answer, key).next;
		if (next === undefined) return agents;
		key = guard.next(next);
	}
	return agents;
}

/**
 * Every version of one agent (`GET /get-agent-versions/{id}`, chat agents `/get-chat-agent-versions/{id}`,
 * as Retell's SDK calls them): one request, not a walk of the whole agent list.
 */
export async function listAgentVersions(client: ApiClient, node: INode, channel: 'voice' | 'chat', agentId: string): Promise<IDataObject[]> {
	const segment = pathSegment(node, agentId, 'Agent');
	const answer = await client.request<unknown>({ method: 'GET', path: `/${channel === 'voice' ? 'get-agent-versions' : 'get-chat-agent-versions'}/${segment}` });
	return Array.isArray(answer) ? (answer as IDataObject[]) : [];
}
