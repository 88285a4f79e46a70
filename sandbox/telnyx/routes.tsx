import { bearer, isE164, json, type Ctx, type Reply } from '../http';
import type { RateLimiter } from '../rateLimit';
import { TELNYX_STATUS_FILTERS, type TelnyxData, type TelnyxNumber, type TelnyxRecord } from './data';

export interface TelnyxState extends TelnyxData {
	/** Requests per second per API key; answers carry `x-ratelimit-*` (reset in seconds). */
	limiter: RateLimiter;
	/** Largest page served (Telnyx's is 250); tests lower it to get many pages. */
	maxPageSize: number;
	/** Whether null/"" for connection_id or billing_group_id is answered 200 but ignored (UNVERIFIED at Telnyx). */
	ignoresUnassign: boolean;
	/** The largest page[size] a list takes, by path under /v2 (250 where none is set). */
	pageSizeLimits: Record<string, number>;
	/** Whether `/connections` also lists Call Control and TeXML applications (UNVERIFIED at Telnyx). */
	connectionsIncludeApplications: boolean;
	/** A `Retry-After` on 429s too (UNVERIFIED at Telnyx). */
	retryAfter: boolean;
}

/** Telnyx's error body: `{errors: [{code (a string), title, detail, source: {pointer}, meta: {url}}]}`. */
export function telnyxError(status: number, code: string, title: string, detail: string, pointer?: string, headers?: Record<string, string>): Reply {
	return json(
		status,
		{ errors: [{ code, title, detail, ...(pointer ? { source: { pointer } } : {}), meta: { url: `https://developers.telnyx.com/docs/overview/errors/${code}` } }] },
		headers,
	);
}

const invalid = (pointer: string, detail: string) => telnyxError(422, '10015', 'Invalid parameter', detail, pointer);
const NUMERIC_ID = /^\d{1,25}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `page[number]` (from 1) and `page[size]` (1–250); `meta` as Telnyx's lists answer. */
function page<T>(ctx: Ctx, state: TelnyxState, all: T[]): Reply {
	const size = ctx.query['page[size]'] === undefined ? 20 : Number(ctx.query['page[size]']);
	const number = ctx.query['page[number]'] === undefined ? 1 : Number(ctx.query['page[number]']);
	const limit = state.pageSizeLimits[ctx.path.replace(/^\/v2/, '')] ?? 250;
	if (!Number.isInteger(size) || size < 1 || size > limit) return telnyxError(400, '10015', 'Invalid page size', `page[size] must be between 1 and ${limit}`, undefined);
	if (!Number.isInteger(number) || number < 1) return telnyxError(400, '10015', 'Invalid page number', 'page[number] must be 1 or more', undefined);
	const served = Math.min(size, state.maxPageSize);
	const data = all.slice((number - 1) * served, number * served);
	return json(200, { data, meta: { page_number: number, page_size: served, total_pages: Math.max(1, Math.ceil(all.length / served)), total_results: all.length } });
}

function allConnections(state: TelnyxState): TelnyxRecord[] {
	const apps = state.connectionsIncludeApplications
		? [
				...state.callControlApplications.map((a) => ({ id: a.id, record_type: a.record_type, connection_name: a.application_name, active: a.active })),
				...state.texmlApplications.map((a) => ({ id: a.id, record_type: a.record_type, connection_name: a.friendly_name, active: a.active })),
			]
		: [];
	// Credential connections carry their SIP password, as Telnyx's answers do: the nodes must never show it.
	return [...state.connections, ...apps];
}

function connectionName(state: TelnyxState, id: string): string | undefined {
	const found = [...state.connections, ...state.callControlApplications, ...state.texmlApplications].find((c) => c.id === id);
	return found ? String(found.connection_name ?? found.application_name ?? found.friendly_name) : undefined;
}

