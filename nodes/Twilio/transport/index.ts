import { NodeOperationError, type IDataObject, type IExecuteFunctions, type ILoadOptionsFunctions } from 'n8n-workflow';

import { onlyExactMatch, phoneNumberIdFromLocator } from '../../shared/execution/numberLookup';
import type { Connection, NumberAddress } from '../../shared/execution/provider';
import { TWILIO_PHONE_NUMBER_SID } from '../descriptions/phoneNumberLocator';
import { originOverride } from '../../shared/transport/baseUrl';
import { ApiClient } from '../../shared/transport/client';
import { RequestPacer } from '../../shared/transport/pacer';
import { linkPaging, listAll, nextPageUriPaging } from '../../shared/transport/pagination';
import { pathSegment } from '../../shared/transport/paths';
import type { HintContext, ProviderProfile, RetryPolicy } from '../../shared/transport/types';
import { requireCredentialText } from '../../shared/transport/credentialData';

const CREDENTIAL = { type: 'twilioPhoneNumbersApi', name: 'Twilio Phone Numbers API' };

export const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;

/** Twilio's error codes that need their own hint. */
const HINTS: Record<string, (where: string, resource?: string, region?: string) => string> = {
	20003: (where, resource, region = 'us1') =>
		`Check the ${CREDENTIAL.name} credential: the Account SID with its Auth Token, or an API key (SID and secret) of that same account, and its Region (now ${region}): Twilio credentials belong to one region and are refused in any other.`,
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
	hint(status, context) {
		const { where, resource, body } = context;
		const { region } = context;
		const code = String((body as IDataObject | undefined)?.code ?? (status === 401 ? 20003 : status === 404 ? 20404 : ''));
		const hint = HINTS[code]?.(where, resource, region);
		// UNVERIFIED whether every product runs in every region: say so where a regional host has none.
		return status === 404 && region && region !== 'us1' && !where.startsWith('api.') ? `${hint ?? ''} Twilio may not offer this product in the ${region} region.`.trim() : hint;
	},
};

export interface TwilioConnection extends Connection {
	/** `client`: api.twilio.com/2010-04-01/Accounts/{AC} */
	/** trunking.twilio.com/v1 */
	trunking: ApiClient;
	accountSid: string;
}

/**
 * Twilio's processing regions and the edge each one's API is reached through by default: a
 * credential belongs to one region, and the old `api.{region}.twilio.com` hosts stopped working on
 * 2026-04-28, so a non-US region needs `api.{edge}.{region}.twilio.com` (Twilio's legacy-regions and
 * CLI docs: au1 → sydney, ie1 → dublin, jp1 → tokyo). US1 keeps `api.twilio.com` unless an edge is set.
 */
export const TWILIO_REGIONS: Record<string, { name: string; defaultEdge?: string }> = {
	us1: { name: 'United States (US1)' },
	ie1: { name: 'Ireland (IE1)', defaultEdge: 'dublin' },
	au1: { name: 'Australia (AU1)', defaultEdge: 'sydney' },
	jp1: { name: 'Japan (JP1)', defaultEdge: 'tokyo' },
};

/** Twilio's public edge locations (REST API hosts `api.{edge}.{region}.twilio.com`). */
export const TWILIO_EDGES = ['ashburn', 'dublin', 'frankfurt', 'sao-paulo', 'singapore', 'sydney', 'tokyo', 'umatilla'];

/**
 * The host of a Twilio product (`api`, `trunking`, …) for the credential's region and edge, or a
 * sentence saying which of the two is not valid. Whether every product is served in every region is
 * UNVERIFIED (PROVIDERS.md): a regional 404 is answered with a hint that names the region.
 */
