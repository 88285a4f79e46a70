/** Vapi in the sandbox: its routes, seed, error shapes, rate limits and credentials, registered by this file. */
import { json } from '../http';
import { RateLimiter } from '../rateLimit';
import { oneLimiter, type SandboxProvider } from '../registry';
import { seedVapi, VAPI_KEYS } from './data';
import { handleVapi, type VapiState } from './routes';

declare module '../registry' {
	interface SandboxStates {
		vapi: VapiState;
	}
}

/** n8n credential data for the sandbox's Vapi (tests and `npm start`). */
export function vapiCredentials(sandbox: { url: string }, apiKey: string = VAPI_KEYS.main) {
	return { vapiPhoneNumbersApi: { apiKey, baseUrl: sandbox.url } };
}

export const provider: SandboxProvider<VapiState> = {
	name: 'vapi',
	title: 'Vapi',
	// api.vapi.ai's own paths, on the sandbox's one host.
	owns: (path) => /^\/(v2\/)?phone-number(\/|$)|^\/(assistant|squad)$/.test(path),
	options: [],
	// Vapi publishes no limit; 0 = unlimited unless a test sets one.
	start: (options) => ({ ...seedVapi({ numbers: options.seed?.vapiNumbers }), limiter: new RateLimiter(options.rateLimits?.vapi ?? 0) }),
	handle: handleVapi,
	errorBody: (status, text) => ({ statusCode: status, message: text, error: text }),
	echoBody: (padded, _text, _ctx, status) => ({ errors: [{ detail: padded, status: String(status), title: 'Echo', code: 'echo' }] }),
	hugeBody: (filler) => ({ error: filler }),
	// A page that always calls itself page 1 of a billion.
	endlessPage: () =>
		json(200, { results: [{ id: '00000000-0000-4000-8000-000000000000', number: '+15550000000' }], metadata: { currentPage: 1, totalPages: 1e9, hasNextPage: true } }),
	credentials: [{ id: 'vapiApiSandbox', name: 'Vapi (sandbox)', type: 'vapiPhoneNumbersApi', data: (url) => vapiCredentials({ url }).vapiPhoneNumbersApi }],
	keys: [['Vapi private API key', VAPI_KEYS.main]],
	bench: {
		node: 'vapi',
		credentialType: 'vapiPhoneNumbersApi',
		updateFields: { name: '={{ $json.label }}' },
		numbers: (state) => state.numbers.map((n) => ({ id: n.id, stored: () => n.name })),
		requestsPerUpdate: 1,
		...oneLimiter((state) => state.limiter),
		rows: [
			// Vapi publishes no limit (UNVERIFIED): a 429-only model.
			{ name: 'Vapi defaults, bare 429s past 20/s', rate: 20, items: (runItems, available) => Math.min(available, runItems, 300) },
		],
		seed: { vapiNumbers: 300 },
	},
};
