/** Synthflow in the sandbox: its routes, seed, error shapes, rate limits and credentials, registered by this file. */
import { json } from '../http';
import { RateLimiter } from '../rateLimit';
import { oneLimiter, type SandboxProvider } from '../registry';
import { SYNTHFLOW_KEYS, SYNTHFLOW_WORKSPACES, seedSynthflow } from './data';
import { handleSynthflow, type SynthflowState } from './routes';

declare module '../registry' {
	interface SandboxStates {
		synthflow: SynthflowState;
	}
	interface ProviderOptions {
		/** Largest page Synthflow lists serve (default 100). */
		synthflowMaxPageSize?: number;
	}
}

/** n8n credential data for the sandbox's Synthflow (tests and `npm start`); `workspaceId: null` leaves it empty. */
export function synthflowCredentials(sandbox: { url: string }, options: { apiKey?: string; workspaceId?: string | null; region?: string } = {}) {
	return {
		synthflowPhoneNumbersApi: {
			apiKey: options.apiKey ?? SYNTHFLOW_KEYS.main,
			region: options.region ?? 'global',
			workspaceId: options.workspaceId === null ? '' : (options.workspaceId ?? SYNTHFLOW_WORKSPACES.a),
			baseUrl: sandbox.url,
		},
	};
}

export const provider: SandboxProvider<SynthflowState> = {
	name: 'synthflow',
	title: 'Synthflow',
	// Synthflow's API is all of /v2 on its own host; here other providers' /v2 resources are asked first.
	owns: (path) => path.startsWith('/v2/'),
	catchAll: true,
	options: ['synthflowMaxPageSize'],
	start: (options) => ({
		...seedSynthflow({ numbers: options.seed?.synthflowNumbers }),
		limiter: new RateLimiter(options.rateLimits?.synthflow ?? 0),
		maxPageSize: options.synthflowMaxPageSize ?? 100,
	}),
	handle: handleSynthflow,
	errorBody: (_status, text) => ({ detail: text }),
	echoBody: (padded, _text, ctx) => ({ detail: padded, echo: ctx.body }),
	hugeBody: (filler) => ({ detail: filler }),
	endlessPage: () => json(200, { status: 'ok', response: { pagination: { total_records: 1e9, limit: 20, offset: 0 }, phone_numbers: [] } }),
	credentials: [
		{
			id: 'synthflowApiSandbox',
			name: 'Synthflow (sandbox)',
			type: 'synthflowPhoneNumbersApi',
			data: (url) => synthflowCredentials({ url }).synthflowPhoneNumbersApi,
		},
	],
	keys: [
		['Synthflow API key', SYNTHFLOW_KEYS.main],
		['Synthflow workspace IDs', `${SYNTHFLOW_WORKSPACES.a}, ${SYNTHFLOW_WORKSPACES.b}`],
	],
	bench: {
		node: 'synthflow',
		credentialType: 'synthflowPhoneNumbersApi',
		updateFields: { friendlyName: '={{ $json.label }}' },
		numbers: (state) => state.numbers.filter((n) => n.workspace_id === SYNTHFLOW_WORKSPACES.a).map((n) => ({ id: String(n.slug), stored: () => n.friendly_name })),
		requestsPerUpdate: 2,
		...oneLimiter((state) => state.limiter),
		rows: [
			// Synthflow publishes no limit: 20/s with bare 429s (`Retry-After: 1`); the node's update is the PATCH and a read-back.
			{ name: 'Synthflow defaults, bare 429s past 20/s', rate: 20, items: () => 500 },
			{ name: 'Synthflow, HTTP Request batching 20/1s', rate: 20, items: () => 500, viaHttpRequest: true },
		],
		httpRequest: {
			method: 'PATCH',
			url: (sandboxUrl) => `={{ '${sandboxUrl}/v2/numbers/' + $json.id.replace('+', '') }}`,
			authorization: `Bearer ${SYNTHFLOW_KEYS.main}`,
			jsonBody: '={{ JSON.stringify({ friendly_name: $json.label }) }}',
		},
		seed: { synthflowNumbers: 1200 },
	},
};
