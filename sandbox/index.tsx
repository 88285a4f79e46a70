import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { CLOSE_KEYS, CLOSE_OAUTH_CLIENT, seedClose } from './close/data';
import { handleClose, issueToken, type CloseState } from './close/routes';
import { Faults, type Fault } from './faults';
import { json, readBody, send, type Ctx, type LoggedRequest, type Provider, type Reply } from './http';
import { RateLimiter, type RateModel } from './rateLimit';
import { SIGNALWIRE_PROJECT, seedSignalWire } from './signalwire/data';
import { handleSignalWire, type SignalWireState } from './signalwire/routes';
import { SYNTHFLOW_KEYS, SYNTHFLOW_WORKSPACES, seedSynthflow } from './synthflow/data';
import { handleSynthflow, type SynthflowState } from './synthflow/routes';
import { seedTelnyx, TELNYX_KEYS } from './telnyx/data';
import { handleTelnyx, type TelnyxState } from './telnyx/routes';
import { seedTwilio, TWILIO_ACCOUNT } from './twilio/data';
import { handleTwilio, type TwilioState } from './twilio/routes';
import { RETELL_KEYS, seedRetell } from './retell/data';
import { handleRetell, type RetellState } from './retell/routes';
import { seedVapi, VAPI_KEYS } from './vapi/data';
import { handleVapi, type VapiState } from './vapi/routes';

export { CLOSE_KEYS, CLOSE_OAUTH_CLIENT, RETELL_KEYS, SIGNALWIRE_PROJECT, SYNTHFLOW_KEYS, SYNTHFLOW_WORKSPACES, TELNYX_KEYS, TWILIO_ACCOUNT, VAPI_KEYS };
export type { Fault, FaultKind } from './faults';
export type { LoggedRequest, Provider } from './http';
export type { RateModel } from './rateLimit';

export interface SandboxOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Added before every answer, in ms. */
	latencyMs?: number;
	/** Requests per second per key; 0 = unlimited. Close also limits each organization to 3× this. */
	rateLimits?: { close?: number; synthflow?: number; signalwire?: number; twilio?: number; telnyx?: number; vapi?: number; retell?: number };
	/** Sizes of the seeded accounts. */
	seed?: { closeNumbers?: number; closeUsers?: number; synthflowNumbers?: number; signalwireNumbers?: number; twilioNumbers?: number; telnyxNumbers?: number; vapiNumbers?: number; retellNumbers?: number };
	/** Largest page Telnyx lists serve (default 250, as Telnyx). */
	telnyxMaxPageSize?: number;
	/**
	 * The largest `page[size]` a Telnyx list accepts, by path (`/messaging_profiles`: 100); past it the
	 * list answers 400. Telnyx: "endpoint references define default and maximum page sizes";
	 * `/phone_numbers` and `/connections` take 250, the others are UNVERIFIED (default: 250 for all).
	 */
	telnyxPageSizeLimits?: Record<string, number>;
	/** Telnyx answers an unassign (null or "" for connection_id / billing_group_id) 200 but keeps the value (default false; UNVERIFIED). */
	telnyxIgnoresUnassign?: boolean;
	/** Whether Telnyx's `/connections` lists Call Control and TeXML applications too (default false; UNVERIFIED at Telnyx). */
	telnyxConnectionsIncludeApplications?: boolean;
	/** Telnyx 429s with a `Retry-After` as well as `x-ratelimit-*` (default false; UNVERIFIED at Telnyx). */
	telnyxRetryAfter?: boolean;
	/** How Telnyx counts requests per key (default fixed windows). */
	telnyxRateModel?: RateModel;
	/** SignalWire `links.next` as absolute URLs (default) or relative paths. */
	signalwireLinks?: 'absolute' | 'relative';
	/** Largest page Synthflow lists serve (default 100). */
	synthflowMaxPageSize?: number;
	/** Largest page Twilio lists serve (default 1000, as Twilio). */
	twilioMaxPageSize?: number;
	/** Largest page SignalWire lists serve (default 1000, as SignalWire). */
	signalwireMaxPageSize?: number;
	/** Make every Close number a group number (the admin key may then update any of them). */
	closeAllGroupNumbers?: boolean;
	/** Lifetime of Close OAuth access tokens, in seconds. */
	closeAccessTokenTtl?: number;
	/** Close's `RateLimit` reset: fractions of a second (default) or whole seconds. */
	closeResetStyle?: 'fraction' | 'whole';
	/** How Close counts requests per key: fixed windows (default), a sliding window or a token bucket. */
	closeRateModel?: RateModel;
	/** false: Close sends no RateLimit header and a bare `Retry-After: 1` on 429 (header-less providers). */
	closeRateHeaders?: boolean;
}

