import { randomBytes } from 'node:crypto';

import { basicAuth, bearer, formatNumber, isE164, json, type Ctx, type Reply } from '../http';
import type { RateLimiter } from '../rateLimit';
import { CLOSE_OAUTH_CLIENT, type CloseData, type ClosePhoneNumber } from './data';

export interface CloseToken {
	accessToken: string;
	refreshToken: string;
	userId: string;
	organizationId: string;
	expiresAt: number;
	revoked: boolean;
}

export interface CloseState extends CloseData {
	tokens: CloseToken[];
	codes: Map<string, { userId: string; organizationId: string; redirectUri: string }>;
	/** Lifetime of new access tokens, in seconds. */
	accessTokenTtl: number;
	keyLimiter: RateLimiter;
	orgLimiter: RateLimiter;
	/** `RateLimit` reset as fractions of a second or, as Close's own client reads it, whole seconds. */
	resetStyle: 'fraction' | 'whole';
	/** false: no RateLimit header at all, a 429 says only `Retry-After: 1` (header-less providers). */
	rateHeaders: boolean;
}

/** What the sole member of a number may change without "Manage Team Phone Numbers" (Close's docs). */
const MEMBER_FIELDS = new Set(['label', 'voicemail_greeting_url', 'forward_to', 'forward_to_enabled']);

const UPDATE_FIELDS = new Set([
	'label',
	'forward_to',
	'forward_to_enabled',
	'voicemail_greeting_url',
	'participants',
	'phone_numbers',
	'press_1_to_accept',
	'inbound_ring_duration',
]);

const MAX_LIMIT = 100;

interface Caller {
	userId: string;
	organizationId: string;
	rateKey: string;
}

function unauthorized(message = 'Unauthorized. Check your API key or access token.'): Reply {
	return json(401, { error: message });
}

function authenticate(ctx: Ctx, state: CloseState): Caller | Reply {
	const basic = basicAuth(ctx.headers);
	if (basic) {
		// Close: the API key is the user name and the password is empty.
		const key = state.apiKeys.find((k) => k.key === basic.user);
		if (!key || basic.password !== '') return unauthorized();
		return { userId: key.userId, organizationId: key.organizationId, rateKey: `key:${key.key}` };
	}
	const token = bearer(ctx.headers);
	if (token) {
		const found = state.tokens.find((t) => t.accessToken === token);
		if (!found || found.revoked) return unauthorized('Invalid or revoked access token.');
		if (found.expiresAt <= Date.now()) return unauthorized('Access token expired.');
		return { userId: found.userId, organizationId: found.organizationId, rateKey: `token:${found.userId}` };
	}
	return unauthorized();
}

function project(object: Record<string, unknown>, fields: string | undefined): Record<string, unknown> {
	if (!fields) return object;
	const wanted = fields.split(',').map((f) => f.trim());
	return Object.fromEntries(Object.entries(object).filter(([key]) => wanted.includes(key)));
}

function rateLimitHeader(state: CloseState, limit: number, remaining: number, resetMs: number): Record<string, string> {
	// UNVERIFIED whether Close sends fractions; its own client parses whole seconds: both are served.
	const reset = state.resetStyle === 'whole' ? String(Math.max(1, Math.ceil(resetMs / 1000))) : (resetMs / 1000).toFixed(3);
	return { RateLimit: `limit=${limit}, remaining=${remaining}, reset=${reset}` };
}

/**
 * A number as Close answers it. `is_group_number` and `user_id` are deprecated (changelog
 * 2026-07): every fourth number comes without them, so clients must not depend on them.
 */
function view(number: ClosePhoneNumber): Record<string, unknown> {
	const index = Number.parseInt(number.number.slice(-4), 10);
	if (index % 4 !== 1) return { ...number };
	const { is_group_number: _group, user_id: _owner, ...rest } = number;
	return rest;
}

