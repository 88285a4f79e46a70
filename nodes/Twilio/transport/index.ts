import { NodeOperationError, type IDataObject, type IExecuteFunctions, type ILoadOptionsFunctions } from 'n8n-workflow';

import { onlyExactMatch, phoneNumberIdFromLocator } from '../../shared/execution/numberLookup';
import { TWILIO_PHONE_NUMBER_SID } from '../descriptions/phoneNumberLocator';
import { originOverride } from '../../shared/transport/baseUrl';
import { ApiClient } from '../../shared/transport/client';
import { linkPaging, listAll } from '../../shared/transport/pagination';
import { pathSegment } from '../../shared/transport/paths';
import type { ProviderProfile, RetryPolicy } from '../../shared/transport/types';

const CREDENTIAL = { type: 'twilioPhoneNumbersApi', name: 'Twilio Phone Numbers API' };

export const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;

/** Twilio's error codes that need their own hint. */
const HINTS: Record<string, (where: string, resource?: string) => string> = {
	20003: () => `Check the ${CREDENTIAL.name} credential: the Account SID with its Auth Token, or an API key (SID and secret) of that same account.`,
	20404: (where, resource) => `${resource ? `No ${resource}` : 'Nothing'} found at ${where}. Check the SID, and that it belongs to the credential's account.`,
	21402: () => 'One of the URLs is not valid for Twilio: give absolute http(s) URLs that Twilio can reach.',
};

export const twilioProfile: ProviderProfile = {
	displayName: 'Twilio',
	errorMessages(data) {
		// {"code": 20404, "message", "more_info", "status"}; newer APIs RFC 9457 {title, detail, code}.
		const text = (data.message ?? data.detail ?? data.title) as string | undefined;
		if (text === undefined) return [];
		const code = data.code !== undefined ? ` (error ${String(data.code)}${data.more_info ? `, ${String(data.more_info)}` : ''})` : '';
		return [`${text}${code}`];
	},
	hint(status, { where, resource, body }) {
		const code = String((body as IDataObject | undefined)?.code ?? (status === 401 ? 20003 : status === 404 ? 20404 : ''));
		return HINTS[code]?.(where, resource);
	},
};

export interface TwilioConnection {
	/** api.twilio.com/2010-04-01/Accounts/{AC} */
	api: ApiClient;
	/** trunking.twilio.com/v1 */
	trunking: ApiClient;
	accountSid: string;
}

export async function twilioClient(ctx: IExecuteFunctions | ILoadOptionsFunctions, policy: RetryPolicy): Promise<TwilioConnection> {
	const data = await ctx.getCredentials(CREDENTIAL.type);
	const node = ctx.getNode();
	const accountSid = String(data.accountSid ?? '').trim();
	if (!ACCOUNT_SID.test(accountSid)) {
		throw new NodeOperationError(node, "The Twilio credential's Account SID is not valid: AC followed by 32 hexadecimal digits");
	}
	const origin = originOverride(node, data.baseUrl);
	const byKey = data.authType === 'apiKey';
	const user = String((byKey ? data.apiKeySid : accountSid) ?? '');
	const password = String((byKey ? data.apiKeySecret : data.authToken) ?? '');
	const make = (baseUrl: string) =>
		new ApiClient(ctx, {
			provider: twilioProfile,
			credentialType: CREDENTIAL.type,
			credentialName: CREDENTIAL.name,
			baseUrl,
			policy,
			basicAuth: { user, password },
			secrets: [password],
		});
	const account = pathSegment(node, accountSid, 'Account SID');
	return {
		api: make(`${origin ?? 'https://api.twilio.com'}/2010-04-01/Accounts/${account}`),
		trunking: make(origin ? `${origin}/trunking/v1` : 'https://trunking.twilio.com/v1'),
		accountSid,
	};
}

/** The 2010-04-01 API's lists: items under `key`, then `next_page_uri`, a path on api.twilio.com (never build a token). */
export function twilioPaging(key: string) {
	return linkPaging(
		(answer) => answer[key],
		(answer) => answer.next_page_uri,
	);
}

/** The trunking API's lists: `meta.next_page_url`, absolute on its own host. */
export const trunkPaging = linkPaging(
	(answer) => answer.trunks,
	(answer) => (answer.meta as IDataObject | undefined)?.next_page_url,
);

/** The account's numbers (`PhoneNumber` is a partial match, `FriendlyName` an exact one). */
export const NUMBER_LIST = { path: '/IncomingPhoneNumbers.json', paging: twilioPaging('incoming_phone_numbers') };

/** The number the locator names, as its SID (Twilio cannot fetch a number by E.164). */
export async function resolveNumberSid(ctx: IExecuteFunctions, connection: TwilioConnection, itemIndex: number): Promise<string> {
	return await phoneNumberIdFromLocator(ctx, itemIndex, {
		...TWILIO_PHONE_NUMBER_SID,
		// `PhoneNumber` is a partial match: the exact one is picked out of what it returns.
		idOfNumber: async (e164) =>
			onlyExactMatch(
				ctx,
				itemIndex,
				e164,
				await listAll(connection.api, NUMBER_LIST.paging, { path: NUMBER_LIST.path, qs: { PhoneNumber: e164, PageSize: 20 }, itemIndex }),
				(n) => n.phone_number,
				(n) => String(n.sid),
			),
	});
}
