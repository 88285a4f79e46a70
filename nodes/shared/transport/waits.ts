import { sleep } from 'n8n-workflow';

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
	}
	return undefined;
}

/** `Retry-After` as seconds or an HTTP date, in ms. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
	const value = header(headers, 'retry-after')?.trim();
	if (!value) return undefined;
	if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export interface RateLimitState {
	limit?: number;
	remaining?: number;
	/** ms until the window resets */
	resetMs?: number;
}

/**
 * Close's `RateLimit: limit=100, remaining=99, reset=1` (reset in seconds; fractions are honoured
 * when sent), and the IETF draft's separate `RateLimit-Remaining` / `RateLimit-Reset` headers.
 */
export function rateLimitState(headers: Headers | undefined): RateLimitState | undefined {
	const combined = header(headers, 'ratelimit');
	const state: RateLimitState = {};
	if (combined) {
		for (const part of combined.split(/[,;]/)) {
			const [key, raw] = part.split('=').map((s) => s.trim().toLowerCase());
			const value = Number(raw);
			if (raw === undefined || Number.isNaN(value)) continue;
			if (key === 'limit') state.limit = value;
			if (key === 'remaining') state.remaining = value;
			if (key === 'reset') state.resetMs = Math.ceil(value * 1000);
		}
	}
	const remaining = header(headers, 'ratelimit-remaining');
	const reset = header(headers, 'ratelimit-reset');
	if (remaining !== undefined && !Number.isNaN(Number(remaining))) state.remaining = Number(remaining);
	if (reset !== undefined && !Number.isNaN(Number(reset))) state.resetMs = Math.ceil(Number(reset) * 1000);
	return state.remaining === undefined && state.resetMs === undefined ? undefined : state;
}

/** Close's legacy 429 body: `{"error": {"rate_reset": 1.5}}` (seconds). */
export function legacyRateResetMs(body: unknown): number | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const error = (body as { error?: unknown }).error;
	const reset =
		error && typeof error === 'object' ? (error as { rate_reset?: unknown }).rate_reset : undefined;
	const value = Number(reset);
	return reset === undefined || Number.isNaN(value) ? undefined : Math.ceil(value * 1000);
}

/** The longest wait any of the provider's signals asks for after a 429, if any. */
export function throttleWaitMs(headers: Headers | undefined, body: unknown): number | undefined {
	const waits = [
		retryAfterMs(headers),
		rateLimitState(headers)?.resetMs,
		legacyRateResetMs(body),
	].filter((ms): ms is number => ms !== undefined);
	return waits.length ? Math.max(...waits) : undefined;
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
	if (signal?.aborted) throw new CancelledError();
	if (ms <= 0) return;
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
	if (signal?.aborted) throw new CancelledError();
}
