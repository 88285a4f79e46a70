import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { RequestPacer } from './pacer';
import type { ApiRequest, ApiResponse, ProviderProfile, RetryPolicy } from './types';
import { backoffMs, throttleWaitMs, wait } from './waits';

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface ApiClientOptions {
	provider: ProviderProfile;
	credentialType: string;
	credentialName: string;
	/** Base URL the paths hang under, e.g. https://api.close.com/api/v1 */
	baseUrl: string;
	policy: RetryPolicy;
	/** Values that must never appear in an error (tokens, keys): masked if a provider echoes them. */
	secrets?: string[];
	/** Shared by every request of one node run; one is made if not given. */
	pacer?: RequestPacer;
	/**
	 * OAuth 2 credentials: let n8n throw on HTTP errors, since n8n refreshes a token only on a
	 * thrown 401. Otherwise every answer is taken whole (status, headers, body): n8n 1.x drops
	 * the response from the errors it throws, and with it Retry-After.
	 */
	oauth2?: boolean;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxTries: 5,
	maxWaitMs: 60_000,
	baseDelayMs: 500,
	timeoutMs: 30_000,
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
	readonly pacer: RequestPacer;

	constructor(
		private readonly ctx: RequestContext,
		readonly options: ApiClientOptions,
	) {
		this.pacer = options.pacer ?? new RequestPacer();
	}

	get origin(): string {
		return new URL(this.options.baseUrl).origin;
	}

	async request<T = unknown>(request: ApiRequest): Promise<T> {
		return (await this.requestFull<T>(request)).body;
	}

	async requestFull<T = unknown>(request: ApiRequest): Promise<ApiResponse<T>> {
		const { policy } = this.options;
		const url = this.resolveUrl(request);
		const idempotent = request.idempotent ?? request.method !== 'POST';
		const signal = this.cancelSignal();
		let waitedMs = 0;
		let last: Failure | undefined;

		for (let attempt = 1; attempt <= policy.maxTries; attempt++) {
			await this.pacer.acquire(signal);
			let failure: Failure;
			try {
				const response = (await this.ctx.helpers.httpRequestWithAuthentication.call(
					this.ctx,
					this.options.credentialType,
					this.httpOptions(request, url),
				)) as ApiResponse<T>;
				this.pacer.release(response.headers);
				if (response.statusCode >= 400) {
					failure = {
						status: response.statusCode,
						headers: response.headers,
						body: parseBody(response.body),
						message: `HTTP ${response.statusCode}`,
					};
				} else if (isMalformed(response.body, request.method)) {
					failure = { status: response.statusCode, message: 'The answer was not valid JSON' };
					if (!idempotent) return response; // it was carried out: never send it again
				} else {
					return response;
				}
			} catch (error) {
				failure = toFailure(error);
				this.pacer.release(failure.headers);
				if (signal?.aborted || failure.code === 'ERR_CANCELED') {
					throw new NodeOperationError(this.ctx.getNode(), 'The execution was cancelled', {
						itemIndex: request.itemIndex,
					});
				}
			}
			last = failure;

			let delay: number | undefined;
			if (failure.status === 429) {
				// Not carried out by the provider, so even a request that costs money may go again.
				delay = throttleWaitMs(failure.headers, failure.body) ?? backoffMs(policy.baseDelayMs * 2, attempt);
				this.pacer.block(delay);
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
				return this.fail(request, failure, { waitedMs, gaveUpBecause: delay });
			}
			await wait(delay, signal);
			waitedMs += delay;
		}
		return this.fail(request, last as Failure, { waitedMs });
	}

	private httpOptions(request: ApiRequest, url: string): IHttpRequestOptions {
		const options: IHttpRequestOptions = {
			method: request.method,
			url,
			json: true,
			returnFullResponse: true,
			timeout: this.options.policy.timeoutMs,
			headers: { Accept: 'application/json' },
			ignoreHttpStatusErrors: !this.options.oauth2,
		};
		if (request.qs && Object.keys(request.qs).length) options.qs = request.qs;
		if (request.body !== undefined) options.body = request.body;
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

	private fail(
		request: ApiRequest,
		failure: Failure,
		info: { waitedMs: number; gaveUpBecause?: number },
	): never {
		const { provider, credentialName } = this.options;
		const node = this.ctx.getNode();
		const where = `${new URL(this.resolveUrl(request)).host}${new URL(this.resolveUrl(request)).pathname}`;
		const status = failure.status;
		const messages = failure.body !== undefined ? provider.errorMessages(failure.body) : [];
		const providerText = this.mask(messages.join('; '));

		let message: string;
		let description: string | undefined;
		if (status !== undefined && status < 400) {
			message = `${provider.displayName} answered ${status} with a body that is not valid JSON`;
			description = `Tried ${request.method} ${where} ${info.waitedMs ? `and waited ${(info.waitedMs / 1000).toFixed(1)} s between tries` : ''}. Raise Max Tries if this is passing.`;
		} else if (status === undefined) {
			message = `${provider.displayName} could not be reached: ${this.mask(failure.message)}`;
			description = `Tried ${request.method} ${where} and gave up after ${(info.waitedMs / 1000).toFixed(1)} s of waiting. Check the network, or raise the Max Tries / Timeout options.`;
		} else if (status === 429) {
			message = `${provider.displayName} rate limit reached${providerText ? `: ${providerText}` : ''}`;
			description =
				info.gaveUpBecause !== undefined
					? `Waited ${(info.waitedMs / 1000).toFixed(1)} s in all; ${provider.displayName} asked for ${(info.gaveUpBecause / 1000).toFixed(1)} s more, past the Max Wait option. Raise Max Wait or Max Tries, lower Concurrency, or run fewer items at once.`
					: `Waited ${(info.waitedMs / 1000).toFixed(1)} s over the tries allowed. Raise Max Tries or Max Wait, lower Concurrency, or run fewer items at once.`;
		} else {
			message = providerText
				? `${provider.displayName} error ${status}: ${providerText}`
				: `${provider.displayName} answered ${status}${failure.message ? ` (${this.mask(failure.message)})` : ''}`;
			description = provider.hint(status, {
				credentialName,
				where,
				resource: request.resource,
			});
		}
		throw new NodeApiError(
			node,
			{ message, description: description ?? '', httpCode: status ? String(status) : '' } as JsonObject,
			{
				message,
				description,
				httpCode: status ? String(status) : undefined,
				itemIndex: request.itemIndex,
			},
		);
	}

	private mask(text: string): string {
		let masked = text;
		for (const secret of this.options.secrets ?? []) {
			if (secret && secret.length >= 4) masked = masked.split(secret).join('****');
		}
		return masked;
	}
}

function isMalformed(body: unknown, method: string): boolean {
	// n8n hands back the raw text when a JSON answer does not parse.
	if (method === 'DELETE' && (body === '' || body === undefined)) return false;
	return typeof body === 'string' && body.trim() !== '';
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
function toFailure(error: unknown): Failure {
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
		// n8n answers a 401 it could not fix by refreshing an OAuth token with "needs to be
		// reconnected" and no status: it is still the provider's 401.
		status: status ?? (/needs to be reconnected/i.test(message) ? 401 : undefined),
		headers: response?.headers,
		body: parseBody(response?.data ?? response?.body ?? outer.context?.data),
		code: inner.code ?? inner.cause?.code ?? outer.code,
		message,
	};
}