function rateHeaders(limit: number, remaining: number, resetMs: number): Record<string, string> {
	return { 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(remaining), 'x-ratelimit-reset': String(Math.max(1, Math.ceil(resetMs / 1000))) };
}

/** Telnyx API v2 (`/v2/...`): phone numbers with their voice and messaging settings, and the dropdown sources. */
export function handleTelnyx(ctx: Ctx, state: TelnyxState): Reply {
	const key = bearer(ctx.headers);
	if (!key || !state.apiKeys.includes(key)) return telnyxError(401, '10009', 'Authentication failed', 'The API key is missing or not valid.');
	const taken = state.limiter.take(key);
	const limited = state.limiter.perSecond > 0;
	const headers = limited ? rateHeaders(taken.limit, taken.remaining, taken.resetMs) : undefined;
	if (!taken.allowed) {
		return telnyxError(429, '10011', 'Too many requests', 'You have exceeded the rate limit. Slow down.', undefined, {
			...headers,
			...(state.retryAfter ? { 'Retry-After': String(Math.max(1, Math.ceil(taken.resetMs / 1000))) } : {}),
		});
	}
	const reply = route(ctx, state);
	return headers ? { ...reply, headers: { ...headers, ...(reply.headers ?? {}) } } : reply;
}

function route(ctx: Ctx, state: TelnyxState): Reply {
	const { method, path } = ctx;
	if (method === 'GET' && path === '/v2/phone_numbers') return listNumbers(ctx, state);
	if (method === 'GET' && path === '/v2/connections') return page(ctx, state, allConnections(state));
	if (method === 'GET' && path === '/v2/call_control_applications') return page(ctx, state, state.callControlApplications);
	if (method === 'GET' && path === '/v2/texml_applications') return page(ctx, state, state.texmlApplications);
	if (method === 'GET' && path === '/v2/billing_groups') return page(ctx, state, state.billingGroups);
	if (method === 'GET' && path === '/v2/messaging_profiles') {
		const contains = ctx.query['filter[name][contains]']?.toLowerCase();
		return page(ctx, state, contains ? state.messagingProfiles.filter((p) => String(p.name).toLowerCase().includes(contains)) : state.messagingProfiles);
	}
	const match = /^\/v2\/phone_numbers\/([^/]+)(\/voice|\/messaging)?$/.exec(path);
	if (!match) return telnyxError(404, '10005', 'Resource not found', `The requested resource ${path} was not found.`);
	const id = decodeURIComponent(match[1]);
	const number = state.numbers.find((n) => n.id === id);
	if (!NUMERIC_ID.test(id) || !number) return telnyxError(404, '10005', 'Resource not found', 'The requested phone number could not be found.');
	const part = match[2];
	if (method === 'GET') {
		if (part === '/voice') return json(200, { data: state.voice.get(id) });
		if (part === '/messaging') return json(200, { data: state.messaging.get(id) });
		return json(200, { data: number });
	}
	if (method !== 'PATCH') return telnyxError(405, '10015', 'Method not allowed', `${method} is not allowed here.`);
	if (!ctx.body || typeof ctx.body !== 'object' || Array.isArray(ctx.body)) return telnyxError(400, '10015', 'Bad request', 'The request body must be a JSON object.');
	const body = ctx.body as Record<string, unknown>;
	if (part === '/voice') return updateVoice(state, number, body);
	if (part === '/messaging') return updateMessaging(state, number, body);
	return updateNumber(state, number, body);
}

