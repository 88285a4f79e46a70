/** Close in the sandbox: its routes, seed, error shapes, rate limits and credentials, registered by this file. */
import { json } from '../http';
import { RateLimiter, type RateModel } from '../rateLimit';
import type { SandboxProvider } from '../registry';
import { CLOSE_KEYS, CLOSE_OAUTH_CLIENT, seedClose } from './data';
import { handleClose, issueToken, type CloseState } from './routes';

declare module '../registry' {
	interface SandboxStates {
		close: CloseState;
	}
	interface ProviderOptions {
		/** Make every Close number a group number (the admin key may then update any of them). */
		closeAllGroupNumbers?: boolean;
		/** Lifetime of Close OAuth access tokens, in seconds. */
		closeAccessTokenTtl?: number;
		/** Close's `RateLimit` reset: fractions of a second (default) or whole seconds. */
		closeResetStyle?: 'fraction' | 'whole';
		/** How Close counts requests per key: fixed windows (default), a sliding window or a token bucket. */
		closeRateModel?: RateModel;
		/** false: Close sends no RateLimit header and a bare `Retry-After: 1` on 429 (header-less providers). */
		closeRateHeaders?: boolean;
	}
}

/** Issues a Close OAuth token directly (tests skip the browser consent). */
export function issueCloseToken(state: CloseState) {
	const key = state.apiKeys[0];
	return issueToken(state, key.userId, key.organizationId);
}

/** n8n credential data for the sandbox's Close (tests and `npm start`). */
export function closeCredentials(sandbox: { url: string }, apiKey: string = CLOSE_KEYS.adminA) {
	return { closePhoneNumbersApi: { apiKey, baseUrl: sandbox.url } };
}

export const provider: SandboxProvider<CloseState> = {
	name: 'close',
	title: 'Close',
	owns: (path) => path.startsWith('/api/v1/') || path.startsWith('/oauth2/'),
	options: ['closeAllGroupNumbers', 'closeAccessTokenTtl', 'closeResetStyle', 'closeRateModel', 'closeRateHeaders'],
	start(options) {
		const perSecond = options.rateLimits?.close ?? 20;
		const state: CloseState = {
			...seedClose({ numbers: options.seed?.closeNumbers, users: options.seed?.closeUsers }),
			tokens: [],
			codes: new Map(),
			accessTokenTtl: options.closeAccessTokenTtl ?? 3600,
			keyLimiter: new RateLimiter(perSecond, 1000, options.closeRateModel ?? 'fixed'),
			resetStyle: options.closeResetStyle ?? 'fraction',
			rateHeaders: options.closeRateHeaders ?? true,
			// Close also limits each organization, to 3× a key's rate.
			orgLimiter: new RateLimiter(perSecond > 0 ? perSecond * 3 : 0),
		};
		if (options.closeAllGroupNumbers) {
			for (const number of state.phoneNumbers) {
				number.is_group_number = true;
				number.user_id = null;
			}
		}
		return state;
	},
	handle: handleClose,
	errorBody: (_status, text) => ({ error: text }),
	echoBody: (padded, text) => ({ error: padded, 'field-errors': { label: text } }),
	hugeBody: (filler) => ({ error: filler }),
	endlessPage: () => json(200, { data: [], has_more: true }),
	credentials: [
		{ id: 'closeApiSandbox', name: 'Close (sandbox)', type: 'closePhoneNumbersApi', data: (url) => closeCredentials({ url }).closePhoneNumbersApi },
		// Connected through Close's consent screen, so not imported with data.
		{ id: 'closeOAuth2ApiSandbox', name: 'Close OAuth2 (sandbox)', type: 'closePhoneNumbersOAuth2Api' },
	],
	keys: [
		['Close API key (admin, Acme Sales)', CLOSE_KEYS.adminA],
		['Close API key (rep, no group rights)', CLOSE_KEYS.repA],
		['Close API key (admin, Globex)', CLOSE_KEYS.adminB],
		['Close OAuth client ID / secret', `${CLOSE_OAUTH_CLIENT.clientId} / ${CLOSE_OAUTH_CLIENT.clientSecret}`],
	],
	bench: {
		node: 'close',
		credentialType: 'closePhoneNumbersApi',
		updateFields: { label: '={{ $json.label }}' },
		// The admin key's organization (every number a group number: `closeAllGroupNumbers` below).
		numbers: (state) => {
			const organization = state.apiKeys.find((k) => k.key === CLOSE_KEYS.adminA)!.organizationId;
			return state.phoneNumbers.filter((n) => n.organization_id === organization).map((n) => ({ id: n.id, stored: () => n.label }));
		},
		requestsPerUpdate: 1,
		listPageSize: 100,
		setRate(state, perSecond, setup = {}) {
			const before = { perSecond: state.keyLimiter.perSecond, model: state.keyLimiter.model, resetStyle: state.resetStyle, rateHeaders: state.rateHeaders };
			state.keyLimiter.perSecond = perSecond;
			state.keyLimiter.model = setup.model ?? 'fixed';
			state.resetStyle = setup.resetStyle ?? 'fraction';
			state.rateHeaders = setup.headers ?? true;
			return () => {
				state.keyLimiter.perSecond = before.perSecond;
				state.keyLimiter.model = before.model;
				state.resetStyle = before.resetStyle;
				state.rateHeaders = before.rateHeaders;
			};
		},
		resetWindows(state) {
			state.keyLimiter.reset();
			state.orgLimiter.reset();
		},
		// Close documents its per-key limit and sends `RateLimit` headers: the reference rows.
		rows: [],
		httpRequest: {
			method: 'PUT',
			url: (sandboxUrl) => `={{ '${sandboxUrl}/api/v1/phone_number/' + $json.id + '/' }}`,
			authorization: `Basic ${Buffer.from(`${CLOSE_KEYS.adminA}:`).toString('base64')}`,
			jsonBody: '={{ JSON.stringify({ label: $json.label }) }}',
		},
		reference: {
			models: [
				['whole-second resets', { resetStyle: 'whole' }],
				['sliding window', { model: 'sliding' }],
				['token bucket, no headers', { model: 'tokenBucket', headers: false }],
			],
			otherClientRequest: { path: '/api/v1/me/', authorization: `Basic ${Buffer.from(`${CLOSE_KEYS.adminA}:`).toString('base64')}` },
		},
		seed: { closeNumbers: 6250, closeUsers: 1500 },
		options: { closeAllGroupNumbers: true },
		dropdowns: {
			parameters: { authentication: 'apiKey', resource: 'phoneNumber', operation: 'update' },
			list: [
				{ label: 'Close phone numbers, first page', endpoint: 'resource-locator-results', path: 'parameters.phoneNumber', methodName: 'searchPhoneNumbers' },
				{ label: 'Close phone numbers, search "Support"', endpoint: 'resource-locator-results', path: 'parameters.phoneNumber', methodName: 'searchPhoneNumbers', filter: 'Support' },
				{ label: 'Close users (all)', endpoint: 'options', path: 'parameters.updateFields.participants', methodName: 'getUsers' },
			],
		},
	},
};

