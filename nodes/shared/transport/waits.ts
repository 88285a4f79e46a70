import { sleep } from 'n8n-workflow';

type Headers = Record<string, string | string[] | undefined>;

/** The first value of the header `name` (lowercase), whatever case the answer gave it: the first of a name wins. */
function header(headers: Headers | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	for (const key of Object.keys(headers)) {
		if (key.length === name.length && key.toLowerCase() === name) return first(headers[key]);
	}
	return undefined;
}

function first(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

/** Longer than this is not a wait a provider means: such a signal is ignored (back-off applies). */
export const ABSURD_WAIT_MS = 24 * 3600 * 1000;

/** Seconds (fractions allowed) as ms; negative, absurd or unparsable values give undefined. */
function secondsMs(raw: unknown): number | undefined {
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
	const ms = Math.ceil(Number(text) * 1000);
	return ms <= ABSURD_WAIT_MS ? ms : undefined;
}

/** `Retry-After` as seconds or an HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`), in ms. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
	const value = header(headers, 'retry-after')?.trim();
	if (!value) return undefined;
	if (/^[\d.]+$/.test(value)) return secondsMs(value);
	// Only a real HTTP date: Date.parse also takes "-5" or "2" as years.
	if (!/^[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(value)) return undefined;
	const date = Date.parse(value);
	if (Number.isNaN(date)) return undefined;
	const ms = Math.max(0, date - now);
	return ms <= ABSURD_WAIT_MS ? ms : undefined;
}

export interface RateLimitState {
	limit?: number;
	remaining?: number;
	/** ms until the window resets */
	resetMs?: number;
}

/**
 * Close's `RateLimit: limit=100, remaining=99, reset=1` (reset in seconds: Close's own client reads
 * whole seconds, fractions are honoured when sent, UNVERIFIED which real Close sends), the IETF
 * draft's separate `RateLimit-*` headers and Telnyx's `x-ratelimit-*`. Values that are negative,
 * absurd or not numbers are ignored; without both `remaining` and `reset` nothing is reported.
 */
export function rateLimitState(headers: Headers | undefined): RateLimitState | undefined {
	const state = parseRateLimit(headers);
	return state.remaining === undefined || state.resetMs === undefined ? undefined : state;
}

/**
 * The rate-limit headers, in the order they are read: where several are sent, the later valid value
 * wins (Telnyx's `x-ratelimit-*` over the IETF draft's `RateLimit-*` over a combined `RateLimit`).
 */
const RATE_LIMIT_HEADERS: Array<[name: string, field: string]> = [
	['ratelimit', ''],
	['ratelimit-limit', 'limit'],
	['ratelimit-remaining', 'remaining'],
	['ratelimit-reset', 'reset'],
	['x-ratelimit-limit', 'limit'],
	['x-ratelimit-remaining', 'remaining'],
	['x-ratelimit-reset', 'reset'],
];
const RATE_LIMIT_HEADER_INDEX = new Map(RATE_LIMIT_HEADERS.map(([name], index) => [name, index]));

/** Read from every answer: one pass over its headers, the first of a name winning whatever its case. */
function parseRateLimit(headers: Headers | undefined): RateLimitState {
	const state: RateLimitState = {};
	if (!headers) return state;
	const found: Array<string | undefined> = new Array(RATE_LIMIT_HEADERS.length);
	let seen = 0;
	for (const key of Object.keys(headers)) {
		const index = RATE_LIMIT_HEADER_INDEX.get(key.toLowerCase());
		if (index === undefined || seen & (1 << index)) continue;
		seen |= 1 << index;
		found[index] = first(headers[key]);
	}
	if (!seen) return state;
	if (found[0]) {
		for (const part of found[0].split(/[,;]/)) {
			const [key, raw] = part.split('=').map((s) => s.trim().toLowerCase());
			takeRateLimit(state, key, raw);
		}
	}
	for (let index = 1; index < RATE_LIMIT_HEADERS.length; index++) {
		if (found[index] !== undefined) takeRateLimit(state, RATE_LIMIT_HEADERS[index][1], found[index]);
	}
	if (state.limit === 0) state.limit = undefined;
	return state;
}

function takeRateLimit(state: RateLimitState, key: string, raw: string | undefined): void {
	if (key === 'limit') state.limit = count(raw) ?? state.limit;
	else if (key === 'remaining') state.remaining = count(raw) ?? state.remaining;
	else if (key === 'reset') state.resetMs = secondsMs(raw) ?? state.resetMs;
}

/** A whole number of requests; anything else is ignored. */
function count(raw: string | undefined): number | undefined {
	return raw !== undefined && /^\d+$/.test(raw.trim()) ? Number(raw) : undefined;
}