export function twilioHost(product: string, region: unknown, edge: unknown): { host: string } | { problem: string } {
	const regionId = String(region || 'us1').trim().toLowerCase();
	const edgeId = String(edge ?? '').trim().toLowerCase();
	if (!Object.prototype.hasOwnProperty.call(TWILIO_REGIONS, regionId)) {
		return { problem: `The Twilio credential's Region "${regionId.slice(0, 20)}" is not one of ${Object.keys(TWILIO_REGIONS).join(', ')}` };
	}
	if (edgeId !== '' && !TWILIO_EDGES.includes(edgeId)) {
		return { problem: `The Twilio credential's Edge "${edgeId.slice(0, 20)}" is not one of ${TWILIO_EDGES.join(', ')}` };
	}
	const chosenEdge = edgeId || TWILIO_REGIONS[regionId].defaultEdge;
	if (!chosenEdge) return { host: `${product}.twilio.com` };
	return { host: `${product}.${chosenEdge}.${regionId}.twilio.com` };
}

/** The region a credential names, for hints ("us1"). */
export function twilioRegion(data: IDataObject): string {
	return String(data.region || 'us1').trim().toLowerCase();
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
	const user = requireCredentialText(node, byKey ? 'API Key SID' : 'Account SID', byKey ? data.apiKeySid : accountSid);
	const password = requireCredentialText(node, byKey ? 'API Key Secret' : 'Auth Token', byKey ? data.apiKeySecret : data.authToken);
	const hostOf = (product: string) => {
		if (origin) return origin;
		const found = twilioHost(product, data.region, data.edge);
		if ('problem' in found) throw new NodeOperationError(node, found.problem);
		return `https://${found.host}`;
	};
	const region = twilioRegion(data);
	// One account, one budget: the 2010-04-01 and trunking hosts share the pacer.
	const pacer = new RequestPacer();
	const make = (baseUrl: string) =>
		new ApiClient(ctx, {
			provider: { ...twilioProfile, hint: (status, context: HintContext) => twilioProfile.hint(status, { ...context, region }) },
			credentialType: CREDENTIAL.type,
			credentialName: CREDENTIAL.name,
			baseUrl,
			policy,
			basicAuth: { user, password },
			secrets: [password],
			pacer,
		});
	const account = pathSegment(node, accountSid, 'Account SID');
	return {
		client: make(`${hostOf('api')}/2010-04-01/Accounts/${account}`),
		trunking: make(origin ? `${origin}/trunking/v1` : `${hostOf('trunking')}/v1`),
		accountSid,
	};
}

/** The trunking API's lists: `meta.next_page_url`, absolute on its own host. */
export const trunkPaging = linkPaging(
	(answer) => answer.trunks,
	(answer) => (answer.meta as IDataObject | undefined)?.next_page_url,
);

/** The account's numbers (`PhoneNumber` is a partial match, `FriendlyName` an exact one). */
export const NUMBER_LIST = { path: '/IncomingPhoneNumbers.json', paging: nextPageUriPaging('incoming_phone_numbers') };

/** Twilio's largest page. */
export const MAX_PAGE_SIZE = 1000;

/** The number the locator names, as its SID (Twilio cannot fetch a number by E.164), and its path. */
export async function locateNumber(ctx: IExecuteFunctions, connection: TwilioConnection, itemIndex: number): Promise<NumberAddress> {
	const sid = await phoneNumberIdFromLocator(ctx, itemIndex, {
		...TWILIO_PHONE_NUMBER_SID,
		// `PhoneNumber` is a partial match: the exact one is picked out of what it returns.
		idOfNumber: async (e164) =>
			onlyExactMatch(
				ctx,
				itemIndex,
				e164,
				await listAll(connection.client, NUMBER_LIST.paging, { path: NUMBER_LIST.path, qs: { PhoneNumber: e164, PageSize: 20 }, itemIndex }),
				(n) => n.phone_number,
				(n) => String(n.sid),
			),
	});
	return { id: sid, path: `/IncomingPhoneNumbers/${pathSegment(ctx.getNode(), sid, 'Phone Number', itemIndex)}.json`, resource: `phone number ${sid}` };
}
