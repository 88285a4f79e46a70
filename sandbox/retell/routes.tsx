import { bearer, isE164, json, type Ctx, type Reply } from '../http';
import type { RateLimiter } from '../rateLimit';
import type { RetellData, RetellRecord } from './data';

export interface RetellState extends RetellData {
	limiter: RateLimiter;
}

/** The error body: UNVERIFIED; `{status: "error", message}` as Retell's answers show. */
function error(status: number, message: string): Reply {
	return json(status, { status: 'error', message });
}

/**
 * What `PATCH /update-phone-number/{number}` takes: `PhoneNumberUpdateParams` of
 * RetellAI/retell-typescript-sdk (b274013, 2026-07-31). The deprecated `inbound_agent_id`,
 * `outbound_agent_id` and their versions (deprecated 2026-03-31, removed from the SDK 2026-04-21) are
 * refused, so a client that still sends them fails here.
 */
const UPDATE_KEYS = new Set([
	'allowed_inbound_country_list', 'allowed_outbound_country_list', 'auth_password', 'auth_username', 'fallback_number', 'inbound_agents',
	'inbound_sms_agents', 'inbound_sms_webhook_url', 'inbound_webhook_url', 'nickname', 'outbound_agents', 'outbound_sms_agents', 'termination_uri', 'transport',
]);
const DEPRECATED = ['inbound_agent_id', 'outbound_agent_id', 'inbound_agent_version', 'outbound_agent_version'];
const AGENT_LISTS: Record<string, 'voice' | 'chat'> = { inbound_agents: 'voice', outbound_agents: 'voice', inbound_sms_agents: 'chat', outbound_sms_agents: 'chat' };

function validate(state: RetellState, number: RetellRecord, body: Record<string, unknown>): string | undefined {
	for (const key of Object.keys(body)) {
		if (DEPRECATED.includes(key)) return `${key} is deprecated: use inbound_agents / outbound_agents`;
		if (!UPDATE_KEYS.has(key)) return `Unknown field ${key}`;
	}
	for (const [key, channel] of Object.entries(AGENT_LISTS)) {
		if (!(key in body) || body[key] === null) continue;
		const list = body[key];
		if (!Array.isArray(list)) return `${key} must be an array or null`;
		let total = 0;
		for (const entry of list as Array<Record<string, unknown>>) {
			const agent = state.agents.find((a) => a.agent_id === entry?.agent_id);
			if (!agent) return `${key}: agent ${String(entry?.agent_id)} not found`;
			if (agent.channel !== channel) return `${key}: agent ${String(entry.agent_id)} is not a ${channel} agent`;
			if (typeof entry.weight !== 'number' || entry.weight < 0 || entry.weight > 1) return `${key}: weight must be between 0 and 1`;
			const version = entry.agent_version;
			if (version !== undefined && typeof version !== 'number' && typeof version !== 'string') return `${key}: agent_version must be a number or a string`;
			total += entry.weight;
		}
		if (list.length > 0 && Math.abs(total - 1) > 1e-6) return `${key}: weights must sum to 1`;
	}
	for (const key of ['inbound_webhook_url', 'inbound_sms_webhook_url']) {
		const value = body[key];
		if (value !== undefined && value !== null && (typeof value !== 'string' || !/^https?:\/\/[^\s]+$/.test(value))) return `${key} must be a URL or null`;
	}
	if ('fallback_number' in body && body.fallback_number !== null) {
		if (!isE164(body.fallback_number)) return 'fallback_number must be in E.164 format';
		if (body.fallback_number === number.phone_number) return 'fallback_number cannot be the number itself';
	}
	for (const key of ['allowed_inbound_country_list', 'allowed_outbound_country_list']) {
		const value = body[key];
		if (value !== undefined && value !== null && (!Array.isArray(value) || !value.every((c) => typeof c === 'string' && /^[A-Z]{2}$/.test(c)))) return `${key} must be ISO 3166 alpha-2 codes`;
	}
	if ('transport' in body && body.transport !== null && !['TLS', 'TCP', 'UDP'].includes(String(body.transport))) return 'transport must be TLS, TCP or UDP';
	for (const key of ['nickname', 'termination_uri', 'auth_username', 'auth_password']) {
		if (key in body && body[key] !== null && typeof body[key] !== 'string') return `${key} must be a string`;
	}
	return undefined;
}

