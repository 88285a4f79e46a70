import { basicAuth, json, type Ctx, type Reply } from '../http';
import type { RateLimiter } from '../rateLimit';
import { CALL_HANDLERS, MESSAGE_HANDLERS, type SignalWireData, type SignalWireNumber, type SignalWireScope } from './data';

export interface SignalWireState extends SignalWireData {
	/** POST/PUT/PATCH per second (GET and DELETE are effectively unlimited at SignalWire). */
	writeLimiter: RateLimiter;
	/** `links.next` as absolute URLs (SignalWire's usual form) or relative paths. */
	linkStyle: 'absolute' | 'relative';
	/** Largest page served, whatever is asked (SignalWire's is 1000); tests lower it to get many pages. */
	maxPageSize: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const METHODS = ['GET', 'POST'];
const URL_FIELDS = [
	'call_request_url', 'call_fallback_url', 'call_status_callback_url', 'call_relay_topic_status_callback_url',
	'call_relay_script_url', 'call_relay_context_status_callback_url', 'message_request_url', 'message_fallback_url',
];
const METHOD_FIELDS = [
	'call_request_method', 'call_fallback_method', 'call_status_callback_method', 'message_request_method', 'message_fallback_method',
];
const STRING_FIELDS = [
	'name', 'call_laml_application_id', 'call_dialogflow_agent_id', 'call_relay_topic', 'call_relay_application',
	'call_relay_connector_id', 'call_verto_resource', 'call_relay_context', 'message_laml_application_id',
	'message_relay_topic', 'message_relay_application', 'message_relay_context',
];
const UPDATE_FIELDS = new Set([
	...URL_FIELDS, ...METHOD_FIELDS, ...STRING_FIELDS,
	'call_handler', 'call_receive_mode', 'call_sip_endpoint_id', 'call_video_room_id', 'message_handler',
	'call_ai_agent_id', 'call_flow_id', 'call_flow_version',
]);

/** Which field a handler needs (and SignalWire refuses the handler without). */
const CALL_HANDLER_NEEDS: Record<string, string> = {
	laml_webhooks: 'call_request_url',
	laml_application: 'call_laml_application_id',
	dialogflow: 'call_dialogflow_agent_id',
	relay_topic: 'call_relay_topic',
	relay_script: 'call_relay_script_url',
	relay_application: 'call_relay_application',
	relay_connector: 'call_relay_connector_id',
	relay_sip_endpoint: 'call_sip_endpoint_id',
	relay_verto_endpoint: 'call_verto_resource',
	video_room: 'call_video_room_id',
	relay_context: 'call_relay_context',
	ai_agent: 'call_ai_agent_id',
	call_flow: 'call_flow_id',
};
const MESSAGE_HANDLER_NEEDS: Record<string, string> = {
	laml_webhooks: 'message_request_url',
	laml_application: 'message_laml_application_id',
	relay_topic: 'message_relay_topic',
	relay_application: 'message_relay_application',
	relay_context: 'message_relay_context',
};

/** `/api/relay/rest` errors: `{errors: [{detail, status, title, code}]}`, no `attribute` (its reference). */
function validationError(field: string, detail: string): Reply {
	return json(422, {
		errors: [{ code: 'invalid_parameter', detail: detail.includes(field) ? detail : `${field}: ${detail}`, status: '422', title: 'Invalid Parameter' }],
	});
}

/** Which scopes reach each API (SignalWire's token scopes; any one of them is enough). */
function scopesFor(path: string): SignalWireScope[] {
	if (path.startsWith('/api/relay/rest/phone_numbers')) return ['numbers'];
	if (path.startsWith('/api/relay/rest/endpoints/sip') || path.startsWith('/api/fabric/resources/sip_endpoints')) return ['voice'];
	if (path.startsWith('/api/laml/')) return ['voice', 'messaging', 'fax'];
	if (path.startsWith('/api/video/')) return ['video'];
	return ['voice', 'messaging', 'fax', 'video'];
}

/**
 * SignalWire's cursor pagination: `page_size` (1–1000), `page_number`, `page_token`, answered with
 * `links.self/first/next/prev`.
 */
function paginate<T>(ctx: Ctx, state: SignalWireState, all: T[], defaultSize = 50): Reply | { data: T[]; links: Record<string, string> } {
	const size = ctx.query.page_size === undefined ? defaultSize : Number(ctx.query.page_size);
	if (!Number.isInteger(size) || size < 1 || size > 1000) return validationError('page_size', 'page_size must be between 1 and 1000');
	const pageNumber = ctx.query.page_number === undefined ? 0 : Number(ctx.query.page_number);
	if (!Number.isInteger(pageNumber) || pageNumber < 0) return validationError('page_number', 'page_number must be a non-negative integer');
	if (pageNumber > 0 && !ctx.query.page_token) return validationError('page_token', 'page_token is required past the first page');
	const served = Math.min(size, state.maxPageSize);
	const start = pageNumber * served;
	const data = all.slice(start, start + served);
	const base = state.linkStyle === 'absolute' ? ctx.origin : '';
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(ctx.query)) {
		if (!['page_number', 'page_size', 'page_token'].includes(key)) params.set(key, value);
	}
	const link = (n: number) => {
		const p = new URLSearchParams(params);
		p.set('page_number', String(n));
		p.set('page_size', String(served));
		if (n > 0) p.set('page_token', `PA${Buffer.from(String(n * served)).toString('base64url')}`);
		return `${base}${ctx.path}?${p.toString()}`;
	};
	const links: Record<string, string> = { self: link(pageNumber), first: link(0) };
	if (start + served < all.length) links.next = link(pageNumber + 1);
	if (pageNumber > 0) links.prev = link(pageNumber - 1);
	return { data, links };
}

