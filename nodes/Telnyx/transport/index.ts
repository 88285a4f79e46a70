import { NodeOperationError, type IDataObject, type IExecuteFunctions, type ILoadOptionsFunctions } from 'n8n-workflow';

import { onlyExactMatch, phoneNumberIdFromLocator } from '../../shared/execution/numberLookup';
import { pageSizeLast, type Connection, type NumberAddress } from '../../shared/execution/provider';
import { TELNYX_PHONE_NUMBER_ID } from '../descriptions/phoneNumberLocator';
import { apiKeyClient } from '../../shared/transport/apiKeyClient';
import { ApiClient } from '../../shared/transport/client';
import { listAll, pageNumberPaging } from '../../shared/transport/pagination';
import { pathSegment } from '../../shared/transport/paths';
import { phoneDigits } from '../../shared/validation';
import type { ProviderProfile, RetryPolicy } from '../../shared/transport/types';

const CREDENTIAL = { type: 'telnyxPhoneNumbersApi', name: 'Telnyx Phone Numbers API' };

/** The largest page of `/phone_numbers` and `/connections`. */
export const MAX_PAGE_SIZE = 250;

/**
 * Page sizes tried, largest first, for lists whose maximum Telnyx does not publish ("endpoint
 * references define default and maximum page sizes"; UNVERIFIED for messaging profiles, billing
 * groups, Call Control and TeXML applications): a size such a list refuses is tried smaller.
 */
const PAGE_SIZES = [MAX_PAGE_SIZE, 100, 20];

/**
 * A connection or application ID: Telnyx's examples show long digit strings and UUIDs alike, and its
 * spec types them as plain strings, so both pass; what could leave a path segment does not.
 */
export const CONNECTION_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

export const telnyxProfile: ProviderProfile = {
	displayName: 'Telnyx',
	errorMessages(data) {
		// {"errors": [{"code": "10015", "title", "detail", "source": {"pointer", "parameter"}, "meta": {"url"}}]}
		const errors = data.errors;
		if (!Array.isArray(errors)) return [];
		return (errors as IDataObject[]).map((error) => {
			const title = typeof error.title === 'string' ? error.title : '';
			const detail = typeof error.detail === 'string' ? error.detail : '';
			const text = title && detail && !detail.includes(title) ? `${title}: ${detail}` : detail || title || 'Error';
			const source = (error.source ?? {}) as IDataObject;
			const where = source.pointer ?? source.parameter;
			const about = [error.code !== undefined ? `code ${String(error.code)}` : '', where ? `at ${String(where)}` : ''].filter(Boolean).join(', ');
			return about ? `${text} (${about})` : text;
		});
	},
	hint(status, { where, resource }) {
		if (status === 401) {
			return `Check the ${CREDENTIAL.name} credential: its API key (a V2 key from Telnyx Mission Control → Account Settings → Keys & Credentials → API Keys).`;
		}
		if (status === 403) {
			return `The API key may not do this (${where}): check the role of the key's user in Telnyx Mission Control.`;
		}
		if (status === 404) {
			return `${resource ? `No ${resource}` : 'Nothing'} found at ${where}. Check the ID, and that it belongs to the API key's account.`;
		}
		return undefined;
	},
};

/** api.telnyx.com/v2 */
export async function telnyxClient(ctx: IExecuteFunctions | ILoadOptionsFunctions, policy: RetryPolicy): Promise<Connection> {
	return { client: await apiKeyClient(ctx, policy, { provider: telnyxProfile, credential: CREDENTIAL, origin: 'https://api.telnyx.com', path: '/v2' }) };
}

/**
 * Telnyx's lists: `page[number]` from 1 while below `meta.total_pages`. `page[size]` stays one size
 * throughout a walk (set in the query, see `pageSized`), so page numbers stay aligned.
 */
export const telnyxPaging = pageNumberPaging(
	'page[number]',
	(answer) => answer.data,
	(answer) => {
		const meta = (answer.meta ?? {}) as IDataObject;
		return { page: meta.page_number, total: meta.total_pages };
	},
);

/** A list's query with its page size: as many as wanted, at most Telnyx's 250. */
export const pageSized = pageSizeLast('page[size]', MAX_PAGE_SIZE);

/** Every item of a list whose largest page is not published: 250 a page, or less where that is refused. */
export async function listWithFallbackPageSize(api: ApiClient, path: string, qs: IDataObject = {}): Promise<IDataObject[]> {
	let outcome: { items: IDataObject[] } | { error: unknown } = { error: undefined };
	for (const size of PAGE_SIZES) {
		// The error is kept, not caught and re-thrown: it is already the NodeApiError to show.
		outcome = await listAll(api, telnyxPaging, { path, qs: { ...qs, 'page[size]': size } }).then(
			(items) => ({ items }),
			(error: unknown) => ({ error }),
		);
		if ('items' in outcome) return outcome.items;
		const failure = outcome.error as { httpCode?: unknown; message?: unknown };
		if (!['400', '422'].includes(String(failure.httpCode)) || !/page/i.test(String(failure.message))) break;
	}
	throw (outcome as { error: unknown }).error;
}


/** The number the locator names, as Telnyx's numeric ID (E.164 in the path is not documented). */
export async function locateNumber(ctx: IExecuteFunctions, connection: Connection, itemIndex: number): Promise<NumberAddress> {
	const id = await phoneNumberIdFromLocator(ctx, itemIndex, {
		...TELNYX_PHONE_NUMBER_ID,
		// filter[phone_number] takes digits only and matches parts: the exact one is picked here.
		idOfNumber: async (e164) =>
			onlyExactMatch(
				ctx,
				itemIndex,
				e164,
				await listAll(connection.client, telnyxPaging, { path: '/phone_numbers', qs: pageSized({ 'filter[phone_number]': phoneDigits(e164) }), itemIndex }),
				(n) => n.phone_number,
				(n) => String(n.id),
			),
	});
	return { id, path: `/phone_numbers/${pathSegment(ctx.getNode(), id, 'Phone Number', itemIndex)}`, resource: `phone number ${id}` };
}

/** The number's `/voice` and `/messaging` settings, beside `/phone_numbers/{id}` itself. */
export function settingsPaths({ path }: NumberAddress): { number: string; voice: string; messaging: string } {
	return { number: path, voice: `${path}/voice`, messaging: `${path}/messaging` };
}

/** `{data}` out of an answer; undefined when the answer holds no record. */
export function record(answer: unknown): IDataObject | undefined {
	const data = ApiClient.isObject(answer) ? answer.data : undefined;
	return ApiClient.isObject(data) && Object.keys(data).length > 0 ? data : undefined;
}

export async function readRecord(connection: Connection, path: string, itemIndex: number, resource: string): Promise<IDataObject> {
	const found = record(await connection.client.requestObject<IDataObject>({ method: 'GET', path, itemIndex, resource }));
	if (!found) {
		throw new NodeOperationError(connection.client.node, `Telnyx answered ${path} without the record`, {
			itemIndex,
			description: 'The answer had no "data" object, which the API does not document. Try again later.',
		});
	}
	return found;
}

/** What get and update output: the number with its voice and messaging settings. */
export function numberWithSettings(number: IDataObject, voice: IDataObject, messaging: IDataObject): IDataObject {
	return { ...number, voice, messaging };
}
