/** Twilio in the sandbox: its routes, seed, error shapes, rate limits and credentials, registered by this file. */
import { json } from '../http';
import { RateLimiter } from '../rateLimit';
import { oneLimiter, type SandboxProvider } from '../registry';
import { seedTwilio, TWILIO_ACCOUNT } from './data';
import { handleTwilio, type TwilioState } from './routes';

declare module '../registry' {
	interface SandboxStates {
		twilio: TwilioState;
	}
	interface ProviderOptions {
		/** Largest page Twilio lists serve (default 1000, as Twilio). */
		twilioMaxPageSize?: number;
	}
}

/** n8n credential data for the sandbox's Twilio (tests and `npm start`). */
export function twilioCredentials(sandbox: { url: string }, options: { authType?: 'authToken' | 'apiKey'; authToken?: string } = {}) {
	return {
		twilioPhoneNumbersApi: {
			accountSid: TWILIO_ACCOUNT.accountSid,
			authType: options.authType ?? 'authToken',
			authToken: options.authToken ?? TWILIO_ACCOUNT.authToken,
			apiKeySid: TWILIO_ACCOUNT.apiKeySid,
			apiKeySecret: TWILIO_ACCOUNT.apiKeySecret,
			baseUrl: sandbox.url,
		},
	};
}

export const provider: SandboxProvider<TwilioState> = {
	name: 'twilio',
	title: 'Twilio',
	// api.twilio.com's /2010-04-01 and, on the sandbox's one host, trunking.twilio.com as /trunking/v1.
	owns: (path) => path.startsWith('/2010-04-01/') || path.startsWith('/trunking/v1/'),
	options: ['twilioMaxPageSize'],
	start: (options) => ({
		...seedTwilio({ numbers: options.seed?.twilioNumbers }),
		// Twilio limits concurrency rather than a published rate; 0 = unlimited here by default.
		limiter: new RateLimiter(options.rateLimits?.twilio ?? 0),
		maxPageSize: options.twilioMaxPageSize ?? 1000,
	}),
	handle: handleTwilio,
	errorBody: (status, text) => ({ code: status === 429 ? 20429 : 20500, message: text, more_info: 'https://www.twilio.com/docs/errors/20500', status }),
	echoBody: (padded, _text, _ctx, status) => ({ code: 20001, message: padded, more_info: 'https://www.twilio.com/docs/errors/20001', status }),
	hugeBody: (filler, status) => ({ code: 20500, message: filler, status }),
	endlessPage: (ctx) =>
		json(200, { incoming_phone_numbers: [{ sid: 'PN00000000000000000000000000000000', phone_number: '+15550000000' }], next_page_uri: ctx.req.url, page: 0, page_size: 50 }),
	credentials: [
		{
			id: 'twilioApiSandbox',
			name: 'Twilio (sandbox)',
			type: 'twilioPhoneNumbersApi',
			data: (url) => twilioCredentials({ url }).twilioPhoneNumbersApi,
		},
	],
	keys: [['Twilio Account SID / Auth Token', `${TWILIO_ACCOUNT.accountSid} / ${TWILIO_ACCOUNT.authToken}`]],
	bench: {
		node: 'twilio',
		credentialType: 'twilioPhoneNumbersApi',
		updateFields: { friendlyName: '={{ $json.label }}' },
		numbers: (state) => state.numbers.map((n) => ({ id: n.sid, stored: () => n.friendly_name })),
		requestsPerUpdate: 1,
		...oneLimiter((state) => state.limiter),
		rows: [
			// Bare 429s (no header, no Retry-After), all of the sandbox's numbers.
			{ name: 'Twilio defaults, bare 429s past 20/s', rate: 20, items: (runItems, available) => Math.min(available, runItems) },
		],
		seed: { twilioNumbers: 500 },
		// 1,000 numbers a page: the trigger row's provider.
		trigger: {
			node: 'twilioTrigger',
			seedKey: 'twilioNumbers',
			change: (state, count) => {
				for (const number of state.numbers.slice(0, count)) number.friendly_name = `${number.friendly_name} (changed)`;
			},
		},
	},
};
