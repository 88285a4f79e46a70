import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type INode,
	type ILoadOptionsFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { RequestPacer, WaitTooLongError } from './pacer';
import { AnswerTooLargeError, SecretMasker } from './secrets';
import type { ApiRequest, ApiResponse, ProviderProfile, RetryPolicy } from './types';
import { abortOnCancel, backoffMs, CancelledError, elapsed, ENDED, throttleWait, wait } from './waits';

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface ApiClientOptions {
	provider: ProviderProfile;
	credentialType: string;
	credentialName: string;
	/** Base URL the paths hang under, e.g. https://api.close.com/api/v1 */
	baseUrl: string;
	policy: RetryPolicy;
	/** Values that must never appear in an error or output (tokens, keys): masked in every form. */
	secrets?: string[];
	/** The HTTP Basic pair n8n sends, so that its base64 blob is masked too. */
	basicAuth?: { user: string; password: string };
	/** Shared by every request of one node run; one is made if not given. */
	pacer?: RequestPacer;
	/**
	 * OAuth 2 credentials: let n8n throw on HTTP errors, since n8n refreshes a token only on a
	 * thrown 401. Otherwise every answer is taken whole (status, headers, body): n8n 1.x drops
	 * the response from the errors it throws, and with it Retry-After.
	 */
	oauth2?: boolean;
}

/** The request options' defaults, in the units the editor shows (n8n's lint reads a default only as a literal or a name). */
export const DEFAULT_MAX_TRIES = 5;
export const DEFAULT_MAX_WAIT_SECONDS = 60;
export const DEFAULT_RETRY_DELAY_MS = 500;
export const DEFAULT_TIMEOUT_SECONDS = 30;

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxTries: DEFAULT_MAX_TRIES,
	maxWaitMs: DEFAULT_MAX_WAIT_SECONDS * 1000,
	baseDelayMs: DEFAULT_RETRY_DELAY_MS,
	timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000,
};

const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);
const NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'ECONNREFUSED',
	'EAI_AGAIN',
	'ERR_BAD_RESPONSE',
	'UND_ERR_SOCKET',
]);

interface Failure {
	status?: number;
	/** Where a 3xx pointed (its host only). */
	redirectHost?: string;
	headers?: Record<string, string | string[] | undefined>;
	body?: unknown;
	code?: string;
	message: string;
}

/**
 * One provider's API, as seen from one node run: every request goes through n8n's
 * `httpRequestWithAuthentication` (so the credential's own `authenticate` block and, for OAuth 2,
 * n8n's token refresh apply), is paced by the provider's rate-limit signals, retried when that is
 * safe (contract rule 5) and turned into a NodeApiError that keeps the provider's message.
 */
export class ApiClient {
	private currentPacer: RequestPacer;

	readonly masker: SecretMasker;

	constructor(
		private readonly ctx: RequestContext,
		readonly options: ApiClientOptions,
	) {
		this.currentPacer = options.pacer ?? new RequestPacer();
		this.masker = new SecretMasker(options.secrets ?? [], options.basicAuth);
	}

	get pacer(): RequestPacer {
		return this.currentPacer;
	}

	/** Paces every later request with `pacer` (the one its credential's runs share in this process). */
	paceWith(pacer: RequestPacer): void {
		this.currentPacer = pacer;
	}

	get node(): INode {
		return this.ctx.getNode();
	}

	get providerName(): string {
		return this.options.provider.displayName;
	}

	get origin(): string {
		return new URL(this.options.baseUrl).origin;
	}

	/** Where `path` goes on the provider's host (its URL path, version prefix included): what Dry Run shows. */
	pathOf(path: string): string {
		return new URL(`${this.options.baseUrl}${path}`).pathname;
	}

	async request<T = unknown>(request: ApiRequest): Promise<T> {
		return (await this.requestFull<T>(request)).body;
	}

	/**
	 * A request whose answer must be a JSON object (a number, a page). A 2xx with anything else is
	 * a clear error, not a crash further on; it is not sent again (it may have been carried out).
	 */
	async requestObject<T extends object = IDataObject>(request: ApiRequest): Promise<T> {
		const body = await this.request<unknown>(request);
		if (!isJsonObject(body)) this.failNotObject(request, body);
		return body as T;
	}

