import { sleep } from 'n8n-workflow';

type Headers = Record<string, string | string[] | undefined>;

/** Each answer's headers by lowercased name (the first of a name wins), built once an answer: several are read from each. */
const lowered = new WeakMap<Headers, Map<string, string | string[] | undefined>>();

function header(headers: Headers | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	let byName = lowered.get(headers);
	if (!byName) {
		byName = new Map();
		for (const [key, value] of Object.entries(headers)) {
			const lower = key.toLowerCase();
			if (!byName.has(lower)) byName.set(lower, value);
		}
		lowered.set(headers, byName);
	}
	const value = byName.get(name.toLowerCase());
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

function parseRateLimit(headers: Headers | undefined): RateLimitState {
	const combined = header(headers, 'ratelimit');
	const state: RateLimitState = {};
	const count = (raw: string | undefined) => (raw !== undefined && /^\d+$/.test(raw.trim()) ? Number(raw) : undefined);
	const take = (key: string, raw: string | undefined) => {
		if (key === 'limit') state.limit = count(raw) ?? state.limit;
		if (key === 'remaining') state.remaining = count(raw) ?? state.remaining;
		if (key === 'reset') state.resetMs = secondsMs(raw) ?? state.resetMs;
	};
	if (combined) {
		for (const part of combined.split(/[,;]/)) {
			const [key, raw] = part.split('=').map((s) => s.trim().toLowerCase());
			take(key, raw);
		}
	}
	// The IETF draft's separate headers, and Telnyx's x-ratelimit-* (reset in seconds).
	for (const prefix of ['ratelimit-', 'x-ratelimit-']) {
		for (const key of ['limit', 'remaining', 'reset']) take(key, header(headers, `${prefix}${key}`));
	}
	if (state.limit === 0) state.limit = undefined;
	return state;
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

/** Waits `ms`, ending at once (with CancelledError) when the execution is cancelled. */
export async function wait(ms: number, signal?: AbortSignal): Promise<void> {
	if (!(await elapsed(ms, signal))) throw new CancelledError();
}

/**
 * Waits `ms` or until `signal` aborts; true when the time ran out. No error for an abort: a try
 * that ends before its deadline aborts the deadline's wait on every request, and an Error (with
 * its stack) each time is most of what a request costs the package in CPU.
 */
export async function elapsed(ms: number, signal?: AbortSignal): Promise<boolean> {
	if (signal?.aborted) return false;
	if (ms <= 0) return true;
	let onAbort: (() => void) | undefined;
	const aborted = new Promise<void>((resolve) => {
		onAbort = resolve;
		signal?.addEventListener('abort', onAbort, { once: true });
	});
	try {
		// n8n 2.x's sleep clears its timer on abort (a cancelled wait leaves nothing pending); n8n
		// 1.x's takes no signal, so the abort event ends the wait there.
		await Promise.race([sleep(ms, signal).catch(() => undefined), aborted]);
	} finally {
		if (onAbort) signal?.removeEventListener('abort', onAbort);
	}
	return !signal?.aborted;
}
