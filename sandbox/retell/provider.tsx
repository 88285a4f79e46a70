/** Retell AI in the sandbox: its routes, seed, error shapes, rate limits and credentials, registered by this file. */
import { json } from '../http';
import { RateLimiter } from '../rateLimit';
import { oneLimiter, type SandboxProvider } from '../registry';
import { RETELL_KEYS, seedRetell } from './data';
import { handleRetell, type RetellState } from './routes';

declare module '../registry' {
	interface SandboxStates {
		retell: RetellState;
	}
}

/** n8n credential data for the sandbox's Retell AI (tests and `npm start`). */
export function retellCredentials(sandbox: { url: string }, apiKey: string = RETELL_KEYS.main) {
	return { retellPhoneNumbersApi: { apiKey, baseUrl: sandbox.url } };
}

export const provider: SandboxProvider<RetellState> = {
	name: 'retell',
	title: 'Retell AI',
	// api.retellai.com's own paths, on the sandbox's one host.
	owns: (path) => /^\/(get|update)-phone-number\/|^\/v2\/list-(phone-numbers|agents)$|^\/get-(chat-)?agent-versions\//.test(path),
	options: [],
	// Retell publishes no limit; 0 = unlimited unless a test sets one.
	start: (options) => ({ ...seedRetell({ numbers: options.seed?.retellNumbers }), limiter: new RateLimiter(options.rateLimits?.retell ?? 0) }),
	handle: handleRetell,
	errorBody: (_status, text) => ({ status: 'error', message: text }),
	echoBody: (padded, _text, _ctx, status) => ({ errors: [{ detail: padded, status: String(status), title: 'Echo', code: 'echo' }] }),
	hugeBody: (filler) => ({ error: filler }),
	// A pagination key that never changes.
	endlessPage: () => json(200, { items: [{ phone_number: '+15550000000' }], has_more: true, pagination_key: 'loop' }),
	credentials: [{ id: 'retellApiSandbox', name: 'Retell AI (sandbox)', type: 'retellPhoneNumbersApi', data: (url) => retellCredentials({ url }).retellPhoneNumbersApi }],
	keys: [['Retell AI API key', RETELL_KEYS.main]],
	bench: {
		node: 'retell',
		credentialType: 'retellPhoneNumbersApi',
		updateFields: { nickname: '={{ $json.label }}' },
		numbers: (state) => state.numbers.map((n) => ({ id: String(n.phone_number), stored: () => n.nickname })),
		requestsPerUpdate: 1,
		...oneLimiter((state) => state.limiter),
		rows: [
			// Retell publishes no limit (UNVERIFIED): a 429-only model.
			{ name: 'Retell AI defaults, bare 429s past 20/s', rate: 20, items: (runItems, available) => Math.min(available, runItems, 300) },
		],
		seed: { retellNumbers: 300 },
	},
};
