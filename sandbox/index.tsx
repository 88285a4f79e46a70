import { appendFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Faults, type Fault } from './faults';
import { json, readBody, send, type Ctx, type LoggedRequest, type Reply } from './http';
import { providerOf, sandboxProviders, type SandboxOptions, type SandboxProvider, type SandboxStates } from './registry';

export type { Fault, FaultKind } from './faults';
export type { LoggedRequest, Provider } from './http';
export type { RateModel } from './rateLimit';
export type { SandboxOptions, SandboxStates as SandboxState } from './registry';
export { allSandboxCredentials, referenceProvider, sandboxProvider, sandboxProviders } from './registry';

export interface Sandbox {
	url: string;
	port: number;
	/** Each provider's state by its name (`state.close.phoneNumbers`). */
	state: SandboxStates;
	/** Every request received, oldest first (tests read and clear it). */
	requests: LoggedRequest[];
	faults: Faults;
	/** Forget the request log. */
	clearRequests(): void;
	/** CPU time this process spent building and serializing the sandbox's answers, in ms. */
	answeringCpuMs(): number;
	stop(): Promise<void>;
}

/**
 * `SANDBOX_RECORD=<file>`: every request, as sent, appended to `file` (one JSON line each), so that
 * a refactoring can show every request is byte-for-byte what it was (scripts/compare-requests.tsx).
 * Ports vary between runs and are left out; the rest is kept as it arrived.
 */
const RECORD_TO = process.env.SANDBOX_RECORD;

function record(entry: LoggedRequest): void {
	const { method, path, query, rawBody } = entry;
	const headers = { authorization: entry.headers.authorization, 'content-type': entry.headers['content-type'], accept: entry.headers.accept };
	appendFileSync(RECORD_TO as string, `${JSON.stringify({ method, path, query, headers, rawBody })}\n`);
}

const COMMON_OPTIONS = new Set(['port', 'latencyMs', 'rateLimits', 'seed']);

/** A misspelt option would silently test the default: refuse what no provider declares. */
function checkOptions(options: SandboxOptions, providers: readonly SandboxProvider[]): void {
	const known = new Set([...COMMON_OPTIONS, ...providers.flatMap((p) => p.options)]);
	const unknown = Object.keys(options).filter((key) => !known.has(key));
	if (unknown.length) throw new Error(`Unknown sandbox option(s): ${unknown.join(', ')}`);
	const names = new Set(providers.map((p) => p.name));
	const badRates = Object.keys(options.rateLimits ?? {}).filter((name) => !names.has(name));
	if (badRates.length) throw new Error(`rateLimits for unknown provider(s): ${badRates.join(', ')}`);
}

function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Starts the sandbox: one HTTP server on 127.0.0.1 standing in for every registered provider. */
export async function start(options: SandboxOptions = {}): Promise<Sandbox> {
	const providers = sandboxProviders();
	checkOptions(options, providers);
	const states: Record<string, unknown> = {};
	for (const provider of providers) states[provider.name] = provider.start(options);
	const state = states as unknown as SandboxStates;
	const requests: LoggedRequest[] = [];
	const faults = new Faults();
	const latencyMs = options.latencyMs ?? 0;

	const route = (provider: SandboxProvider, ctx: Ctx): Reply => provider.handle(ctx, states[provider.name]);
	let port = 0;
	/** CPU (µs) spent building and serializing answers: a benchmark running the sandbox in its own process subtracts it. */
	let answering = 0;

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
			provider: provider?.name ?? 'unknown',
			method,
			path,
			query: Object.fromEntries(url.searchParams),
			headers,
			body,
			rawBody,
			at: Date.now(),
		};
		requests.push(entry);
		if (RECORD_TO) record(entry);

		if (latencyMs > 0) await delay(latencyMs);
		let reply: Reply;
		if (path === '/stolen' || path.startsWith('/stolen/')) {
			// The "other host" a redirect fault points at: whatever arrives here has leaked.
			entry.provider = 'elsewhere';
			reply = json(200, { data: [], stolen: true });
		} else if (!provider) {
			reply = json(404, { error: 'Not Found' });
		} else {
			const fault = faults.take(provider.name, method, path, req.url ?? path);
			if (fault?.kind === 'reset') {
				entry.status = 0;
				req.socket.destroy();
				return;
			}
			if (fault?.kind === 'hang') {
				entry.status = -1;
				// The client gave up on it (its Timeout, a cancelled execution) and ended the connection: when, for tests of what reaches the socket.
				req.socket.once('end', () => (entry.abandonedAt ??= Date.now()));
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
			const routing = process.cpuUsage();
			reply = fault ? hostile(fault, provider, ctx, port) ?? route(provider, ctx) : route(provider, ctx);
			const routed = process.cpuUsage(routing);
			answering += routed.user + routed.system;
		}
		entry.status = reply.status;
		entry.doneAt = Date.now();
		const sending = process.cpuUsage();
		send(res, reply);
		const spent = process.cpuUsage(sending);
		answering += spent.user + spent.system;
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
		answeringCpuMs: () => answering / 1000,
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
function hostile(fault: Fault, provider: SandboxProvider, ctx: Ctx, port: number): Reply | undefined {
	switch (fault.kind) {
		case 'status': {
			const status = fault.status ?? 500;
			return { status, body: fault.body ?? provider.errorBody(status, status >= 500 ? 'Internal Server Error' : 'Error'), headers: fault.headers };
		}
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
			return { status, body: provider.echoBody(padded, text, ctx, status) };
		}
		case 'body':
			return { status: fault.status ?? 200, raw: fault.raw ?? '', headers: { 'content-type': 'application/json', ...fault.headers } };
		case 'huge': {
			const status = fault.status ?? 500;
			return { status, body: provider.hugeBody('E'.repeat(fault.bytes ?? 5_000_000), status) };
		}
		case 'endless':
			return provider.endlessPage(ctx);
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