/** Close's REST API (`/api/v1/...`) and OAuth 2 endpoints (`/oauth2/...`). */
export function handleClose(ctx: Ctx, state: CloseState): Reply {
	if (ctx.path.startsWith('/oauth2/')) return handleOAuth(ctx, state);
	const caller = authenticate(ctx, state);
	if ('status' in caller) return caller;

	const perKey = state.keyLimiter.take(caller.rateKey);
	const perOrg = state.orgLimiter.take(caller.organizationId);
	const remaining = Math.min(perKey.remaining, perOrg.remaining);
	if (!perKey.allowed || !perOrg.allowed) {
		const resetMs = Math.max(perKey.allowed ? 0 : perKey.resetMs, perOrg.allowed ? 0 : perOrg.resetMs);
		if (!state.rateHeaders) return json(429, { error: 'Too many requests' }, { 'Retry-After': '1' });
		return json(
			429,
			{ error: { message: 'API call count exceeded for this period', rate_reset: Number((resetMs / 1000).toFixed(3)) } },
			{ ...rateLimitHeader(state, perKey.limit, 0, resetMs), 'Retry-After': String(Math.ceil(resetMs / 1000)) },
		);
	}
	const reply = route(ctx, state, caller);
	if (state.rateHeaders) reply.headers = { ...rateLimitHeader(state, perKey.limit, remaining, perKey.resetMs), ...(reply.headers ?? {}) };
	return reply;
}

function route(ctx: Ctx, state: CloseState, caller: Caller): Reply {
	const path = ctx.path.replace(/^\/api\/v1/, '');
	const org = state.organizations.find((o) => o.id === caller.organizationId)!;
	const user = state.users.find((u) => u.id === caller.userId)!;

	if (path === '/me/' && ctx.method === 'GET') {
		const organizations = state.organizations.filter((o) => user.organizationIds.includes(o.id));
		// The key's own organization first.
		organizations.sort((a, b) => (a.id === org.id ? -1 : b.id === org.id ? 1 : 0));
		return json(
			200,
			project(
				{
					id: user.id,
					first_name: user.first_name,
					last_name: user.last_name,
					email: user.email,
					organizations: organizations.map((o) => ({ id: o.id, name: o.name })),
					memberships: organizations.map((o) => ({ organization_id: o.id, user_id: user.id })),
				},
				ctx.query._fields,
			),
		);
	}

	const orgMatch = /^\/organization\/([^/]+)\/$/.exec(path);
	if (orgMatch && ctx.method === 'GET') {
		const id = decodeURIComponent(orgMatch[1]);
		if (!user.organizationIds.includes(id)) return json(404, { error: 'Object not found.' });
		const organization = state.organizations.find((o) => o.id === id)!;
		const memberships = state.users
			.filter((u) => u.organizationIds.includes(id))
			.map((u) => ({
				id: `mem_${u.id.slice(5)}`,
				user_id: u.id,
				user_full_name: `${u.first_name} ${u.last_name}`,
				user_email: u.email,
				organization_id: id,
			}));
		return json(200, project({ id, name: organization.name, memberships }, ctx.query._fields));
	}

	if (path === '/user/' && ctx.method === 'GET') {
		const users = state.users.filter((u) => u.organizationIds.some((o) => user.organizationIds.includes(o)));
		return page(ctx, users.map((u) => ({ id: u.id, first_name: u.first_name, last_name: u.last_name, email: u.email })));
	}

	if (path === '/phone_number/' && ctx.method === 'GET') {
		let numbers = state.phoneNumbers.filter((n) => n.organization_id === org.id);
		const { number, participant_user_id: participant, user_id: owner, is_group_number: isGroup } = ctx.query;
		if (number) numbers = numbers.filter((n) => n.number === number.replace(/[\s().-]/g, ''));
		if (participant) {
			numbers = numbers.filter((n) => n.user_id === participant || (n.participants as string[]).includes(participant));
		}
		if (owner) numbers = numbers.filter((n) => n.user_id === owner);
		if (isGroup !== undefined) numbers = numbers.filter((n) => String(n.is_group_number) === isGroup);
		return page(ctx, numbers.map(view));
	}

	const numberMatch = /^\/phone_number\/([^/]+)\/$/.exec(path);
	if (numberMatch) {
		const id = decodeURIComponent(numberMatch[1]);
		const found = state.phoneNumbers.find((n) => n.id === id && n.organization_id === org.id);
		if (!found) return json(404, { error: 'Object not found.' });
		if (ctx.method === 'GET') return json(200, project(view(found), ctx.query._fields));
		if (ctx.method === 'PUT') return update(ctx, state, found, caller);
		return json(405, { error: 'Method not allowed.' });
	}
	if (/^\/phone_number\//.test(path) || path === '/me/' || path === '/user/') {
		return json(405, { error: 'Method not allowed.' });
	}
	return json(404, { error: 'Not found.' });
}