function listNumbers(ctx: Ctx, state: TelnyxState): Reply {
	let numbers: TelnyxNumber[] = state.numbers;
	const phone = ctx.query['filter[phone_number]'];
	if (phone !== undefined) {
		// Digits only, at least 3: a "+" or any other character matches nothing.
		numbers = /^\d{3,}$/.test(phone) ? numbers.filter((n) => n.phone_number.includes(phone)) : [];
	}
	const tag = ctx.query['filter[tag]'];
	if (tag !== undefined) numbers = numbers.filter((n) => n.tags.includes(tag));
	const status = ctx.query['filter[status]'];
	if (status !== undefined) {
		// The filter takes fewer values than answers carry (Telnyx's spec).
		if (!(TELNYX_STATUS_FILTERS as readonly string[]).includes(status)) return telnyxError(400, '10015', 'Invalid filter', `filter[status] must be one of ${TELNYX_STATUS_FILTERS.join(', ')}`);
		numbers = numbers.filter((n) => n.status === status);
	}
	const connection = ctx.query['filter[connection_id]'];
	if (connection !== undefined) numbers = numbers.filter((n) => n.connection_id === connection);
	const billing = ctx.query['filter[billing_group_id]'];
	if (billing !== undefined) numbers = numbers.filter((n) => n.billing_group_id === billing);
	return page(ctx, state, numbers);
}

const NUMBER_FIELDS = new Set(['tags', 'connection_id', 'billing_group_id', 'customer_reference', 'external_pin', 'hd_voice_enabled', 'address_id', 'id']);

function updateNumber(state: TelnyxState, number: TelnyxNumber, body: Record<string, unknown>): Reply {
	for (const key of Object.keys(body)) if (!NUMBER_FIELDS.has(key)) return invalid(`/${key}`, `${key} is not a phone number setting.`);
	if ('tags' in body && (!Array.isArray(body.tags) || !body.tags.every((t) => typeof t === 'string'))) return invalid('/tags', 'tags must be a list of strings.');
	for (const key of ['customer_reference', 'external_pin', 'address_id']) {
		if (key in body && body[key] !== null && typeof body[key] !== 'string') return invalid(`/${key}`, `${key} must be a string.`);
	}
	if ('hd_voice_enabled' in body && typeof body.hd_voice_enabled !== 'boolean') return invalid('/hd_voice_enabled', 'hd_voice_enabled must be a boolean.');
	const connection = body.connection_id;
	// Unassigning with null or "" is not documented: the sandbox takes either (and, with
	// `ignoresUnassign`, answers 200 and keeps the value: the other possible answer).
	if (connection !== undefined && connection !== null && connection !== '') {
		// A string (the spec's type): digits and UUIDs both occur in Telnyx's examples.
		if (typeof connection !== 'string') return invalid('/connection_id', 'connection_id must be a string.');
		if (!connectionName(state, connection)) return invalid('/connection_id', 'The connection could not be found.');
	}
	const billing = body.billing_group_id;
	if (billing !== undefined && billing !== null && billing !== '') {
		if (typeof billing !== 'string' || !UUID.test(billing)) return invalid('/billing_group_id', 'billing_group_id must be a UUID.');
		if (!state.billingGroups.some((g) => g.id === billing)) return invalid('/billing_group_id', 'The billing group could not be found.');
	}
	for (const [key, value] of Object.entries(body)) {
		if (key === 'id') continue;
		const unassign = (key === 'connection_id' || key === 'billing_group_id') && (value === '' || value === null);
		if (unassign && state.ignoresUnassign) continue;
		number[key] = unassign ? null : value;
	}
	if ('connection_id' in body) {
		number.connection_name = number.connection_id ? (connectionName(state, number.connection_id) ?? null) : null;
		const voice = state.voice.get(number.id);
		if (voice) voice.connection_id = number.connection_id;
	}
	number.updated_at = new Date().toISOString();
	return json(200, { data: number });
}

const VOICE_FIELDS = new Set([
	'call_forwarding', 'cnam_listing', 'call_recording', 'inbound_call_screening', 'media_features', 'caller_id_name_enabled',
	'tech_prefix_enabled', 'translated_number', 'usage_payment_method',
]);

function oneOf(value: unknown, allowed: string[]): boolean {
	return typeof value === 'string' && allowed.includes(value);
}