	/** Whether an answer is a JSON object (what a write's caller needs to output it). */
	static isObject(body: unknown): body is IDataObject {
		return isJsonObject(body);
	}

	async requestFull<T = unknown>(request: ApiRequest): Promise<ApiResponse<T>> {
		const { policy } = this.options;
		const url = this.resolveUrl(request);
		const idempotent = request.idempotent ?? request.method !== 'POST';
		const signal = this.cancelSignal();
		const masker = this.masker.with(request.writeOnly ?? []);
		// A request is paced, released and held by the one pacer it started with.
		const pacer = this.pacer;
		let waitedMs = 0;
		let last: Failure | undefined;

		for (let attempt = 1; attempt <= policy.maxTries; attempt++) {
			let sentAt: number | undefined;
			try {
				waitedMs += await pacer.acquire(signal, policy.maxWaitMs - waitedMs);
				sentAt = pacer.now();
			} catch (error) {
				if (error instanceof WaitTooLongError) {
					// Held by another item's 429 or a spent window, past what this one may wait.
					return this.fail(request, last ?? { status: 429, message: 'rate limit' }, masker, {
						waitedMs: waitedMs + error.waitedMs,
						gaveUpBecause: error.neededMs,
					});
				}
				throw this.cancelled(request, error);
			}
			let failure: Failure;
			// Aborted when the try times out or is over, or when the execution is cancelled.
			const tryTimeout = new AbortController();
			const unlink = abortOnCancel(tryTimeout, signal);
			const trySignal = tryTimeout.signal;
			let timedOut = false;
			const deadline = elapsed(policy.timeoutMs, tryTimeout.signal).then((ranOut) => {
				if (!ranOut) return;
				timedOut = true;
				tryTimeout.abort();
			});
			try {
				const sent = this.ctx.helpers.httpRequestWithAuthentication.call(
					withCancelSignal(this.ctx, trySignal),
					this.options.credentialType,
					this.httpOptions(request, url, trySignal),
				) as Promise<ApiResponse<T>>;
				sent.catch(() => undefined); // if the deadline wins, its late failure is not unhandled
				// The Timeout bounds the whole try, however slowly an answer trickles in.
				const response = await Promise.race([
					sent,
					deadline.then(() => {
						if (timedOut) throw new Error('timeout');
						return sent;
					}),
				]);
				pacer.release(response.headers, response.statusCode === 429, sentAt);
				if (response.statusCode >= 300) {
					failure = {
						status: response.statusCode,
						headers: response.headers,
						body: parseBody(response.body),
						redirectHost: redirectHost(response.statusCode, response.headers, url),
						message: `HTTP ${response.statusCode}`,
					};
				} else {
					const body = parseBody(response.body);
					if (request.method === 'GET' && typeof body === 'string' && body.trim() !== '') {
						// A read whose answer did not parse (cut short, a proxy's page): read again.
						failure = { status: response.statusCode, message: 'The answer was not valid JSON' };
					} else {
						// 2xx: carried out, whatever the body. Never sent again; callers check its shape.
						return { ...response, body: masker.maskDeep(body as T) };
					}
				}
			} catch (error) {
				// Carried out, but its answer cannot be output: no retry, a clear error.
				if (error instanceof AnswerTooLargeError) throw this.tooLarge(request, error);
				failure = toFailure(error, url);
				pacer.release(failure.headers, failure.status === 429, sentAt);
				if (signal?.aborted) throw this.cancelled(request, error);
				if (timedOut) {
					failure = { code: 'ETIMEDOUT', message: `no complete answer within ${policy.timeoutMs / 1000} s` };
				} else if (failure.status !== undefined && failure.status < 300) {
					// n8n threw on a 2xx (OAuth 2 mode, a body it could not read): it was carried out.
					return { statusCode: failure.status, headers: failure.headers ?? {}, body: masker.maskDeep(failure.body as T) };
				}
			} finally {
				// Ends the deadline's wait.
				unlink();
				tryTimeout.abort(ENDED);
				await deadline;
			}
			last = failure;

			let delay: number | undefined;
			if (failure.status === 429) {
				// Not carried out by the provider, so even a request that costs money may go again.
				const asked = throttleWait(failure.headers, failure.body);
				delay = pacer.throttled(asked?.ms ?? backoffMs(policy.baseDelayMs * 2, attempt), asked?.windowReset);
			} else if (
				idempotent &&
				(TRANSIENT_STATUS.has(failure.status ?? 0) ||
					(failure.status === undefined && isNetworkFailure(failure)) ||
					(failure.status !== undefined && failure.status < 300))
			) {
				delay = backoffMs(policy.baseDelayMs, attempt);
			}
			if (delay === undefined || attempt === policy.maxTries) break;
			if (waitedMs + delay > policy.maxWaitMs) {
				return this.fail(request, failure, masker, { waitedMs, gaveUpBecause: delay });
			}
			try {
				await wait(delay, signal);
			} catch (error) {
				throw this.cancelled(request, error);
			}
			waitedMs += delay;
		}
		return this.fail(request, last as Failure, masker, { waitedMs });
	}

