/**
 * How a provider counts requests per key, for `take`: what it spends, what is left and when the
 * next request may go. Close documents "requests per second per key" without the algorithm, so
 * the sandbox can play each of the usual ones (the default is Close's fixed window):
 * - `fixed`: one-second windows starting at the first request after the last one ended (first arrival);
 * - `clockAligned`: one-second windows at fixed times (each whole second of the clock), whoever comes;
 * - `sliding`: at most `perSecond` requests in any second (a request frees its slot a second later);
 * - `tokenBucket`: `perSecond` tokens a second, a burst of `perSecond` at most.
 */
export type RateModel = 'fixed' | 'clockAligned' | 'sliding' | 'tokenBucket';

export class RateLimiter {
	private windows = new Map<string, { startedAt: number; used: number }>();

	private recent = new Map<string, number[]>();

	private buckets = new Map<string, { tokens: number; at: number }>();

	constructor(
		/** Requests per second; 0 or less means unlimited. */
		public perSecond: number,
		private readonly windowMs = 1000,
		public model: RateModel = 'fixed',
	) {}

	take(key: string, now = Date.now()): { allowed: boolean; limit: number; remaining: number; resetMs: number } {
		const limit = this.perSecond > 0 ? this.perSecond : 1_000_000;
		if (this.model === 'sliding') {
			const times = (this.recent.get(key) ?? []).filter((t) => t > now - this.windowMs);
			this.recent.set(key, times);
			const resetMs = times.length ? Math.max(1, times[0] + this.windowMs - now) : this.windowMs;
			if (times.length >= limit) return { allowed: false, limit, remaining: 0, resetMs };
			times.push(now);
			return { allowed: true, limit, remaining: limit - times.length, resetMs };
		}
		if (this.model === 'tokenBucket') {
			const bucket = this.buckets.get(key) ?? { tokens: limit, at: now };
			bucket.tokens = Math.min(limit, bucket.tokens + ((now - bucket.at) * limit) / this.windowMs);
			bucket.at = now;
			this.buckets.set(key, bucket);
			const resetMs = Math.max(1, Math.ceil(((1 - Math.min(1, bucket.tokens)) * this.windowMs) / limit));
			if (bucket.tokens < 1) return { allowed: false, limit, remaining: 0, resetMs };
			bucket.tokens -= 1;
			return { allowed: true, limit, remaining: Math.floor(bucket.tokens), resetMs };
		}
		let window = this.windows.get(key);
		if (!window || now - window.startedAt >= this.windowMs) {
			// First arrival opens a window where it comes; clock-aligned windows open on the clock.
			window = { startedAt: this.model === 'clockAligned' ? now - (now % this.windowMs) : now, used: 0 };
			this.windows.set(key, window);
		}
		const resetMs = Math.max(1, window.startedAt + this.windowMs - now);
		if (window.used >= limit) return { allowed: false, limit, remaining: 0, resetMs };
		window.used++;
		return { allowed: true, limit, remaining: limit - window.used, resetMs };
	}

	reset(): void {
		this.windows.clear();
		this.recent.clear();
		this.buckets.clear();
	}
}
