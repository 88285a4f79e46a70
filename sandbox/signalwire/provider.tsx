/** SignalWire in the sandbox: its routes, seed, error shapes, rate limits and credentials, registered by this file. */
import { json } from '../http';
import { RateLimiter } from '../rateLimit';
import { oneLimiter, type SandboxProvider } from '../registry';
import { SIGNALWIRE_PROJECT, seedSignalWire } from './data';
import { handleSignalWire, type SignalWireState } from './routes';

declare module '../registry' {
	interface SandboxStates {
		signalwire: SignalWireState;
	}
	interface ProviderOptions {
		/** SignalWire `links.next` as absolute URLs (default) or relative paths. */
		signalwireLinks?: 'absolute' | 'relative';
		/** Largest page SignalWire lists serve (default 1000, as SignalWire). */
		signalwireMaxPageSize?: number;
	}
}

/** n8n credential data for the sandbox's SignalWire (tests and `npm start`). */
export function signalWireCredentials(sandbox: { url: string }, apiToken: string = SIGNALWIRE_PROJECT.apiToken) {
	return {
		signalWirePhoneNumbersApi: { space: SIGNALWIRE_PROJECT.space, projectId: SIGNALWIRE_PROJECT.projectId, apiToken, baseUrl: sandbox.url },
	};
}

export const provider: SandboxProvider<SignalWireState> = {
	name: 'signalwire',
	title: 'SignalWire',
	owns: (path) => /^\/api\/(relay\/rest|laml|fabric|video)\//.test(path),
	options: ['signalwireLinks', 'signalwireMaxPageSize'],
	start: (options) => ({
		...seedSignalWire({ numbers: options.seed?.signalwireNumbers }),
		// 13,800 writes per 10 s per space.
		writeLimiter: new RateLimiter(options.rateLimits?.signalwire ?? 1380),
		linkStyle: options.signalwireLinks ?? 'absolute',
		maxPageSize: options.signalwireMaxPageSize ?? 1000,
	}),
	handle: handleSignalWire,
	errorBody: (_status, text) => ({ error: text }),
	echoBody: (padded, _text, _ctx, status) => ({ errors: [{ detail: padded, status: String(status), title: 'Echo', code: 'echo' }] }),
	hugeBody: (filler) => ({ errors: [{ detail: filler }] }),
	endlessPage: (ctx) =>
		json(200, { data: [{ id: 'loop', name: 'loop', number: '+15550000000' }], links: { self: ctx.req.url, next: `${ctx.origin}${ctx.req.url}` } }),
	credentials: [
		{
			id: 'signalWireApiSandbox',
			name: 'SignalWire (sandbox)',
			type: 'signalWirePhoneNumbersApi',
			data: (url) => signalWireCredentials({ url }).signalWirePhoneNumbersApi,
		},
	],
	keys: [['SignalWire space / project / token', `${SIGNALWIRE_PROJECT.space} / ${SIGNALWIRE_PROJECT.projectId} / ${SIGNALWIRE_PROJECT.apiToken}`]],
	bench: {
		node: 'signalWire',
		credentialType: 'signalWirePhoneNumbersApi',
		updateFields: { name: '={{ $json.label }}' },
		numbers: (state) => state.numbers.map((n) => ({ id: n.id, stored: () => n.name })),
		requestsPerUpdate: 1,
		...oneLimiter((state) => state.writeLimiter),
		// At its documented write limit (13,800 per 10 s per space: latency-bound here), at the issue's size.
		rows: [
			{ name: 'SignalWire defaults, its write limit (1,380/s)', rate: 1380, items: () => 500 },
			{ name: 'SignalWire, HTTP Request batching 20/1s', rate: 1380, items: () => 500, viaHttpRequest: true },
		],
		limitsWritesOnly: true,
		httpRequest: {
			method: 'PUT',
			url: (sandboxUrl) => `={{ '${sandboxUrl}/api/relay/rest/phone_numbers/' + $json.id }}`,
			authorization: `Basic ${Buffer.from(`${SIGNALWIRE_PROJECT.projectId}:${SIGNALWIRE_PROJECT.apiToken}`).toString('base64')}`,
			jsonBody: '={{ JSON.stringify({ name: $json.label }) }}',
		},
		seed: { signalwireNumbers: 1000 },
		dropdowns: {
			parameters: { resource: 'phoneNumber', operation: 'update' },
			list: [
				{ label: 'SignalWire phone numbers, first page', endpoint: 'resource-locator-results', path: 'parameters.phoneNumber', methodName: 'searchPhoneNumbers' },
				{ label: 'SignalWire phone numbers, search "555"', endpoint: 'resource-locator-results', path: 'parameters.phoneNumber', methodName: 'searchPhoneNumbers', filter: '555' },
				{ label: 'SignalWire SIP endpoints (all)', endpoint: 'options', path: 'parameters.updateFields.callSipEndpointId', methodName: 'getSipEndpoints' },
			],
		},
	},
};
