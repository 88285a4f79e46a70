import { bearer, isE164, json, type Ctx, type Reply } from '../http';
import type { RateLimiter } from '../rateLimit';
import type { VapiData, VapiRecord } from './data';

export interface VapiState extends VapiData {
	limiter: RateLimiter;
}

/** NestJS's error body, as Vapi answers: `{statusCode, message (text or list), error}`. */
function nestError(status: number, message: string | string[]): Reply {
	const error = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 429: 'Too Many Requests' }[status as 400] ?? 'Error';
	return json(status, { statusCode: status, message, error });
}

/**
 * What `PATCH /phone-number/{id}` takes, per number type (Vapi's OpenAPI, `Update*PhoneNumberDTO`,
 * read from VapiAI/docs fern/apis/api/openapi.json at eabfa53, 2026-08-20; the spec file itself is
 * not kept in this repository, see README "The provider sandbox"). The discriminator is the number's
 * own `provider`: a body that leaves it out is read as that type (UNVERIFIED whether Vapi requires it).
 */
const COMMON = ['fallbackDestination', 'hooks', 'provider', 'name', 'assistantId', 'workflowId', 'squadId', 'server'];
const UPDATE_KEYS: Record<string, string[]> = {
	twilio: [...COMMON, 'smsEnabled', 'number', 'twilioAccountSid', 'twilioAuthToken', 'twilioApiKey', 'twilioApiSecret'],
	vapi: [...COMMON, 'sipUri', 'authentication'],
	'byo-phone-number': [...COMMON, 'numberE164CheckEnabled', 'number', 'credentialId'],
	telnyx: [...COMMON, 'number', 'credentialId'],
	vonage: [...COMMON, 'number', 'credentialId'],
};

function validateUpdate(state: VapiState, number: VapiRecord, body: Record<string, unknown>): string[] {
	const problems: string[] = [];
	const allowed = UPDATE_KEYS[String(number.provider)] ?? COMMON;
	for (const key of Object.keys(body)) if (!allowed.includes(key)) problems.push(`property ${key} should not exist`);
	if ('provider' in body && body.provider !== number.provider) problems.push(`provider must be ${String(number.provider)}`);
	if ('name' in body && (typeof body.name !== 'string' || body.name.length > 40)) problems.push('name must be shorter than or equal to 40 characters');
	for (const [key, list] of [['assistantId', state.assistants], ['squadId', state.squads]] as const) {
		const value = body[key];
		// null unassigns (Vapi's SDK issues; the spec types a string: UNVERIFIED, both accepted).
		if (value === undefined || value === null) continue;
		if (typeof value !== 'string') problems.push(`${key} must be a string`);
		else if (!list.some((item) => item.id === value)) problems.push(`Couldn't find ${key === 'assistantId' ? 'assistant' : 'squad'} ${value}`);
	}
	if ('workflowId' in body && body.workflowId !== null && typeof body.workflowId !== 'string') problems.push('workflowId must be a string');
	if ('server' in body) {
		const server = body.server as Record<string, unknown> | null;
		if (!server || typeof server !== 'object') problems.push('server must be an object');
		else {
			if ('url' in server && (typeof server.url !== 'string' || !/^https?:\/\/[^\s]+$/.test(server.url))) problems.push('server.url must be a URL address');
			const timeout = server.timeoutSeconds;
			if (timeout !== undefined && (typeof timeout !== 'number' || timeout < 1 || timeout > 300)) problems.push('server.timeoutSeconds must not be less than 1 and not greater than 300');
		}
	}
	if ('fallbackDestination' in body && body.fallbackDestination !== null) {
		const fallback = body.fallbackDestination as Record<string, unknown>;
		if (!fallback || typeof fallback !== 'object') problems.push('fallbackDestination must be an object');
		else if (fallback.type === 'number') {
			if (typeof fallback.number !== 'string' || !isE164(fallback.number)) problems.push('fallbackDestination.number must be a valid phone number in E.164 format');
		} else if (fallback.type === 'sip') {
			if (typeof fallback.sipUri !== 'string' || !/^sips?:[^\s]+$/i.test(fallback.sipUri)) problems.push('fallbackDestination.sipUri must be a valid SIP URI');
		} else problems.push('fallbackDestination.type must be one of number, sip');
	}
	if ('smsEnabled' in body && typeof body.smsEnabled !== 'boolean') problems.push('smsEnabled must be a boolean value');
	return problems;
}