function page(ctx: Ctx, all: Record<string, unknown>[]): Reply {
	const limit = Number(ctx.query._limit ?? MAX_LIMIT);
	// Close's pagination docs: a _limit over the maximum is an error, not silently clamped.
	if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
		return json(400, { errors: [`_limit must be a whole number from 1 to ${MAX_LIMIT}.`], 'field-errors': {} });
	}
	const skip = Math.max(Number(ctx.query._skip ?? 0) || 0, 0);
	const data = all.slice(skip, skip + limit).map((item) => project(item, ctx.query._fields));
	return json(200, { has_more: skip + limit < all.length, data });
}

function update(ctx: Ctx, state: CloseState, number: ClosePhoneNumber, caller: Caller): Reply {
	const contentType = ctx.headers['content-type'] ?? '';
	if (!contentType.includes('application/json')) {
		return json(415, { error: 'Unsupported media type: send application/json.' });
	}
	const body = ctx.body;
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		return json(400, { errors: ['Request body must be a JSON object.'], 'field-errors': {} });
	}
	const fieldErrors: Record<string, string> = {};
	const input = body as Record<string, unknown>;
	for (const [key, value] of Object.entries(input)) {
		if (!UPDATE_FIELDS.has(key)) {
			fieldErrors[key] = 'Unknown field.';
			continue;
		}
		switch (key) {
			case 'label':
				if (typeof value !== 'string') fieldErrors[key] = 'Not a valid string.';
				break;
			case 'forward_to':
				// A string in the update schema: null is not allowed (only voicemail_greeting_url is nullable).
				if (typeof value !== 'string') fieldErrors[key] = 'Not a valid string.';
				else if (!isE164(value)) fieldErrors[key] = 'Invalid phone number. Use E.164, e.g. +16502221111.';
				break;
			case 'forward_to_enabled':
			case 'press_1_to_accept':
				if (typeof value !== 'boolean') fieldErrors[key] = 'Not a valid boolean.';
				break;
			case 'voicemail_greeting_url':
				if (value !== null && (typeof value !== 'string' || !/^https:\/\/[^\s/]+/.test(value))) {
					fieldErrors[key] = 'The URL must be secure (start with https://).';
				}
				break;
			case 'inbound_ring_duration':
				if (value !== null && (typeof value !== 'number' || !Number.isInteger(value) || value < 15 || value > 90)) {
					fieldErrors[key] = 'Must be an integer between 15 and 90.';
				}
				break;
			case 'participants':
				// The users who are members of the number: not limited to group numbers.
				if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) fieldErrors[key] = 'Not a valid list.';
				else {
					const unknown = value.filter((id) => !state.users.some((u) => u.id === id && u.organizationIds.includes(number.organization_id)));
					if (unknown.length) fieldErrors[key] = `Unknown user(s): ${unknown.join(', ')}.`;
				}
				break;
			case 'phone_numbers':
				if (!Array.isArray(value) || value.some((v) => !isE164(v))) {
					fieldErrors[key] = 'Must be a list of phone numbers in E.164 format.';
				} else if (!number.is_group_number) fieldErrors[key] = 'Only group numbers have phone numbers.';
				break;
		}
	}
	if (Object.keys(fieldErrors).length) return json(400, { errors: [], 'field-errors': fieldErrors });

	// Current rules: "Manage Team Phone Numbers" (formerly "Manage Group Phone Numbers") for most
	// settings; without it the sole member of a number may change only its label, greeting and
	// forwarding.
	const user = state.users.find((u) => u.id === caller.userId)!;
	if (!user.canManageGroupNumbers) {
		const members = (number.participants as string[]).length ? (number.participants as string[]) : number.user_id ? [number.user_id] : [];
		if (members.length !== 1 || members[0] !== caller.userId) {
			return json(403, { error: 'You need the "Manage Team Phone Numbers" permission to change this phone number.' });
		}
		const others = Object.keys(input).filter((key) => !MEMBER_FIELDS.has(key));
		if (others.length) {
			return json(403, {
				error: `Without the "Manage Team Phone Numbers" permission only label, voicemail_greeting_url and forwarding can be changed (not ${others.join(', ')}).`,
			});
		}
	}
	Object.assign(number, input);
	if ('forward_to' in input) number.forward_to_formatted = number.forward_to ? formatNumber(number.forward_to as string) : null;
	if ('phone_numbers' in input) number.phone_numbers_formatted = (number.phone_numbers as string[]).map(formatNumber);
	number.date_updated = new Date().toISOString().replace('Z', '+00:00');
	return json(200, view(number));
}