	/** The error for a 2xx answer too large to output: it says whether the request was carried out. */
	private tooLarge(request: ApiRequest, error: AnswerTooLargeError): NodeApiError {
		const { displayName } = this.options.provider;
		return new NodeApiError(this.ctx.getNode(), { message: `${displayName} answered with ${error.message}`, httpCode: '' } as JsonObject, {
			message: `${displayName} answered ${request.method} ${this.where(request)} with ${error.message}: too large to output`,
			description:
				request.method === 'GET'
					? "Nothing was changed. No phone number answer is that large: check the credential's host, or try again later."
					: `${displayName} accepted the request (2xx): the change was applied and is not sent again; only its answer was too large to output.`,
			itemIndex: request.itemIndex,
		});
	}

	private cancelled(request: ApiRequest, error: unknown): NodeOperationError {
		if (error instanceof CancelledError || this.cancelSignal()?.aborted) {
			return new NodeOperationError(this.ctx.getNode(), 'The execution was cancelled', { itemIndex: request.itemIndex });
		}
		return new NodeOperationError(this.ctx.getNode(), this.masker.bounded(String((error as Error)?.message ?? error)), {
			itemIndex: request.itemIndex,
		});
	}

	private httpOptions(request: ApiRequest, url: string, abortSignal: AbortSignal): IHttpRequestOptions {
		const options: IHttpRequestOptions = {
			method: request.method,
			url,
			json: request.form ? false : true,
			returnFullResponse: true,
			// n8n's own timeout is an idle timeout (a trickling answer never trips it): the whole try
			// is bounded by `abortSignal` instead; this stays as a backstop.
			timeout: this.options.policy.timeoutMs,
			abortSignal,
			// Never follow a redirect: n8n would send the credential (and the body) to its target.
			disableFollowRedirect: true,
			headers: { Accept: 'application/json' },
			ignoreHttpStatusErrors: !this.options.oauth2,
		};
		if (request.qs && Object.keys(request.qs).length) options.qs = request.qs;
		if (request.body !== undefined) {
			if (request.form) {
				options.body = new URLSearchParams(formFields(request.body)).toString();
				options.headers = { ...options.headers, 'Content-Type': 'application/x-www-form-urlencoded' };
			} else {
				options.body = request.body;
			}
		}
		return options;
	}

	private resolveUrl(request: ApiRequest): string {
		if (request.url !== undefined) {
			// A URL from an answer (a "next" link) is followed only on the provider's own origin:
			// credentials are never sent anywhere else.
			const absolute = new URL(request.url, this.options.baseUrl);
			if (absolute.origin !== this.origin) {
				throw new NodeOperationError(
					this.ctx.getNode(),
					`${this.options.provider.displayName} answered with a link to another host (${absolute.host}); it was not followed`,
					{ itemIndex: request.itemIndex },
				);
			}
			return absolute.toString();
		}
		return `${this.options.baseUrl}${request.path ?? ''}`;
	}

	private cancelSignal(): AbortSignal | undefined {
		const ctx = this.ctx as Partial<IExecuteFunctions>;
		return typeof ctx.getExecutionCancelSignal === 'function'
			? ctx.getExecutionCancelSignal()
			: undefined;
	}

