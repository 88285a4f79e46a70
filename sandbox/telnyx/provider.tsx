/** Telnyx in the sandbox: its routes, seed, error shapes, rate limits and credentials, registered by this file. */
import { json } from '../http';
import { RateLimiter, type RateModel } from '../rateLimit';
import { oneLimiter, type SandboxProvider } from '../registry';
import { seedTelnyx, TELNYX_KEYS } from './data';
import { handleTelnyx, type TelnyxState } from './routes';

declare module '../registry' {
	interface SandboxStates {
		telnyx: TelnyxState;
	}
	interface ProviderOptions {
		/** Largest page Telnyx lists serve (default 250, as Telnyx). */
		telnyxMaxPageSize?: number;
		/**
		 * The largest `page[size]` a Telnyx list accepts, by path (`/messaging_profiles`: 100); past it the
		 * list answers 400. Telnyx: "endpoint references define default and maximum page sizes";
		 * `/phone_numbers` and `/connections` take 250, the others are UNVERIFIED (default: 250 for all).
		 */
		telnyxPageSizeLimits?: Record<string, number>;
		/** Telnyx answers an unassign (null or "" for connection_id / billing_group_id) 200 but keeps the value (default false; UNVERIFIED). */
		telnyxIgnoresUnassign?: boolean;
		/** Whether Telnyx's `/connections` lists Call Control and TeXML applications too (default false; UNVERIFIED at Telnyx). */
		telnyxConnectionsIncludeApplications?: boolean;
		/** Telnyx 429s with a `Retry-After` as well as `x-ratelimit-*` (default false; UNVERIFIED at Telnyx). */
		telnyxRetryAfter?: boolean;
		/** How Telnyx counts requests per key (default fixed windows). */
		telnyxRateModel?: RateModel;
	}
}

/** Telnyx's resources under /v2 have their own names (Synthflow's /v2 is on another host). */
const TELNYX_ROOTS = /^\/v2\/(phone_numbers|connections|call_control_applications|texml_applications|messaging_profiles|billing_groups)(\/|$)/;

/** n8n credential data for the sandbox's Telnyx (tests and `npm start`). */
export function telnyxCredentials(sandbox: { url: string }, apiKey: string = TELNYX_KEYS.main) {
	return { telnyxPhoneNumbersApi: { apiKey, baseUrl: sandbox.url } };
}

export const provider: SandboxProvider<TelnyxState> = {
	name: 'telnyx',
	title: 'Telnyx',
	owns: (path) => TELNYX_ROOTS.test(path),
	options: ['telnyxMaxPageSize', 'telnyxPageSizeLimits', 'telnyxIgnoresUnassign', 'telnyxConnectionsIncludeApplications', 'telnyxRetryAfter', 'telnyxRateModel'],
	start: (options) => ({
		...seedTelnyx({ numbers: options.seed?.telnyxNumbers }),
		// Telnyx publishes no figure; 0 = unlimited (and no x-ratelimit-* headers) unless a test sets one.
		limiter: new RateLimiter(options.rateLimits?.telnyx ?? 0, 1000, options.telnyxRateModel ?? 'fixed'),
		maxPageSize: options.telnyxMaxPageSize ?? 250,
		pageSizeLimits: options.telnyxPageSizeLimits ?? {},
		ignoresUnassign: options.telnyxIgnoresUnassign ?? false,
		connectionsIncludeApplications: options.telnyxConnectionsIncludeApplications ?? false,
		retryAfter: options.telnyxRetryAfter ?? false,
	}),
	handle: handleTelnyx,
	errorBody: (status, text) => ({ errors: [{ code: status === 429 ? '10011' : '10007', title: status === 429 ? 'Too many requests' : text, detail: text }] }),
	echoBody: (padded) => ({ errors: [{ code: '10015', title: 'Echo', detail: padded, source: { pointer: '/echo' } }] }),
	hugeBody: (filler) => ({ errors: [{ detail: filler }] }),
	// A first page that claims a billion pages and always calls itself page 1.
	endlessPage: () =>
		json(200, {
			data: [{ id: '1', record_type: 'phone_number', phone_number: '+15550000000', connection_name: 'loop', id_loop: true }],
			meta: { page_number: 1, page_size: 1, total_pages: 1e9, total_results: 1e9 },
		}),
	credentials: [{ id: 'telnyxApiSandbox', name: 'Telnyx (sandbox)', type: 'telnyxPhoneNumbersApi', data: (url) => telnyxCredentials({ url }).telnyxPhoneNumbersApi }],
	keys: [['Telnyx API key', TELNYX_KEYS.main]],
	bench: {
		node: 'telnyx',
		credentialType: 'telnyxPhoneNumbersApi',
		updateFields: { customerReference: '={{ $json.label }}' },
		numbers: (state) => state.numbers.map((n) => ({ id: n.id, stored: () => n.customer_reference })),
		requestsPerUpdate: 3,
		...oneLimiter((state) => state.limiter),
		rows: [
			// `x-ratelimit-*` on every answer; an update is the PATCH and two reads for the output, so a third of a row's items.
			{ name: 'Telnyx defaults, x-ratelimit-* 20/s', rate: 20, items: (runItems) => Math.min(300, Math.ceil(runItems / 3)) },
		],
	},
};