/** A v1 list: a bare array, newest first, `limit` (0–1000, default 100) and the `createdAt*` bounds. */
function v1List(ctx: Ctx, items: VapiRecord[]): Reply {
	const limit = ctx.query.limit === undefined ? 100 : Number(ctx.query.limit);
	if (!Number.isFinite(limit) || limit < 0 || limit > 1000) return nestError(400, ['limit must not be greater than 1000']);
	let list = [...items].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
	if (ctx.query.createdAtLt) list = list.filter((item) => String(item.createdAt) < ctx.query.createdAtLt);
	return json(200, list.slice(0, limit));
}

/** Vapi's API (`https://api.vapi.ai`): phone numbers, assistants and squads. */
export function handleVapi(ctx: Ctx, state: VapiState): Reply {
	const key = bearer(ctx.headers);
	if (!key || !state.apiKeys.includes(key)) {
		return nestError(401, 'Invalid Key. Hot tip, you may be using the private key instead of the public key, or vice versa.');
	}
	// No limit is documented (UNVERIFIED): a bare 429 without Retry-After, the hardest case for a client.
	if (!state.limiter.take(key).allowed) return nestError(429, 'Too Many Requests');

	if (ctx.method === 'GET' && ctx.path === '/v2/phone-number') {
		const limit = ctx.query.limit === undefined ? 100 : Number(ctx.query.limit);
		const page = ctx.query.page === undefined ? 1 : Number(ctx.query.page);
		if (!Number.isInteger(limit) || limit < 0 || limit > 1000) return nestError(400, ['limit must not be greater than 1000']);
		if (!Number.isInteger(page) || page < 1) return nestError(400, ['page must not be less than 1']);
		const search = (ctx.query.search ?? '').toLowerCase();
		if (search.length > 100) return nestError(400, ['search must be shorter than or equal to 100 characters']);
		const all = state.numbers.filter((n) => !search || [n.name, n.number, n.sipUri].some((v) => typeof v === 'string' && v.toLowerCase().includes(search)));
		const size = limit || 100;
		const totalPages = Math.max(1, Math.ceil(all.length / size));
		return json(200, {
			results: all.slice((page - 1) * size, page * size),
			metadata: { itemsPerPage: size, totalItems: all.length, currentPage: page, totalPages, hasNextPage: page < totalPages },
		});
	}
	if (ctx.method === 'GET' && ctx.path === '/phone-number') return v1List(ctx, state.numbers);
	if (ctx.method === 'GET' && ctx.path === '/assistant') return v1List(ctx, state.assistants);
	if (ctx.method === 'GET' && ctx.path === '/squad') return v1List(ctx, state.squads);

	const match = /^\/phone-number\/([^/]+)$/.exec(ctx.path);
	if (match) {
		const number = state.numbers.find((n) => n.id === decodeURIComponent(match[1]));
		if (!number) return nestError(404, 'Phone Number not found');
		if (ctx.method === 'GET') return json(200, number);
		if (ctx.method === 'PATCH') {
			const body = ctx.body;
			if (!body || typeof body !== 'object' || Array.isArray(body)) return nestError(400, ['body must be an object']);
			const problems = validateUpdate(state, number, body as Record<string, unknown>);
			if (problems.length > 0) return nestError(400, problems);
			for (const [field, value] of Object.entries(body as Record<string, unknown>)) number[field] = value;
			number.updatedAt = new Date().toISOString();
			return json(200, number);
		}
	}
	return nestError(404, `Cannot ${ctx.method} ${ctx.path}`);
}
