import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { onlyExactMatch, phoneNumberIdFromLocator } from '../../shared/execution/numberLookup';
import type { Connection, NumberAddress } from '../../shared/execution/provider';
import { apiKeyClient } from '../../shared/transport/apiKeyClient';
import { ApiClient } from '../../shared/transport/client';
import { errorAndMessage } from '../../shared/transport/errorText';
import { fetchPage, listAll, pageNumberPaging } from '../../shared/transport/pagination';
import { pathSegment } from '../../shared/transport/paths';
import type { ProviderProfile, RetryPolicy } from '../../shared/transport/types';
import { VAPI_PHONE_NUMBER_ID } from '../descriptions/phoneNumberLocator';

export const VAPI_API = 'https://api.vapi.ai';
const CREDENTIAL = { type: 'vapiPhoneNumbersApi', name: 'Vapi Phone Numbers API' };

/** `limit` takes 0–1000 on every list (Vapi's OpenAPI). */
export const VAPI_PAGE_SIZE = 1000;

export const vapiProfile: ProviderProfile = {
	displayName: 'Vapi',
	errorMessages(data) {
		// NestJS: {statusCode, message: string | string[], error} (UNVERIFIED beyond the one typed error).
		const message = data.message;
		if (Array.isArray(message)) return message.map(String);
		return errorAndMessage(data);
	},
	hint(status, { where, resource }) {
		if (status === 401) {
			return `Check the ${CREDENTIAL.name} credential: it needs the organization's private API key (Vapi dashboard → Organization Settings → API Keys), not the public one.`;
		}
		if (status === 403) return `The API key may not do this (${where}): check its permissions in the Vapi dashboard.`;
		if (status === 404) return `${resource ? `No ${resource}` : 'Nothing'} found at ${where}. Check the ID, and that it belongs to the API key's organization.`;
		return undefined;
	},
};

export async function vapiClient(ctx: IExecuteFunctions | ILoadOptionsFunctions, policy: RetryPolicy): Promise<ApiClient> {
	return await apiKeyClient(ctx, policy, { provider: vapiProfile, credential: CREDENTIAL, origin: VAPI_API });
}

/** `GET /v2/phone-number`: `page` from 1, `{results, metadata: {currentPage, totalPages}}`. */
export const numberPaging = pageNumberPaging(
	'page',
	(answer) => answer.results,
	(answer) => {
		const meta = (answer.metadata ?? {}) as IDataObject;
		return { page: meta.currentPage, total: meta.totalPages };
	},
);

export const NUMBER_LIST = '/v2/phone-number';

/** One page of the number list; `search` matches name, number or SIP URI on Vapi's server. */
export async function numberPage(client: ApiClient, page: number | undefined, qs: IDataObject, itemIndex?: number) {
	return await fetchPage(client, numberPaging, { path: NUMBER_LIST, qs: { limit: VAPI_PAGE_SIZE, ...qs }, itemIndex }, page);
}

/** The number the locator names (a UUID as given, or an E.164 number found with `search`) and its path. */
export async function locateNumber(ctx: IExecuteFunctions, { client }: Connection, itemIndex: number): Promise<NumberAddress> {
	const id = await phoneNumberIdFromLocator(ctx, itemIndex, {
		...VAPI_PHONE_NUMBER_ID,
		idOfNumber: async (e164) =>
			onlyExactMatch(
				ctx,
				itemIndex,
				e164,
				await listAll(client, numberPaging, { path: NUMBER_LIST, qs: { limit: VAPI_PAGE_SIZE, search: e164.slice(1) }, itemIndex }),
				(n) => n.number,
				(n) => String(n.id),
			),
	});
	return { id, path: `/phone-number/${pathSegment(ctx.getNode(), id, 'Phone Number', itemIndex)}`, resource: `phone number ${id}` };
}

/**
 * A v1 list (`/assistant`, `/squad`): a bare array, newest first, at most `limit` a request;
 * the next page is asked for with `createdAtLt` = the oldest item's `createdAt`.
 */
export async function listByCreatedAt(client: ApiClient, path: string, maxPages = 50): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	let before: string | undefined;
	for (let page = 0; page < maxPages; page++) {
		const answer = await client.request<unknown>({ method: 'GET', path, qs: { limit: VAPI_PAGE_SIZE, ...(before ? { createdAtLt: before } : {}) } });
		const items = Array.isArray(answer) ? (answer as IDataObject[]) : [];
		all.push(...items);
		const oldest = items.length > 0 ? items[items.length - 1].createdAt : undefined;
		if (items.length < VAPI_PAGE_SIZE || typeof oldest !== 'string' || oldest === before) return all;
		before = oldest;
	}
	return all;
}
