import { bearer, json, type Ctx, type Reply } from '../http';
import type { RateLimiter } from '../rateLimit';
import { SYNTHFLOW_PROVIDERS, type SynthflowData, type SynthflowNumber } from './data';

export interface SynthflowState extends SynthflowData {
	limiter: RateLimiter;
	/** Largest page served whatever `limit` asks (tests lower it to get many pages). */
	maxPageSize: number;
}

const UPDATE_FIELDS = new Set([
	'friendly_name',
	'sip_auth_username',
	'sip_outbound_proxy',
	'sip_term_uri',
	'termination_uri',
	'provider_name',
	'trunk_username',
	'trunk_pwd',
	'uac_enabled',
	'uac_register_expires',
]);

/** The fields `GET /numbers/{slug}` answers with (the trunk credentials are write-only). */
/** A number as `GET /numbers/{slug}` answers it: everything but the write-only trunk password. */
function view(number: SynthflowNumber): Record<string, unknown> {
	const { trunk_pwd: _pwd, ...shown } = number;
	return shown;
}

function pageParams(ctx: Ctx, defaultLimit: number, maxPageSize: number): { limit: number; offset: number } | Reply {
	const limit = ctx.query.limit === undefined ? defaultLimit : Number(ctx.query.limit);
	const offset = ctx.query.offset === undefined ? 0 : Number(ctx.query.offset);
	if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
		return json(422, { detail: 'limit must be an integer from 1 to 100' });
	}
	if (!Number.isInteger(offset) || offset < 0) return json(422, { detail: 'offset must be a non-negative integer' });
	return { limit: Math.min(limit, maxPageSize), offset };
}

/** Synthflow's platform API (`/v2/...`), for any of its regional hosts. */
export function handleSynthflow(ctx: Ctx, state: SynthflowState): Reply {
	const key = bearer(ctx.headers);
	const workspaces = key ? state.apiKeys[key] : undefined;
	if (!workspaces) return json(401, { detail: 'Invalid API key' });
	const rate = state.limiter.take(key!);
	if (!rate.allowed) {
		return json(429, { detail: 'Too many requests' }, { 'Retry-After': String(Math.ceil(rate.resetMs / 1000)) });
	}
	const path = ctx.path.replace(/^\/v2/, '');

	if (path === '/assistants' && ctx.method === 'GET') {
		const params = pageParams(ctx, 20, state.maxPageSize);
		if ('status' in params) return params;
		const agents = state.agents.filter((a) => workspaces.includes(a.workspace_id));
		return json(200, {
			status: 'ok',
			response: {
				pagination: { total_records: agents.length, limit: params.limit, offset: params.offset },
				assistants: agents.slice(params.offset, params.offset + params.limit).map(({ workspace_id: _w, ...a }) => a),
			},
		});
	}

	const workspaceCheck = (): Reply | undefined => {
		const workspace = ctx.query.workspace;
		if (!workspace) return json(422, { detail: "Query parameter 'workspace' is required" });
		if (!workspaces.includes(workspace)) return json(403, { detail: 'You do not have access to this workspace' });
		return undefined;
	};

	if (path === '/numbers' && ctx.method === 'GET') {
		const problem = workspaceCheck();
		if (problem) return problem;
		const params = pageParams(ctx, 20, state.maxPageSize);
		if ('status' in params) return params;
		let numbers = state.numbers.filter((n) => n.workspace_id === ctx.query.workspace);
		if (ctx.query.is_available !== undefined && ctx.query.is_available !== '') {
			if (!['true', 'false'].includes(ctx.query.is_available)) return json(422, { detail: 'is_available must be true or false' });
			numbers = numbers.filter((n) => String(n.is_available) === ctx.query.is_available);
		}
		return json(200, {
			status: 'ok',
			response: {
				pagination: { total_records: numbers.length, limit: params.limit, offset: params.offset },
				phone_numbers: numbers
					.slice(params.offset, params.offset + params.limit)
					.map((n) => ({ number: n.phone_number, sid: n.sid, is_available: n.is_available })),
			},
		});
	}

	const match = /^\/numbers\/([^/]+)$/.exec(path);
	if (match) {
		const slug = decodeURIComponent(match[1]);
		const number = state.numbers.find((n) => n.slug === slug && workspaces.includes(n.workspace_id));
		if (ctx.method === 'GET') {
			const problem = workspaceCheck();
			if (problem) return problem;
			if (!number || number.workspace_id !== ctx.query.workspace) return json(404, { detail: 'Phone number not found' });
			return json(200, view(number));
		}
		if (ctx.method === 'PATCH') {
			if (!number) return json(404, { detail: 'Phone number not found' });
			return update(ctx, number);
		}
		return json(405, { detail: 'Method Not Allowed' });
	}
	return json(404, { detail: 'Not Found' });
}

/** Providers whose SIP set-up Synthflow does itself (no SIP domain needed). */
const SELF_CONFIGURED = ['five9', 'ringcx', 'zoom'];

function update(ctx: Ctx, number: SynthflowNumber): Reply {
	const body = ctx.body;
	if (!body || typeof body !== 'object' || Array.isArray(body)) return json(400, { detail: 'Request body must be a JSON object' });
	const input = { ...(body as Record<string, unknown>) };
	for (const [key, value] of Object.entries(input)) {
		if (!UPDATE_FIELDS.has(key)) return json(422, { detail: `Unknown field: ${key}` });
		if (key === 'uac_enabled') {
			if (typeof value !== 'boolean') return json(422, { detail: 'uac_enabled must be a boolean' });
		} else if (key === 'uac_register_expires') {
			if (typeof value !== 'number' || !Number.isInteger(value) || value < 60 || value > 3600) {
				return json(422, { detail: 'uac_register_expires must be an integer from 60 to 3600' });
			}
		} else if (typeof value !== 'string') {
			return json(422, { detail: `${key} must be a string` });
		}
	}
	if (input.provider_name !== undefined && !(SYNTHFLOW_PROVIDERS as readonly string[]).includes(input.provider_name as string)) {
		return json(422, { detail: `provider_name must be one of ${SYNTHFLOW_PROVIDERS.join(', ')}` });
	}
	// "The SIP termination URI / SIP domain": Synthflow's guides enter a bare host (sip.telnyx.com).
	for (const key of ['sip_term_uri', 'termination_uri'] as const) {
		const value = input[key];
		if (typeof value === 'string' && value !== '' && !/^sips?:[^\s]+$/i.test(value) && !/^[a-z0-9.-]+(:\d{1,5})?$/i.test(value)) {
			return json(422, { detail: [{ loc: ['body', key], msg: 'must be a SIP domain or a SIP URI', type: 'value_error', input: value }] });
		}
	}
	// Providers Synthflow does not configure itself need a SIP domain (set now or already).
	const provider = input.provider_name as string | undefined;
	const domain = (input.sip_term_uri ?? input.termination_uri ?? number.sip_term_uri) as string | undefined;
	if (provider !== undefined && !SELF_CONFIGURED.includes(provider) && !domain) {
		return json(400, { detail: { status: 'error', description: `provider_name ${provider} needs a SIP domain: set sip_term_uri` } });
	}
	if (input.uac_enabled === true && (!input.trunk_username || !input.trunk_pwd)) {
		return json(400, { detail: 'trunk_username and trunk_pwd are required to enable UAC' });
	}
	if (input.termination_uri !== undefined) {
		input.sip_term_uri = input.termination_uri;
		delete input.termination_uri;
	}
	Object.assign(number, input, { updated_at: new Date().toISOString() });
	return json(200, { status: 'ok' });
}