	private failNotObject(request: ApiRequest, body: unknown): never {
		const { provider } = this.options;
		const what = body === '' || body === undefined ? 'an empty body' : typeof body === 'string' ? 'a body that is not JSON' : `JSON ${describeJson(body)}`;
		const where = this.where(request);
		throw new NodeApiError(
			this.ctx.getNode(),
			{ message: `${provider.displayName} answered with ${what}`, httpCode: '' } as JsonObject,
			{
				message: `${provider.displayName} answered ${request.method} ${where} with ${what} where a JSON object was expected`,
				description:
					request.method === 'GET'
						? 'Nothing was changed. The answer did not come from the provider\'s API as documented: check the credential\'s host, or try again later.'
						: 'The provider accepted the request (2xx), so it was not sent again.',
				itemIndex: request.itemIndex,
			},
		);
	}

	private where(request: ApiRequest): string {
		const url = new URL(this.resolveUrl(request));
		return `${url.host}${url.pathname}`;
	}

	private fail(
		request: ApiRequest,
		failure: Failure,
		masker: SecretMasker,
		info: { waitedMs: number; gaveUpBecause?: number },
	): never {
		const { provider, credentialName } = this.options;
		const node = this.ctx.getNode();
		const where = this.where(request);
		const status = failure.status;
		const body = failure.body;
		const messages =
			typeof body === 'string' ? [body.trim()].filter(Boolean) : body && typeof body === 'object' ? provider.errorMessages(body as IDataObject) : [];
		// A password the error body itself names (a connection's SIP password) is masked wherever
		// else it shows; masked whole, then cut: a secret that straddles the cut must not show in part.
		masker = masker.withSecretsOf(body);
		const providerText = masker.bounded(messages.slice(0, 20).join('; '));
		const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

		let message: string;
		let description: string | undefined;
		if (status !== undefined && status < 300) {
			message = `${provider.displayName} answered ${status} with a body that is not valid JSON`;
			description = `Tried ${request.method} ${where} ${this.options.policy.maxTries} times${info.waitedMs ? `, waiting ${seconds(info.waitedMs)} in all` : ''}. The answer did not come from the provider's API as documented: check the credential's host, or try again later.`;
		} else if (status !== undefined && status >= 300 && status < 400) {
			// A host can carry a secret too (a key in a subdomain): it goes through the masker.
			const target = failure.redirectHost ? ` to ${masker.bounded(failure.redirectHost, 100)}` : '';
			message = `${provider.displayName} answered ${status}, a redirect${target}: it was not followed`;
			description = `${request.method} ${where} was redirected${target}. Redirects are never followed, so the credential and the request body stayed with ${provider.displayName}. Check the credential's host, region or space.`;
		} else if (status === undefined) {
			message = `${provider.displayName} could not be reached: ${masker.bounded(failure.message)}`;
			description = `Tried ${request.method} ${where} and gave up after ${seconds(info.waitedMs)} of waiting. Check the network, or raise the Max Tries / Timeout options.`;
		} else if (status === 429) {
			message = `${provider.displayName} rate limit reached${providerText ? `: ${providerText}` : ''}`;
			description =
				info.gaveUpBecause !== undefined
					? `Waited ${seconds(info.waitedMs)} in all; ${provider.displayName} asked for ${seconds(info.gaveUpBecause)} more, past the Max Wait option. Raise Max Wait or Max Tries, lower Concurrency, or run fewer items at once.`
					: `Waited ${seconds(info.waitedMs)} over the tries allowed. Raise Max Tries or Max Wait, lower Concurrency, or run fewer items at once.`;
		} else {
			message = providerText
				? `${provider.displayName} error ${status}: ${providerText}`
				: `${provider.displayName} answered ${status}`;
			description = provider.hint(status, {
				credentialName,
				where,
				resource: request.resource,
				body: failure.body,
				permission: request.permission,
			});
			if (TRANSIENT_STATUS.has(status) && info.gaveUpBecause !== undefined) {
				description = `${description ? `${description} ` : ''}Gave up after ${seconds(info.waitedMs)}: the next back-off (${seconds(info.gaveUpBecause)}) was past the Max Wait option.`;
			}
		}
		throw new NodeApiError(
			node,
			{ message, description: description ?? '', httpCode: status ? String(status) : '' } as JsonObject,
			{
				message,
				description: description ? masker.bounded(description, 1000) : description,
				httpCode: status ? String(status) : undefined,
				itemIndex: request.itemIndex,
			},
		);
	}
}

