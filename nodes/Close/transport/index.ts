import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { onlyExactMatch, phoneNumberIdFromLocator } from '../../shared/execution/numberLookup';
import type { Connection, NumberAddress } from '../../shared/execution/provider';
import { originOverride } from '../../shared/transport/baseUrl';
import { requireCredentialText } from '../../shared/transport/credentialData';
import { pathSegment } from '../../shared/transport/paths';
import { CLOSE_PHONE_NUMBER_ID } from '../descriptions/phoneNumberLocator';
import { ApiClient } from '../../shared/transport/client';
import { errorAndMessage } from '../../shared/transport/errorText';
import type { ProviderProfile, RetryPolicy } from '../../shared/transport/types';
import { CLOSE_PAGE_SIZE, PHONE_NUMBER_LIST } from './phoneNumbers';

export const CLOSE_API_BASE = 'https://api.close.com/api/v1';

export type CloseAuthentication = 'apiKey' | 'oAuth2';

const CREDENTIALS: Record<CloseAuthentication, { type: string; name: string }> = {
	apiKey: { type: 'closePhoneNumbersApi', name: 'Close Phone Numbers API' },
	oAuth2: { type: 'closePhoneNumbersOAuth2Api', name: 'Close Phone Numbers OAuth2 API' },
};

export const closeProfile: ProviderProfile = {
	displayName: 'Close',
	errorMessages(data) {
		const messages: string[] = [];
		// 400: {"errors": [...], "field-errors": {"inbound_ring_duration": "..."}}
		const fieldErrors = data['field-errors'];
		if (fieldErrors && typeof fieldErrors === 'object') {
			for (const [field, error] of Object.entries(fieldErrors as IDataObject)) {
				messages.push(`${field}: ${Array.isArray(error) ? error.join(', ') : String(error)}`);
			}
		}
		if (Array.isArray(data.errors)) {
			messages.push(...data.errors.map((error) => (typeof error === 'string' ? error : JSON.stringify(error))));
		}
		// Other 4xx: {"error": "message"}; the legacy 429 nests {"error": {"message", "rate_reset"}}.
		return [...messages, ...errorAndMessage(data)];
	},
	hint(status, { credentialName, where, resource }) {
		if (status === 401) {
			return credentialName === 'Close Phone Numbers API'
				? `Check the ${credentialName} credential: the API key (Close → Settings → Developer → API Keys) is sent as the user name with an empty password. A deleted or mistyped key answers 401.`
				: `Reconnect the ${credentialName} credential: Close refused its access token and a refresh did not help (the app may have been disconnected or its access revoked).`;
		}
		if (status === 403) {
			return `Close refused this with the ${credentialName} credential's user: most settings of a number need the "Manage Team Phone Numbers" permission (formerly "Manage Group Phone Numbers"). Without it, the only member of a number may change just its label, voicemail greeting and forwarding.`;
		}
		if (status === 404) {
			return `${resource ? `No ${resource}` : 'Nothing'} found at ${where}. Check the ID, and that it belongs to the organization of the ${credentialName} credential (a personal number of another user is not visible).`;
		}
		return undefined;
	},
};

function authentication(ctx: IExecuteFunctions | ILoadOptionsFunctions): CloseAuthentication {
	const value =
		'getInputData' in ctx
			? (ctx as IExecuteFunctions).getNodeParameter('authentication', 0, 'apiKey')
			: (ctx as ILoadOptionsFunctions).getNodeParameter('authentication', 'apiKey');
	return value === 'oAuth2' ? 'oAuth2' : 'apiKey';
}

/** A client for Close's API with the credential the node's Authentication parameter picks. */
export async function closeApiClient(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	policy: RetryPolicy,
): Promise<ApiClient> {
	const kind = authentication(ctx);
	const credential = CREDENTIALS[kind];
	const data = await ctx.getCredentials(credential.type);
	if (kind === 'apiKey') requireCredentialText(ctx.getNode(), 'API Key', data.apiKey);
	const origin = originOverride(ctx.getNode(), data.baseUrl);
	const token = (data.oauthTokenData as IDataObject | undefined) ?? {};
	return new ApiClient(ctx, {
		provider: closeProfile,
		credentialType: credential.type,
		credentialName: credential.name,
		baseUrl: origin ? `${origin}/api/v1` : CLOSE_API_BASE,
		policy,
		oauth2: kind === 'oAuth2',
		basicAuth: kind === 'apiKey' && typeof data.apiKey === 'string' ? { user: data.apiKey, password: '' } : undefined,
		secrets: [data.apiKey, data.clientSecret, token.access_token, token.refresh_token].filter(
			(value): value is string => typeof value === 'string',
		),
	});
}

/** The number the locator names (`phon_…` as given, or an E.164 number looked up), its `/phone_number/{id}/` path and 404 wording. */
export async function locateNumber(ctx: IExecuteFunctions, { client }: Connection, itemIndex: number): Promise<NumberAddress> {
	const id = await phoneNumberIdFromLocator(ctx, itemIndex, {
		...CLOSE_PHONE_NUMBER_ID,
		idOfNumber: async (e164) => {
			const page = await client.requestObject<IDataObject>({
				method: 'GET',
				path: PHONE_NUMBER_LIST,
				qs: { number: e164, _fields: 'id,number', _limit: CLOSE_PAGE_SIZE },
				itemIndex,
			});
			const numbers = Array.isArray(page.data) ? (page.data as IDataObject[]) : [];
			return onlyExactMatch(ctx, itemIndex, e164, numbers, (n) => n.number, (n) => String(n.id));
		},
	});
	return { id, path: `/phone_number/${pathSegment(ctx.getNode(), id, 'Phone Number', itemIndex)}/`, resource: `phone number ${id}` };
}
