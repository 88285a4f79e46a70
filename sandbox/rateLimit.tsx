/**
 * Fixed one-second windows per key (the way Close documents "requests per second per key"):
 * `take` spends one request and says what is left and when the window resets.
 */
export class RateLimiter {
	private windows = new Map<string, { startedAt: number; used: number }>();

	constructor(
		/** Requests per second; 0 or less means unlimited. */
		public perSecond: number,
		private readonly windowMs = 1000,
	) {}

	take(key: string, now = Date.now()): { allowed: boolean; limit: number; remaining: number; resetMs: number } {
		let window = this.windows.get(key);
		if (!window || now - window.startedAt >= this.windowMs) {
			window = { startedAt: now, used: 0 };
			this.windows.set(key, window);
		}
		const limit = this.perSecond > 0 ? this.perSecond : 1_000_000;
		const resetMs = Math.max(1, window.startedAt + this.windowMs - now);
		if (window.used >= limit) return { allowed: false, limit, remaining: 0, resetMs };
		window.used++;
		return { allowed: true, limit, remaining: limit - window.used, resetMs };
	}

	reset(): void {
		this.windows.clear();
	}
}