/**
 * The context as n8n's request helper sees it, with the signal of one try: n8n sets a request's
 * abort signal from the context's execution signal, so the try's own deadline (and the execution's
 * cancel, which `signal` includes) reaches the socket and a trickling answer is cut off.
 */
function withCancelSignal(ctx: RequestContext, signal: AbortSignal): RequestContext {
	if (!('getExecutionCancelSignal' in ctx)) return ctx;
	return Object.create(ctx, { getExecutionCancelSignal: { value: () => signal } }) as RequestContext;
}

function isJsonObject(body: unknown): body is IDataObject {
	return typeof body === 'object' && body !== null && !Array.isArray(body);
}

function describeJson(body: unknown): string {
	if (body === null) return 'null';
	if (Array.isArray(body)) return 'a list';
	return `a ${typeof body}`;
}

/** Form fields for a form-encoded body (Twilio): booleans and numbers as text, lists repeated. */
function formFields(body: IDataObject): Array<[string, string]> {
	const fields: Array<[string, string]> = [];
	for (const [key, value] of Object.entries(body)) {
		if (value === undefined) continue;
		for (const entry of Array.isArray(value) ? value : [value]) fields.push([key, entry === null ? '' : String(entry)]);
	}
	return fields;
}

function redirectHost(status: number, headers: Record<string, string | string[] | undefined> | undefined, base: string): string | undefined {
	if (status < 300 || status >= 400 || !headers) return undefined;
	const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === 'location')?.[1];
	const location = Array.isArray(entry) ? entry[0] : entry;
	if (!location) return undefined;
	try {
		return new URL(location, base).host.slice(0, 100);
	} catch {
		return undefined;
	}
}

function isNetworkFailure(failure: Failure): boolean {
	return (
		(failure.code !== undefined && NETWORK_CODES.has(failure.code)) ||
		/timeout|socket hang up|ECONNRESET|aborted/i.test(failure.message)
	);
}

function parseBody(data: unknown): unknown {
	if (data === undefined || data === null) return data;
	let text: string | undefined;
	if (typeof data === 'string') text = data;
	else if (data instanceof Uint8Array) text = new TextDecoder().decode(data);
	if (text === undefined) return data;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** What went wrong, out of whatever n8n threw (a NodeApiError around an AxiosError, or the AxiosError). */
function toFailure(error: unknown, url: string): Failure {
	const outer = error as {
		cause?: unknown;
		errorResponse?: unknown;
		context?: { data?: unknown };
		response?: unknown;
		httpCode?: string | null;
		code?: string;
		message?: string;
	};
	// n8n 2.x keeps the AxiosError as `cause`, n8n 1.x as `errorResponse`.
	const inner = (outer.cause ?? outer.errorResponse ?? {}) as {
		response?: unknown;
		code?: string;
		message?: string;
		cause?: { code?: string };
	};
	const response = (inner.response ?? outer.response) as
		| { status?: number; statusCode?: number; headers?: Record<string, string>; data?: unknown; body?: unknown }
		| undefined;
	const status =
		response?.status ??
		response?.statusCode ??
		(outer.httpCode && /^\d{3}$/.test(outer.httpCode) ? Number(outer.httpCode) : undefined);
	const message = inner.message ?? outer.message ?? 'Unknown error';
	return {
		redirectHost: status !== undefined ? redirectHost(status, response?.headers, url) : undefined,
		// n8n answers a 401 it could not fix by refreshing an OAuth token with "needs to be
		// reconnected" and no status: it is still the provider's 401.
		status: status ?? (/needs to be reconnected/i.test(message) ? 401 : undefined),
		headers: response?.headers,
		body: parseBody(response?.data ?? response?.body ?? outer.context?.data),
		code: inner.code ?? inner.cause?.code ?? outer.code,
		message,
	};
}