/** Retell AI's API (`https://api.retellai.com`): phone numbers and agents. */
export function handleRetell(ctx: Ctx, state: RetellState): Reply {
	const key = bearer(ctx.headers);
	if (!key || !state.apiKeys.includes(key)) return error(401, 'Invalid API key');
	// Retell's limits are not published (UNVERIFIED): a bare 429.
	if (!state.limiter.take(key).allowed) return error(429, 'Too many requests');

	const page = (items: RetellRecord[]): Reply => {
		const limit = ctx.query.limit === undefined ? 1000 : Number(ctx.query.limit);
		if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return error(400, 'limit must be between 1 and 1000');
		const start = ctx.query.pagination_key ? Number(Buffer.from(ctx.query.pagination_key, 'base64url').toString()) : 0;
		if (!Number.isInteger(start) || start < 0) return error(400, 'Invalid pagination_key');
		const slice = items.slice(start, start + limit);
		const more = start + limit < items.length;
		return json(200, { items: slice, has_more: more, ...(more ? { pagination_key: Buffer.from(String(start + limit)).toString('base64url') } : {}) });
	};

	if (ctx.method === 'GET' && ctx.path === '/v2/list-phone-numbers') return page(state.numbers);
	if (ctx.method === 'POST' && ctx.path === '/v2/list-agents') {
		const filter = ((ctx.body as Record<string, unknown> | undefined)?.filter_criteria as Record<string, Record<string, unknown>> | undefined)?.channel;
		const channel = filter?.value;
		return page(typeof channel === 'string' ? state.agents.filter((a) => a.channel === channel) : state.agents);
	}
	// Every version of one agent (Retell's SDK: agent.getVersions, chatAgent.getVersions).
	const versionsOf = /^\/get-(chat-)?agent-versions\/([^/]+)$/.exec(ctx.path);
	if (versionsOf && ctx.method === 'GET') {
		const channel = versionsOf[1] ? 'chat' : 'voice';
		const id = decodeURIComponent(versionsOf[2]);
		const agent = state.agents.find((a) => a.agent_id === id && a.channel === channel);
		if (!agent) return error(404, 'Agent not found');
		const later = state.versions.get(id) ?? [];
		return json(200, [{ ...agent, is_published: later.length === 0 }, ...later]);
	}
	const get = /^\/get-phone-number\/([^/]+)$/.exec(ctx.path);
	const update = /^\/update-phone-number\/([^/]+)$/.exec(ctx.path);
	const id = decodeURIComponent((get ?? update)?.[1] ?? '');
	if ((get && ctx.method === 'GET') || (update && ctx.method === 'PATCH')) {
		if (!isE164(id)) return error(400, 'phone_number must be in E.164 format');
		const number = state.numbers.find((n) => n.phone_number === id);
		if (!number) return error(404, 'Phone number not found');
		if (get) return json(200, number);
		const body = ctx.body;
		if (!body || typeof body !== 'object' || Array.isArray(body)) return error(400, 'Body must be an object');
		const problem = validate(state, number, body as Record<string, unknown>);
		if (problem) return error(400, problem);
		for (const [field, value] of Object.entries(body as Record<string, unknown>)) {
			if (field === 'auth_password') state.authPasswords.set(id, String(value));
			else if (['termination_uri', 'auth_username', 'transport'].includes(field)) {
				number.sip_outbound_trunk_config = { ...((number.sip_outbound_trunk_config as object | null) ?? {}), [field]: value };
			} else number[field] = value;
		}
		number.last_modification_timestamp = Date.now();
		return json(200, number);
	}
	return error(404, `Cannot ${ctx.method} ${ctx.path}`);
}