/** Close's legacy 429 body: `{"error": {"rate_reset": 1.5}}` (seconds). */
export function legacyRateResetMs(body: unknown): number | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const error = (body as { error?: unknown }).error;
	const reset =
		error && typeof error === 'object' ? (error as { rate_reset?: unknown }).rate_reset : undefined;
	return secondsMs(reset);
}

/**
 * How long the provider asks to wait after a 429, if it says, and whether that is the rate-limit
 * window's reset (`RateLimit`, Close's legacy `rate_reset`). The reset is the exact figure;
 * `Retry-After` counts whole seconds, so where it is only that reset rounded up it adds nothing
 * (waiting it out would idle up to a second of a window that has already begun). A longer
 * `Retry-After` (a penalty) is kept.
 */
export function throttleWait(headers: Headers | undefined, body: unknown): { ms: number; windowReset: boolean } | undefined {
	const retryAfter = retryAfterMs(headers);
	const resets = [parseRateLimit(headers).resetMs, legacyRateResetMs(body)].filter((ms): ms is number => ms !== undefined);
	if (!resets.length) return retryAfter === undefined ? undefined : { ms: retryAfter, windowReset: false };
	const reset = Math.max(...resets);
	if (retryAfter !== undefined && retryAfter > Math.ceil(reset / 1000) * 1000) return { ms: retryAfter, windowReset: false };
	return { ms: reset, windowReset: true };
}

/** Exponential backoff with full jitter: a random wait in [step/2, step], step = base × 2^(try-1). */
export function backoffMs(baseDelayMs: number, failedTries: number): number {
	const step = Math.min(baseDelayMs * 2 ** Math.max(0, failedTries - 1), 30_000);
	return Math.round(step / 2 + (Math.random() * step) / 2);
}

export class CancelledError extends Error {
	constructor() {
		super('The execution was cancelled');
	}
}

/** The abort reason of a wait or try that ended another way: one Error for all (n8n's sleep builds one from any other reason, each time). */
export const ENDED = new Error('ended');

/** The controllers to abort when an execution's cancel signal aborts: one listener a signal, however many wait. */
const abortedOnCancel = new WeakMap<AbortSignal, Set<AbortController>>();

/**
 * Aborts `controller` when the execution's `cancel` signal aborts; returns what unlinks them. Not
 * `AbortSignal.any` (it cost a request more CPU than the rest of its pacing), nor a listener each
 * (ten items in flight would pass Node's listener limit and warn in the user's log).
 */
export function abortOnCancel(controller: AbortController, cancel: AbortSignal | undefined): () => void {
	if (!cancel) return () => undefined;
	if (cancel.aborted) {
		controller.abort(cancel.reason);
		return () => undefined;
	}
	let linked = abortedOnCancel.get(cancel);
	if (!linked) {
		const controllers = new Set<AbortController>();
		cancel.addEventListener('abort', () => {
			for (const each of controllers) each.abort(cancel.reason);
			controllers.clear();
		}, { once: true });
		abortedOnCancel.set(cancel, controllers);
		linked = controllers;
	}
	const set = linked;
	set.add(controller);
	return () => set.delete(controller);
}

/** Waits `ms`, ending at once (with CancelledError) when the execution is cancelled. */
export async function wait(ms: number, signal?: AbortSignal): Promise<void> {
	// Its own controller linked to the cancel: items backing off at once add no listener each to the execution's signal.
	const over = new AbortController();
	const unlink = abortOnCancel(over, signal);
	try {
		if (!(await elapsed(ms, over.signal))) throw new CancelledError();
	} finally {
		unlink();
	}
}

/**
 * Whether the running n8n's `sleep` takes an abort signal (n8n 2.x: it clears its timer and refuses
 * when the signal aborts); n8n 1.x's takes only the time, and a wait there also listens itself.
 */
const SLEEP_TAKES_SIGNAL = sleep.length >= 2;

/**
 * Waits `ms` or until `signal` aborts; true when the time ran out. No error for an abort: every try
 * that ends before its deadline aborts the deadline's wait (with ENDED, so no Error nor stack is
 * built each time).
 */
export async function elapsed(ms: number, signal?: AbortSignal): Promise<boolean> {
	if (signal?.aborted) return false;
	if (ms <= 0) return true;
	if (signal && SLEEP_TAKES_SIGNAL) {
		try {
			await sleep(ms, signal);
		} catch {
			// Aborted: refused with the abort's reason (one Error for all, see ENDED), not a failure.
		}
		return !signal.aborted;
	}
	let onAbort: (() => void) | undefined;
	const aborted = new Promise<void>((resolve) => {
		onAbort = resolve;
		signal?.addEventListener('abort', onAbort, { once: true });
	});
	try {
		// n8n 1.x: the abort event ends the wait (its timer runs out unheeded).
		await Promise.race([sleep(ms).catch(() => undefined), aborted]);
	} finally {
		if (onAbort) signal?.removeEventListener('abort', onAbort);
	}
	return !signal?.aborted;
}