function nested(body: Record<string, unknown>, key: string): Record<string, unknown> | Reply | undefined {
	if (!(key in body)) return undefined;
	const value = body[key];
	if (!value || typeof value !== 'object' || Array.isArray(value)) return invalid(`/${key}`, `${key} must be an object.`);
	return value as Record<string, unknown>;
}

const isReply = (value: unknown): value is Reply => typeof value === 'object' && value !== null && 'status' in value && typeof (value as Reply).status === 'number';

function updateVoice(state: TelnyxState, number: TelnyxNumber, body: Record<string, unknown>): Reply {
	const voice = state.voice.get(number.id) as TelnyxRecord;
	for (const key of Object.keys(body)) {
		// connection_id is reported to be ignored here; the sandbox ignores it too.
		if (key === 'connection_id') continue;
		if (!VOICE_FIELDS.has(key)) return invalid(`/${key}`, `${key} is not a voice setting.`);
	}
	const forwarding = nested(body, 'call_forwarding');
	if (isReply(forwarding)) return forwarding;
	if (forwarding) {
		const allowed = ['call_forwarding_enabled', 'forwards_to', 'forwarding_type'];
		for (const key of Object.keys(forwarding)) if (!allowed.includes(key)) return invalid(`/call_forwarding/${key}`, `${key} is not a call forwarding setting.`);
		if ('call_forwarding_enabled' in forwarding && typeof forwarding.call_forwarding_enabled !== 'boolean') return invalid('/call_forwarding/call_forwarding_enabled', 'must be a boolean.');
		if ('forwards_to' in forwarding && forwarding.forwards_to !== '' && !isE164(forwarding.forwards_to)) return invalid('/call_forwarding/forwards_to', 'forwards_to must be a phone number in +E.164 format.');
		if ('forwarding_type' in forwarding && !oneOf(forwarding.forwarding_type, ['always', 'on-failure'])) return invalid('/call_forwarding/forwarding_type', 'forwarding_type must be always or on-failure.');
	}
	const cnam = nested(body, 'cnam_listing');
	if (isReply(cnam)) return cnam;
	if (cnam) {
		for (const key of Object.keys(cnam)) if (!['cnam_listing_enabled', 'cnam_listing_details'].includes(key)) return invalid(`/cnam_listing/${key}`, `${key} is not a CNAM listing setting.`);
		if ('cnam_listing_enabled' in cnam && typeof cnam.cnam_listing_enabled !== 'boolean') return invalid('/cnam_listing/cnam_listing_enabled', 'must be a boolean.');
		if ('cnam_listing_details' in cnam && (typeof cnam.cnam_listing_details !== 'string' || !/^[A-Za-z0-9 ]{1,15}$/.test(cnam.cnam_listing_details))) {
			return invalid('/cnam_listing/cnam_listing_details', 'cnam_listing_details must be at most 15 letters, digits or spaces.');
		}
		// Each needs the other: enabling takes details, details take enabling.
		if (cnam.cnam_listing_enabled === true && !('cnam_listing_details' in cnam)) return invalid('/cnam_listing/cnam_listing_details', 'cnam_listing_details is required when cnam_listing_enabled is true.');
		if ('cnam_listing_details' in cnam && cnam.cnam_listing_enabled !== true) return invalid('/cnam_listing/cnam_listing_enabled', 'cnam_listing_enabled must be true with cnam_listing_details.');
	}
	const recording = nested(body, 'call_recording');
	if (isReply(recording)) return recording;
	if (recording) {
		const allowed = ['inbound_call_recording_enabled', 'inbound_call_recording_format', 'inbound_call_recording_channels'];
		for (const key of Object.keys(recording)) if (!allowed.includes(key)) return invalid(`/call_recording/${key}`, `${key} is not a call recording setting.`);
		if ('inbound_call_recording_enabled' in recording && typeof recording.inbound_call_recording_enabled !== 'boolean') return invalid('/call_recording/inbound_call_recording_enabled', 'must be a boolean.');
		if ('inbound_call_recording_format' in recording && !oneOf(recording.inbound_call_recording_format, ['wav', 'mp3'])) return invalid('/call_recording/inbound_call_recording_format', 'must be wav or mp3.');
		if ('inbound_call_recording_channels' in recording && !oneOf(recording.inbound_call_recording_channels, ['single', 'dual'])) return invalid('/call_recording/inbound_call_recording_channels', 'must be single or dual.');
	}
	if ('inbound_call_screening' in body && !oneOf(body.inbound_call_screening, ['disabled', 'reject_calls', 'flag_calls'])) return invalid('/inbound_call_screening', 'must be disabled, reject_calls or flag_calls.');
	if ('usage_payment_method' in body && !oneOf(body.usage_payment_method, ['pay-per-minute', 'channel'])) return invalid('/usage_payment_method', 'must be pay-per-minute or channel.');
	for (const key of ['caller_id_name_enabled', 'tech_prefix_enabled']) {
		if (key in body && typeof body[key] !== 'boolean') return invalid(`/${key}`, `${key} must be a boolean.`);
	}
	if ('translated_number' in body && typeof body.translated_number !== 'string') return invalid('/translated_number', 'translated_number must be a string.');
	for (const [key, value] of Object.entries(body)) {
		if (key === 'connection_id') continue;
		if (value && typeof value === 'object' && !Array.isArray(value)) voice[key] = { ...(voice[key] as object), ...(value as object) };
		else voice[key] = value;
	}
	// The number's own flags follow its voice settings.
	const forwardingNow = voice.call_forwarding as Record<string, unknown>;
	number.call_forwarding_enabled = forwardingNow.call_forwarding_enabled;
	number.cnam_listing_enabled = (voice.cnam_listing as Record<string, unknown>).cnam_listing_enabled;
	number.call_recording_enabled = (voice.call_recording as Record<string, unknown>).inbound_call_recording_enabled;
	number.caller_id_name_enabled = voice.caller_id_name_enabled;
	return json(200, { data: voice });
}