function listReply<T>(ctx: Ctx, state: SignalWireState, all: T[]): Reply {
	const page = paginate(ctx, state, all);
	return 'status' in page ? page : json(200, { links: page.links, data: page.data });
}

/** SignalWire's REST APIs under one space: Relay REST, Compatibility (LaML), Fabric, Video. */
export function handleSignalWire(ctx: Ctx, state: SignalWireState): Reply {
	const auth = basicAuth(ctx.headers);
	const scopes = auth && auth.user === state.projectId ? state.tokens[auth.password] : undefined;
	if (!scopes) return json(401, { error: 'Unauthorized' });
	// A token without the scope an API needs: SignalWire answers 401 (some APIs 403).
	if (!scopesFor(ctx.path).some((scope) => scopes.includes(scope))) {
		return ctx.path.startsWith('/api/fabric/') ? json(403, { errors: [{ type: 'forbidden', code: 'forbidden', message: 'Forbidden' }] }) : json(401, { error: 'Unauthorized' });
	}
	if (ctx.method !== 'GET' && ctx.method !== 'DELETE') {
		const rate = state.writeLimiter.take(state.projectId);
		if (!rate.allowed) {
			return json(
				429,
				{ errors: [{ code: 'rate_limit_exceeded', detail: 'Rate limit exceeded. Try again later.', status: '429', title: 'Too Many Requests' }] },
				{ 'Retry-After': String(Math.ceil(rate.resetMs / 1000)) },
			);
		}
	}
	const path = ctx.path;

	if (path === '/api/relay/rest/phone_numbers' && ctx.method === 'GET') {
		let numbers = state.numbers;
		const { filter_name: name, filter_number: number } = ctx.query;
		if (name) numbers = numbers.filter((n) => (n.name ?? '').toLowerCase().includes(name.toLowerCase()));
		if (number) numbers = numbers.filter((n) => n.number.includes(number.replace(/[^\d+]/g, '')));
		return listReply(ctx, state, numbers);
	}
	const numberMatch = /^\/api\/relay\/rest\/phone_numbers\/([^/]+)$/.exec(path);
	if (numberMatch) {
		const id = decodeURIComponent(numberMatch[1]);
		const number = UUID.test(id) ? state.numbers.find((n) => n.id === id) : undefined;
		if (!number) return json(404, { error: 'Not Found' });
		if (ctx.method === 'GET') return json(200, number);
		if (ctx.method === 'PUT') return update(ctx, state, number);
		return json(405, { error: 'Method Not Allowed' });
	}
	if (path === '/api/relay/rest/endpoints/sip' && ctx.method === 'GET') {
		// Deprecated in favour of /api/fabric/resources/sip_endpoints.
		return listReply(ctx, state, state.sipEndpoints);
	}
	if (path === '/api/fabric/resources/sip_endpoints' && ctx.method === 'GET') {
		return listReply(ctx, state, state.sipEndpoints.map((e) => ({
			id: e.id,
			project_id: state.projectId,
			display_name: e.username,
			type: 'sip_endpoint',
			sip_endpoint: { id: e.id, username: e.username, caller_id: e.caller_id },
		})));
	}
	if (path === '/api/fabric/resources/ai_agents' && ctx.method === 'GET') {
		return listReply(ctx, state, state.aiAgents.map((a) => ({
			id: a.id,
			project_id: state.projectId,
			display_name: a.name,
			type: 'ai_agent',
			ai_agent: { agent_id: a.agentId, name: a.name },
		})));
	}
	const lamlMatch = /^\/api\/laml\/2010-04-01\/Accounts\/([^/]+)\/Applications(\.json)?$/.exec(path);
	if (lamlMatch && ctx.method === 'GET') {
		if (decodeURIComponent(lamlMatch[1]) !== state.projectId) return json(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
		const size = Math.min(Math.max(Number(ctx.query.PageSize ?? 50) || 50, 1), state.maxPageSize);
		const page = Math.max(Number(ctx.query.Page ?? 0) || 0, 0);
		const applications = state.lamlApplications.slice(page * size, page * size + size).map((a) => ({
			sid: a.sid,
			account_sid: state.projectId,
			friendly_name: a.friendly_name,
			voice_url: a.voice_url,
			voice_method: 'POST',
		}));
		const uri = (n: number) => `${path}?Page=${n}&PageSize=${size}${n > 0 ? `&PageToken=PA${n * size}` : ''}`;
		return json(200, {
			uri: uri(page),
			first_page_uri: uri(0),
			next_page_uri: (page + 1) * size < state.lamlApplications.length ? uri(page + 1) : null,
			previous_page_uri: page > 0 ? uri(page - 1) : null,
			page,
			page_size: size,
			applications,
		});
	}
	if (path === '/api/fabric/resources/relay_applications' && ctx.method === 'GET') {
		return listReply(ctx, state, state.relayApplications.map((a) => ({
			id: a.id,
			project_id: state.projectId,
			display_name: a.name,
			type: 'relay_application',
			relay_application: { id: a.id, name: a.name, topic: a.topic },
		})));
	}
	if (path === '/api/fabric/resources/dialogflow_agents' && ctx.method === 'GET') {
		return listReply(ctx, state, state.dialogflowAgents.map((a) => ({
			id: a.id,
			project_id: state.projectId,
			display_name: a.display_name,
			type: 'dialogflow_agent',
			dialogflow_agent: { id: a.agentId, display_name: a.display_name },
		})));
	}
	if (path === '/api/video/rooms' && ctx.method === 'GET') {
		return listReply(ctx, state, state.videoRooms);
	}
	return json(404, { error: 'Not Found' });
}

function update(ctx: Ctx, state: SignalWireState, number: SignalWireNumber): Reply {
	const body = ctx.body;
	if (!body || typeof body !== 'object' || Array.isArray(body)) return validationError('body', 'Request body must be a JSON object');
	const input = body as Record<string, unknown>;
	for (const [key, value] of Object.entries(input)) {
		if (!UPDATE_FIELDS.has(key)) return validationError(key, `${key} is not a permitted parameter`);
		if (value === null) continue;
		if (typeof value !== 'string') return validationError(key, `${key} must be a string`);
		if (URL_FIELDS.includes(key) && value !== '' && !/^https?:\/\/[^\s/]+/i.test(value)) {
			return validationError(key, `${key} must be a valid http or https URL`);
		}
		if (METHOD_FIELDS.includes(key) && !METHODS.includes(value)) return validationError(key, `${key} must be GET or POST`);
		if (key === 'call_handler' && !(CALL_HANDLERS as readonly string[]).includes(value)) {
			return validationError(key, `call_handler must be one of ${CALL_HANDLERS.join(', ')}`);
		}
		if (key === 'message_handler' && !(MESSAGE_HANDLERS as readonly string[]).includes(value)) {
			return validationError(key, `message_handler must be one of ${MESSAGE_HANDLERS.join(', ')}`);
		}
		if (key === 'call_receive_mode' && !['voice', 'fax'].includes(value)) return validationError(key, 'call_receive_mode must be voice or fax');
		if ((key === 'call_sip_endpoint_id' || key === 'call_video_room_id') && !UUID.test(value)) {
			return validationError(key, `${key} must be a UUID`);
		}
	}
	const next = { ...number, ...input };
	const callNeeds = typeof input.call_handler === 'string' ? CALL_HANDLER_NEEDS[input.call_handler] : undefined;
	if (callNeeds && !next[callNeeds]) return validationError(callNeeds, `${callNeeds} is required when call_handler is ${String(input.call_handler)}`);
	const messageNeeds = typeof input.message_handler === 'string' ? MESSAGE_HANDLER_NEEDS[input.message_handler] : undefined;
	if (messageNeeds && !next[messageNeeds]) return validationError(messageNeeds, `${messageNeeds} is required when message_handler is ${String(input.message_handler)}`);
	if (typeof input.call_sip_endpoint_id === 'string' && !state.sipEndpoints.some((e) => e.id === input.call_sip_endpoint_id)) {
		return validationError('call_sip_endpoint_id', 'SIP endpoint not found');
	}
	Object.assign(number, input, { updated_at: new Date().toISOString() });
	if (input.call_handler === 'relay_sip_endpoint') number.calling_handler_resource_id = number.call_sip_endpoint_id;
	return json(200, number);
}
