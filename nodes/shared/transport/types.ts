import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

/** What differs between providers in how errors read and what to tell the user. */
export interface ProviderProfile {
	/** "Close", "SignalWire", "Synthflow": used in messages. */
	displayName: string;
	/** The provider's own error text(s) out of a JSON error body (text bodies are used as they are). */
	errorMessages(body: IDataObject): string[];
	/** What to check for a 401/403/404; `context` says which credential and what was asked for. */
	hint(status: number, context: HintContext): string | undefined;
}

export interface HintContext {
	/** Display name of the credential in use, e.g. "Close Phone Numbers API". */
	credentialName: string;
	/** Where the request went (host and path, never a query with secrets in it). */
	where: string;
	/** What the request was after, e.g. "phone number phon_123". */
	resource?: string;
	/** The provider's error body, for hints that depend on its error code. */
	body?: unknown;
	/** What the request needs beyond the basics, e.g. "the Voice scope": named by 401/403 hints. */
	permission?: string;
	/** The credential's region, where a provider's credentials belong to one (Twilio). */
	region?: string;
}

export interface RetryPolicy {
	/** Total tries per request, first one included. */
	maxTries: number;
	/** Upper bound of all waiting (backoff and rate limit) for one request, in ms. */
	maxWaitMs: number;
	/** First backoff step for 5xx / network failures, in ms (doubles each try, with jitter). */
	baseDelayMs: number;
	/** Per-try timeout, in ms. */
	timeoutMs: number;
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path under the client's base URL, its variable segments made with `pathSegment` from ./paths (checked, encoded). */
	path?: string;
	/** An absolute URL instead of `path` (e.g. a "next" link); must be on the client's origin. */
	url?: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Item the request is for: carried by every error. */
	itemIndex?: number;
	/** What is asked for, for 404 hints ("phone number +1…"). */
	resource?: string;
	/**
	 * Whether sending the same request twice is harmless. GET/PUT/PATCH/DELETE default to true;
	 * a request that costs money (rent, purchase) must say false: it is then retried only after a
	 * 429, which the provider did not carry out.
	 */
	idempotent?: boolean;
	/** What the request needs beyond the basics (a token scope), for the hint of a 401/403. */
	permission?: string;
	/** Write-only values sent in this request (a trunk password): masked in its errors and answer. */
	writeOnly?: string[];
	/** Send `body` form-encoded (Twilio) instead of as JSON. */
	form?: boolean;
}

export interface ApiResponse<T = unknown> {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: T;
}