function updateMessaging(state: TelnyxState, number: TelnyxNumber, body: Record<string, unknown>): Reply {
	const messaging = state.messaging.get(number.id) as TelnyxRecord;
	for (const key of Object.keys(body)) if (!['messaging_profile_id', 'messaging_product', 'tags'].includes(key)) return invalid(`/${key}`, `${key} is not a messaging setting.`);
	const profile = body.messaging_profile_id;
	if (profile !== undefined && profile !== null && profile !== '') {
		if (typeof profile !== 'string' || !UUID.test(profile)) return invalid('/messaging_profile_id', 'messaging_profile_id must be a UUID.');
		if (!state.messagingProfiles.some((p) => p.id === profile)) return invalid('/messaging_profile_id', 'The messaging profile could not be found.');
	}
	if ('messaging_product' in body && (typeof body.messaging_product !== 'string' || !messaging.eligible_messaging_products || !(messaging.eligible_messaging_products as string[]).includes(body.messaging_product))) {
		return invalid('/messaging_product', `messaging_product must be one of ${(messaging.eligible_messaging_products as string[]).join(', ')}.`);
	}
	// null or absent keeps the profile; "" unassigns it; a UUID assigns it.
	if (profile === '') messaging.messaging_profile_id = null;
	else if (typeof profile === 'string') messaging.messaging_profile_id = profile;
	if (typeof body.messaging_product === 'string') {
		messaging.messaging_product = body.messaging_product;
		messaging.traffic_type = body.messaging_product;
	}
	if (Array.isArray(body.tags)) number.tags = body.tags as string[];
	messaging.updated_at = new Date().toISOString();
	number.messaging_profile_id = messaging.messaging_profile_id;
	const named = state.messagingProfiles.find((p) => p.id === messaging.messaging_profile_id);
	number.messaging_profile_name = named ? named.name : null;
	return json(200, { data: messaging });
}
