import { rateLimitState, wait } from './waits';

type Headers = Record<string, string | string[] | undefined>;

/**
 * Paces the requests of one node run (all its items share one credential) by what the provider
 * reports: after a 429 nobody sends until the wait is over, and when Close's `RateLimit` header says
 * the window is spent, the next request waits for its reset instead of provoking a 429.
 * It lives as long as one execution of one node: nothing is shared between runs or credentials.
 */
export class RequestPacer {
	private blockedUntil = 0;

	/** Requests the current window still allows, counting those sent since it was reported. */
	private budget: number | undefined;

	private windowEndsAt = 0;

	private inFlight = 0;

	async acquire(signal?: AbortSignal): Promise<void> {
		for (;;) {
			const now = Date.now();
			if (this.blockedUntil > now) {
				await wait(this.blockedUntil - now, signal);
				continue;
			}
			if (this.budget !== undefined && this.windowEndsAt <= now) {
				this.budget = undefined; // the reported window is over: the next answer tells the new one
			}
			if (this.budget !== undefined && this.budget <= 0) {
				await wait(this.windowEndsAt - now, signal);
				continue;
			}
			if (this.budget !== undefined) this.budget--;
			this.inFlight++;
			return;
		}
	}

	/**
	 * After an answer. The window's end is taken as the answer's arrival plus the reset it reports:
	 * never early, whenever the provider counted the request. (Taking it from when the request was
	 * sent would gain about one round trip a window, but n8n's own time before a request leaves
	 * varies by tens of ms, and one early request costs a whole Retry-After.)
	 */
	release(headers?: Headers): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		const state = rateLimitState(headers);
		if (state?.remaining === undefined || state.resetMs === undefined) return;
		const endsAt = Date.now() + state.resetMs;
		// Requests still in flight were sent after this answer's count was taken: reserve them.
		const budget = state.remaining - this.inFlight;
		if (this.budget === undefined || endsAt > this.windowEndsAt + 100) {
			this.budget = budget; // a new window
			this.windowEndsAt = endsAt;
		} else {
			this.budget = Math.min(this.budget, budget);
		}
	}

	/** After a 429: hold every request of this run until the provider's wait is over. */
	block(ms: number): void {
		this.blockedUntil = Math.max(this.blockedUntil, Date.now() + ms);
		this.budget = undefined;
	}
}