export interface SandboxState {
	close: CloseState;
	synthflow: SynthflowState;
	signalwire: SignalWireState;
	twilio: TwilioState;
	telnyx: TelnyxState;
	vapi: VapiState;
	retell: RetellState;
}

export interface Sandbox {
	url: string;
	port: number;
	state: SandboxState;
	/** Every request received, oldest first (tests read and clear it). */
	requests: LoggedRequest[];
	faults: Faults;
	/** Forget the request log. */
	clearRequests(): void;
	/** Issue a Close OAuth token directly (tests skip the browser consent). */
	issueCloseToken(): { access_token: string; refresh_token: string; expires_in: number };
	stop(): Promise<void>;
}

const TELNYX_ROOTS = /^\/v2\/(phone_numbers|connections|call_control_applications|texml_applications|messaging_profiles|billing_groups)(\/|$)/;

function providerOf(path: string): Provider | undefined {
	if (path.startsWith('/api/v1/') || path.startsWith('/oauth2/')) return 'close';
	if (/^\/api\/(relay\/rest|laml|fabric|video)\//.test(path)) return 'signalwire';
	// Twilio: api.twilio.com's /2010-04-01 and, on the sandbox's one host, trunking.twilio.com as /trunking/v1.
	if (path.startsWith('/2010-04-01/') || path.startsWith('/trunking/v1/')) return 'twilio';
	// Telnyx and Synthflow both live under /v2 (on other hosts): Telnyx's resources have their own names.
	if (TELNYX_ROOTS.test(path)) return 'telnyx';
	// Vapi (api.vapi.ai) and Retell (api.retellai.com) on the sandbox's one host, by their own paths.
	if (/^\/(v2\/)?phone-number(\/|$)|^\/(assistant|squad)$/.test(path)) return 'vapi';
	if (/^\/(get|update)-phone-number\/|^\/v2\/list-(phone-numbers|agents)$/.test(path)) return 'retell';
	if (path.startsWith('/v2/')) return 'synthflow';
	return undefined;
}

function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Starts the sandbox: one HTTP server on 127.0.0.1 standing in for Close, Synthflow, SignalWire, Twilio and Telnyx. */
export async function start(options: SandboxOptions = {}): Promise<Sandbox> {
	const rate = options.rateLimits ?? {};
	const closePerSecond = rate.close ?? 20;
	const state: SandboxState = {
		close: {
			...seedClose({ numbers: options.seed?.closeNumbers, users: options.seed?.closeUsers }),
			tokens: [],
			codes: new Map(),
			accessTokenTtl: options.closeAccessTokenTtl ?? 3600,
			keyLimiter: new RateLimiter(closePerSecond, 1000, options.closeRateModel ?? 'fixed'),
			resetStyle: options.closeResetStyle ?? 'fraction',
			rateHeaders: options.closeRateHeaders ?? true,
			orgLimiter: new RateLimiter(closePerSecond > 0 ? closePerSecond * 3 : 0),
		},
		synthflow: {
			...seedSynthflow({ numbers: options.seed?.synthflowNumbers }),
			limiter: new RateLimiter(rate.synthflow ?? 0),
			maxPageSize: options.synthflowMaxPageSize ?? 100,
		},
		signalwire: {
			...seedSignalWire({ numbers: options.seed?.signalwireNumbers }),
			// 13,800 writes per 10 s per space.
			writeLimiter: new RateLimiter(rate.signalwire ?? 1380),
			linkStyle: options.signalwireLinks ?? 'absolute',
			maxPageSize: options.signalwireMaxPageSize ?? 1000,
		},
		twilio: {
			...seedTwilio({ numbers: options.seed?.twilioNumbers }),
			// Twilio limits concurrency rather than a published rate; 0 = unlimited here by default.
			limiter: new RateLimiter(rate.twilio ?? 0),
			maxPageSize: options.twilioMaxPageSize ?? 1000,
		},
		telnyx: {
			...seedTelnyx({ numbers: options.seed?.telnyxNumbers }),
			// Telnyx publishes no figure; 0 = unlimited (and no x-ratelimit-* headers) unless a test sets one.
			limiter: new RateLimiter(rate.telnyx ?? 0, 1000, options.telnyxRateModel ?? 'fixed'),
			maxPageSize: options.telnyxMaxPageSize ?? 250,
			pageSizeLimits: options.telnyxPageSizeLimits ?? {},
			ignoresUnassign: options.telnyxIgnoresUnassign ?? false,
			connectionsIncludeApplications: options.telnyxConnectionsIncludeApplications ?? false,
			retryAfter: options.telnyxRetryAfter ?? false,
		},
		// Neither publishes a limit; 0 = unlimited unless a test sets one.
		vapi: { ...seedVapi({ numbers: options.seed?.vapiNumbers }), limiter: new RateLimiter(rate.vapi ?? 0) },
		retell: { ...seedRetell({ numbers: options.seed?.retellNumbers }), limiter: new RateLimiter(rate.retell ?? 0) },
	};
	if (options.closeAllGroupNumbers) {
		for (const number of state.close.phoneNumbers) {
			number.is_group_number = true;
			number.user_id = null;
		}
	}
	const requests: LoggedRequest[] = [];
	const faults = new Faults();
	const latencyMs = options.latencyMs ?? 0;

	const route = (provider: Provider, ctx: Ctx): Reply =>
		provider === 'close'
			? handleClose(ctx, state.close)
			: provider === 'synthflow'
				? handleSynthflow(ctx, state.synthflow)
				: provider === 'twilio'
					? handleTwilio(ctx, state.twilio)
					: provider === 'telnyx'
						? handleTelnyx(ctx, state.telnyx)
						: provider === 'vapi'
							? handleVapi(ctx, state.vapi)
							: provider === 'retell'
								? handleRetell(ctx, state.retell)
								: handleSignalWire(ctx, state.signalwire);
	let port = 0;

	const handle = async (req: IncomingMessage, res: ServerResponse) => {
		const rawBody = await readBody(req);
		const url = new URL(req.url ?? '/', 'http://sandbox.local');
		const headers: Record<string, string> = {};
		for (const [key, value] of Object.entries(req.headers)) {
			headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : (value ?? '');
		}
		let body: unknown = undefined;
		if (rawBody) {
			try {
				body = JSON.parse(rawBody);
			} catch {
				body = rawBody;
			}
		}
		const method = (req.method ?? 'GET').toUpperCase();
		const path = url.pathname;
		const provider = providerOf(path);
		const entry: LoggedRequest = {
			provider: provider ?? ('unknown' as Provider),
			method,
			path,
			query: Object.fromEntries(url.searchParams),
			headers,
			body,
			rawBody,
			at: Date.now(),
		};
		requests.push(entry);

		if (latencyMs > 0) await delay(latencyMs);
		let reply: Reply;
		if (path === '/stolen' || path.startsWith('/stolen/')) {
			// The "other host" a redirect fault points at: whatever arrives here has leaked.
			entry.provider = 'elsewhere' as Provider;
			reply = json(200, { data: [], stolen: true });
		} else if (!provider) {
			reply = json(404, { error: 'Not Found' });
		} else {
			const fault = faults.take(provider, method, path, req.url ?? path);
			if (fault?.kind === 'reset') {
				entry.status = 0;
				req.socket.destroy();
				return;
			}
			if (fault?.kind === 'hang') {
				entry.status = -1;
				return; // never answered; the socket is closed on stop
			}
			if (fault?.kind === 'latency') await delay(fault.latencyMs ?? 1000);
			if (fault?.kind === 'trickle') {
				const full = route(provider, ctxOf(entry, req));
				entry.status = full.status;
				await trickle(res, full, fault.latencyMs ?? 400);
				entry.doneAt = Date.now();
				return;
			}
			const ctx = ctxOf(entry, req);
			reply = fault ? hostile(fault, provider, ctx, port) ?? route(provider, ctx) : route(provider, ctx);
		}
		entry.status = reply.status;
		entry.doneAt = Date.now();
		send(res, reply);
	};

	const server = createServer((req, res) => {
		handle(req, res).catch((error: Error) => {
			if (!res.headersSent) send(res, json(500, { error: `Sandbox error: ${error.message}` }));
		});
	});
	server.keepAliveTimeout = 5000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	port = (server.address() as AddressInfo).port;

	return {
		url: `http://127.0.0.1:${port}`,
		port,
		state,
		requests,
		faults,
		clearRequests: () => {
			requests.length = 0;
		},
		issueCloseToken: () => {
			const key = state.close.apiKeys[0];
			return issueToken(state.close, key.userId, key.organizationId);
		},
		stop: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

function ctxOf(entry: LoggedRequest, req: IncomingMessage): Ctx {
	return {
		req,
		method: entry.method,
		path: entry.path,
		query: entry.query,
		headers: entry.headers,
		body: entry.body,
		rawBody: entry.rawBody,
		origin: `http://${entry.headers.host ?? '127.0.0.1'}`,
	};
}

/** The answer a fault puts in place of the real one; undefined: handle the request normally. */
function hostile(fault: Fault, provider: Provider, ctx: Ctx, port: number): Reply | undefined {
	switch (fault.kind) {
		case 'status':
			return { status: fault.status ?? 500, body: fault.body ?? defaultFaultBody(provider, fault.status ?? 500), headers: fault.headers };
		case 'malformed':
			return { status: 200, raw: '{"data": [ this is not json', headers: fault.headers };
		case 'redirect':
			return {
				status: fault.status ?? 302,
				raw: '',
				headers: { location: fault.location ?? `http://localhost:${port}/stolen${ctx.path}`, ...fault.headers },
			};
		case 'echo': {
			const authorization = ctx.headers.authorization ?? '';
			const blob = authorization.replace(/^(Basic|Bearer)\s+/i, '');
			let decoded = '';
			try {
				decoded = Buffer.from(blob, 'base64').toString('utf8');
			} catch {
				decoded = '';
			}
			// A badly written API that quotes the request back: every form a secret may take.
			const text = `Bad request. Authorization: ${authorization} (${decoded}); key=${encodeURIComponent(blob)}; body: ${ctx.rawBody}`;
			const padded = `${'x'.repeat(280)} ${text}`; // straddles a 300-character cut
			const status = fault.status ?? 400;
			const body =
				provider === 'close'
					? { error: padded, 'field-errors': { label: text } }
					: provider === 'synthflow'
						? { detail: padded, echo: ctx.body }
						: provider === 'twilio'
							? { code: 20001, message: padded, more_info: 'https://www.twilio.com/docs/errors/20001', status }
							: provider === 'telnyx'
								? { errors: [{ code: '10015', title: 'Echo', detail: padded, source: { pointer: '/echo' } }] }
								: { errors: [{ detail: padded, status: String(status), title: 'Echo', code: 'echo' }] };
			return { status, body };
		}
		case 'body':
			return { status: fault.status ?? 200, raw: fault.raw ?? '', headers: { 'content-type': 'application/json', ...fault.headers } };
		case 'huge': {
			const filler = 'E'.repeat(fault.bytes ?? 5_000_000);
			const body =
				provider === 'synthflow'
					? { detail: filler }
					: provider === 'signalwire' || provider === 'telnyx'
						? { errors: [{ detail: filler }] }
						: provider === 'twilio'
							? { code: 20500, message: filler, status: fault.status ?? 500 }
							: { error: filler };
			return { status: fault.status ?? 500, body };
		}
		case 'endless':
			if (provider === 'close') return json(200, { data: [], has_more: true });
			if (provider === 'signalwire') return json(200, { data: [{ id: 'loop', name: 'loop', number: '+15550000000' }], links: { self: ctx.req.url, next: `${ctx.origin}${ctx.req.url}` } });
			// Telnyx: a first page that claims a billion pages and always calls itself page 1.
			if (provider === 'telnyx') return json(200, { data: [{ id: '1', record_type: 'phone_number', phone_number: '+15550000000', connection_name: 'loop', id_loop: true }], meta: { page_number: 1, page_size: 1, total_pages: 1e9, total_results: 1e9 } });
			if (provider === 'twilio') return json(200, { incoming_phone_numbers: [{ sid: 'PN00000000000000000000000000000000', phone_number: '+15550000000' }], next_page_uri: ctx.req.url, page: 0, page_size: 50 });
			// Vapi: a page that always calls itself page 1 of a billion; Retell: a key that never changes.
			if (provider === 'vapi') return json(200, { results: [{ id: '00000000-0000-4000-8000-000000000000', number: '+15550000000' }], metadata: { currentPage: 1, totalPages: 1e9, hasNextPage: true } });
			if (provider === 'retell') return json(200, { items: [{ phone_number: '+15550000000' }], has_more: true, pagination_key: 'loop' });
			return json(200, { status: 'ok', response: { pagination: { total_records: 1e9, limit: 20, offset: 0 }, phone_numbers: [] } });
		default:
			return undefined;
	}
}

/** Sends a reply one byte at a time, `everyMs` apart (an answer that trickles in). */
async function trickle(res: ServerResponse, reply: Reply, everyMs: number): Promise<void> {
	const text = reply.raw ?? JSON.stringify(reply.body ?? {});
	res.writeHead(reply.status, { 'content-type': 'application/json', ...(reply.headers ?? {}) });
	for (const char of text) {
		if (res.destroyed) return;
		res.write(char);
		await delay(everyMs);
	}
	res.end();
}

function defaultFaultBody(provider: Provider, status: number): unknown {
	const text = status >= 500 ? 'Internal Server Error' : 'Error';
	if (provider === 'signalwire') return { error: text };
	if (provider === 'synthflow') return { detail: text };
	if (provider === 'telnyx') return { errors: [{ code: status === 429 ? '10011' : '10007', title: status === 429 ? 'Too many requests' : text, detail: text }] };
	if (provider === 'twilio') return { code: status === 429 ? 20429 : 20500, message: text, more_info: 'https://www.twilio.com/docs/errors/20500', status };
	if (provider === 'vapi') return { statusCode: status, message: text, error: text };
	if (provider === 'retell') return { status: 'error', message: text };
	return { error: text };
}
