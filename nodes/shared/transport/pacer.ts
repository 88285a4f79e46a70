import { CancelledError, rateLimitState, wait } from './waits';

type Headers = Record<string, string | string[] | undefined>;

/** How much sooner than the measured dead time the first request of a window arrives, at least. */
const LEAD_MARGIN_MS = 20;
/** Windows measured before any request is sent ahead of a window's end. */
const LEAD_MIN_SAMPLES = 3;
const LEAD_SAMPLES = 8;
/** A request's way to the provider takes tens of ms; a larger measure is something else. */
const LEAD_MAX_MS = 250;

interface Window {
	/** When the provider's window ends: the earliest of (arrival + reported reset) over its answers. */
	endsAt: number;
	/** Its end has passed; no answer has told the next window's yet. */
	over?: boolean;
	/** Set when this window was opened by our own held-back requests: how early the first went. */
	leadMs?: number;
}

/**
 * Paces the requests of one node run (all its items share one credential) by what the provider
 * reports. It lives as long as one execution of one node: nothing is shared between runs or
 * credentials.
 * - Until the provider has answered once, and again after a 429, one request goes alone: its answer
 *   says how many the window allows, so a limit below the node's concurrency costs no 429.
 * - When Close's `RateLimit` header says the window is spent, the next request waits for its reset
 *   instead of provoking a 429; a new window allows the `limit` last reported.
 * - After a 429 nobody sends until the provider's wait is over.
 *
 * A provider counts a request when it arrives, not when n8n sends it, so requests sent at the reset
 * leave the way there (n8n's own work, the network) unused at every window: about 65 ms a second
 * with 50 ms of latency. The pacer measures that dead time in the provider's own terms (two
 * windows' reported ends, one window length apart) and sends the first request of the next window
 * that much earlier, less a margin: only with sub-second resets (whole seconds are too coarse to
 * measure with), one request a window, and never again in the run after a 429.
 */
export class RequestPacer {
	private blockedUntil = 0;

	/** One request at a time until an answer comes: at the start, and after a 429. */
	private scouting = true;

	/** Requests the current window still allows, counting those sent since it was reported. */
	private budget: number | undefined;

	/** Requests a window allows, as last reported. */
	private limit: number | undefined;

	private window: Window | undefined;

	private previousEndsAt: number | undefined;

	private inFlight = 0;

	private answerWaiters = new Set<() => void>();

	/** The current window was spent while requests waited for its end. */
	private heldBack = false;

	/** How early the first request after the current window went, if one went early. */
	private sentAheadMs: number | undefined;

	/** Window length in ms: the largest reset seen, in whole seconds. */
	private windowMs = 1000;

	private fineResets = false;

	private leadAllowed = true;

	/** Dead time between windows, measured as if every request had waited for the reset. */
	private deadTimes: number[] = [];

	/** How early the first request of the next window may be sent, in ms (0: at the reset). */
	private get leadMs(): number {
		if (!this.leadAllowed || !this.fineResets || this.deadTimes.length < LEAD_MIN_SAMPLES) return 0;
		const lead = Math.min(...this.deadTimes) - LEAD_MARGIN_MS;
		return Math.max(0, Math.min(lead, LEAD_MAX_MS, this.windowMs / 4));
	}

	async acquire(signal?: AbortSignal): Promise<void> {
		for (;;) {
			const now = Date.now();
			if (this.blockedUntil > now) {
				await wait(this.blockedUntil - now, signal);
				continue;
			}
			if (this.scouting && this.inFlight > 0) {
				await this.nextAnswer(signal);
				continue;
			}
			const window = this.window;
			if (window && !window.over && window.endsAt <= now) {
				window.over = true;
				// A new window: what the provider allows, less the request that went ahead into it.
				this.budget =
					this.limit === undefined ? undefined : this.limit - (this.sentAheadMs === undefined ? 0 : 1);
			}
			if (this.budget !== undefined && this.budget <= 0) {
				if (window?.over) {
					// Spent before any answer told when this window ends: that answer will.
					if (this.inFlight > 0) {
						await this.nextAnswer(signal);
						continue;
					}
				} else if (window) {
					this.heldBack = true;
					const lead = this.sentAheadMs === undefined ? this.leadMs : 0;
					if (lead > 0 && now >= window.endsAt - lead) {
						// One request only: if the measure was wrong, one 429 says so, not ten.
						this.sentAheadMs = window.endsAt - now;
						this.inFlight++;
						return;
					}
					await wait(window.endsAt - lead - now, signal);
					continue;
				}
			}
			if (this.budget !== undefined) this.budget--;
			this.inFlight++;
			return;
		}
	}

	/** After an answer (or a failure without one): reads `RateLimit` if the provider sent it. */
	release(headers?: Headers): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		if (Date.now() >= this.blockedUntil) this.scouting = false;
		this.track(headers);
		for (const wake of [...this.answerWaiters]) wake();
	}

	/** After a 429: hold every request of this run until the provider's wait is over. */
	block(ms: number): void {
		this.blockedUntil = Math.max(this.blockedUntil, Date.now() + ms);
		this.scouting = true;
		this.leadAllowed = false; // whatever the cause, no request goes ahead of a reset again
	}

	private track(headers?: Headers): void {
		const state = rateLimitState(headers);
		if (state?.remaining === undefined || state.resetMs === undefined) return;
		if (state.limit !== undefined) this.limit = state.limit;
		if (state.resetMs % 1000 !== 0) this.fineResets = true;
		this.windowMs = Math.max(this.windowMs, Math.ceil(state.resetMs / 1000) * 1000);
		// Never early, whenever the provider counted the request; the earliest answer is the closest.
		const endsAt = Date.now() + state.resetMs;
		// Requests still in flight were sent after this answer's count was taken: reserve them.
		const budget = state.remaining - this.inFlight;
		const current = this.window;
		if (!current || endsAt > current.endsAt + 100) {
			this.openWindow(endsAt);
			this.budget = budget;
		} else if (endsAt >= current.endsAt - 100) {
			current.endsAt = Math.min(current.endsAt, endsAt);
			this.budget = this.budget === undefined ? budget : Math.min(this.budget, budget);
		}
		// else: a late answer from a window already over; it says nothing about this one.
	}

	private openWindow(endsAt: number): void {
		const ended = this.window;
		if (ended?.leadMs !== undefined && this.previousEndsAt !== undefined) {
			// The window that just ended was opened by our held-back requests: its start minus the
			// end before it is the dead time left, plus the lead its first request went with.
			this.deadTimes.push(ended.endsAt - this.windowMs - this.previousEndsAt + ended.leadMs);
			if (this.deadTimes.length > LEAD_SAMPLES) this.deadTimes.shift();
		}
		this.previousEndsAt = ended?.endsAt;
		this.window = { endsAt, leadMs: this.heldBack ? (this.sentAheadMs ?? 0) : undefined };
		this.heldBack = false;
		this.sentAheadMs = undefined;
	}

	/** Resolves at the next answer to any request of this run; ends at once on cancel. */
	private nextAnswer(signal?: AbortSignal): Promise<void> {
		if (signal?.aborted) return Promise.reject(new CancelledError());
		return new Promise((resolve, reject) => {
			const done = (error?: Error) => {
				this.answerWaiters.delete(wake);
				signal?.removeEventListener('abort', onAbort);
				if (error) reject(error);
				else resolve();
			};
			const wake = () => done();
			const onAbort = () => done(new CancelledError());
			this.answerWaiters.add(wake);
			signal?.addEventListener('abort', onAbort, { once: true });
		});
	}
}