function handleOAuth(ctx: Ctx, state: CloseState): Reply {
	if (ctx.path === '/oauth2/authorize/' && ctx.method === 'GET') {
		// The sandbox approves at once, as the first admin of organization A.
		const { client_id: clientId, redirect_uri: redirectUri, state: oauthState } = ctx.query;
		if (clientId !== CLOSE_OAUTH_CLIENT.clientId || !redirectUri) {
			return json(400, { error: 'invalid_request', error_description: 'Unknown client_id or missing redirect_uri.' });
		}
		const key = state.apiKeys[0];
		const code = randomBytes(12).toString('hex');
		state.codes.set(code, { userId: key.userId, organizationId: key.organizationId, redirectUri });
		const location = new URL(redirectUri);
		location.searchParams.set('code', code);
		if (oauthState) location.searchParams.set('state', oauthState);
		return { status: 302, headers: { Location: location.toString() } };
	}
	if (ctx.path === '/oauth2/token/' && ctx.method === 'POST') {
		const params = tokenParams(ctx);
		const basic = basicAuth(ctx.headers);
		const clientId = params.client_id ?? basic?.user;
		const clientSecret = params.client_secret ?? basic?.password;
		if (clientId !== CLOSE_OAUTH_CLIENT.clientId || clientSecret !== CLOSE_OAUTH_CLIENT.clientSecret) {
			return json(401, { error: 'invalid_client' });
		}
		if (params.grant_type === 'authorization_code') {
			const grant = params.code ? state.codes.get(params.code) : undefined;
			if (!grant) return json(400, { error: 'invalid_grant', error_description: 'Unknown or used code.' });
			state.codes.delete(params.code!);
			return json(200, issueToken(state, grant.userId, grant.organizationId));
		}
		if (params.grant_type === 'refresh_token') {
			const old = state.tokens.find((t) => t.refreshToken === params.refresh_token);
			if (!old || old.revoked) return json(400, { error: 'invalid_grant', error_description: 'Invalid refresh token.' });
			old.revoked = true;
			return json(200, issueToken(state, old.userId, old.organizationId));
		}
		return json(400, { error: 'unsupported_grant_type' });
	}
	return json(404, { error: 'Not found.' });
}

function tokenParams(ctx: Ctx): Record<string, string | undefined> {
	if (ctx.body && typeof ctx.body === 'object') return ctx.body as Record<string, string>;
	return Object.fromEntries(new URLSearchParams(ctx.rawBody));
}

export function issueToken(state: CloseState, userId: string, organizationId: string) {
	const token: CloseToken = {
		accessToken: `access_${randomBytes(16).toString('hex')}`,
		refreshToken: `refresh_${randomBytes(16).toString('hex')}`,
		userId,
		organizationId,
		expiresAt: Date.now() + state.accessTokenTtl * 1000,
		revoked: false,
	};
	state.tokens.push(token);
	return {
		access_token: token.accessToken,
		refresh_token: token.refreshToken,
		token_type: 'Bearer',
		expires_in: state.accessTokenTtl,
		scope: 'all.full_access offline_access',
		user_id: userId,
		organization_id: organizationId,
	};
}
