import { abortOnCancel, CancelledError, elapsed, ENDED, rateLimitState } from './waits';

type Headers = Record<string, string | string[] | undefined>;

/** After a 429 the rate drops to this share of what got through in the last second… */
const DECREASE = 0.9;
/** …and grows back by this many requests per second, every second without a 429. */
const INCREASE = 0.2;

/** A request would have to wait `neededMs`, more than its Max Wait has left (after `waitedMs`). */
export class WaitTooLongError extends Error {
	constructor(
		readonly neededMs: number,
		readonly waitedMs = 0,
	) {
		super(`would wait ${neededMs} ms`);
	}
}

/** Milliseconds on a clock that never jumps (the wall clock may be set back while we wait). */
function now(): number {
	return performance.now();
}

/**
 * Paces the requests on one credential of the node runs in one n8n process at a time (see
 * `leaseCredentialPacer`): runs in other processes (queue-mode workers) or on another credential
 * holding the same key meet only at the provider, and each adapts to what it is told.
 *
 * The whole model:
 * 1. **Header budget** (Close's `RateLimit`, Telnyx's `x-ratelimit-*`): when an answer says the
 *    window has `remaining` requests left, no more than that (less those still in flight) are
 *    sent before its `reset`. When the window ends the budget is unknown again, so one request
 *    goes first (see 3): its answer says what the new window holds. That is right for fixed
 *    windows (the new one is full), sliding windows and token buckets (a few slots came free) and
 *    whole-second resets (the window may have ended before the rounded-up reset).
 * 2. **Adaptive rate** (every provider, header or not): unlimited until the first 429. A 429 holds
 *    every request for the provider's wait (or until a request sent after the refused one is
 *    carried out: the provider has room again) and sets the rate just below what actually got through
 *    in the last second (at least 1/s; at a run's first 429, where the key tells its `limit`, at
 *    least half of it: see `throttled`); each answer that is not a 429 then raises it a little
 *    (additive increase, multiplicative decrease). A header window that ends with requests
 *    unused raises it by that share of the limit: what another run on the key no longer spends
 *    is taken up within a few windows. This is what keeps providers without headers (token
 *    buckets, bare 429s) and keys shared with other clients from a 429 storm. Where header
 *    windows begin whole (fixed windows), the budget bounds each run and the rate of a run that
 *    shares the key is the key's own (`limit` over the window): every run paces alike, so they
 *    split each window evenly (see `paceAtKeyRate`). Where windows begin part spent (a sliding
 *    window), a run that carries more of the key than all the others together gives way to half
 *    of it while they take up the rest (see `shareWhatTheKeyLeft`), and one whose answers show
 *    no other client's request left in the window takes the whole key (`takeTheKeyWhenAlone`).
 * 3. **One at a time** until an answer comes: at the start of a run, after every 429 and at the
 *    end of each header window. That answer reports the budget, so a limit below the node's
 *    concurrency costs no 429. Then one more in flight per answer (slow start), so runs that
 *    start together on a key do not each fire a whole burst before the first answers.
 * 4. **A share of a shared key**: every run on a key reads the same `remaining`. Each run takes
 *    only its share of what is left at each answer: its own requests carried out in the last
 *    window, over how far `remaining` fell meanwhile (1 when alone on the key); at its first
 *    answer, 1 ÷ what others spent already. A window that told it nothing more than its first
 *    answer doubles the share. Since the share is of what is left now, what another run stops
 *    spending is this one's within the same window.
 *
 * Every wait counts against the caller's Max Wait: `acquire` refuses with WaitTooLongError, at
 * once, a wait longer than what is left.
 */
export class RequestPacer {
	/** `clock`: a monotonic clock in ms (tests hand in a fake one). */
	constructor(private readonly clock: () => number = now) {}

	/** The pacer's clock, for callers to say when a request went (`release`'s `sentAt`). */
	now(): number {
		return this.clock();
	}

	private holdUntil = 0;

	/** When the last request answered 429 was sent: a success sent after it ends the hold. */
	private refusedSentAt = -Infinity;

	private scouting = true;

	private inFlight = 0;

	/** Requests the current header window still allows; undefined when no header said. */
	private budget: number | undefined;

	private windowEndsAt: number | undefined;

	/** The lowest `remaining` this window told: more than that (and what overtook it) means a new one. */
	private windowLowest = Infinity;

	private windowLowestAt = 0;

	/** The window's first answer (when, and its `remaining`) and the `limit` it told, if any. */
	private windowFirst: { at: number; remaining: number; limit?: number } | undefined;

	/** This run's answers in the current header window, after its first. */
	private windowOwn = 0;

	/**
	 * This run's share of what the key spends (1 when alone on it), as the last whole window
	 * measured it: every run on a key reads the same `remaining`, and each taking all of it
	 * overspends it ~4× with four runs. `windowShare`: the current window's estimate so far.
	 */
	private share: number | undefined;

	private windowShare: number | undefined;

	/** Requests allowed in flight before the answers come (slow start): one more each answer. */
	private ramp = 1;

	/** Answers still to come to requests sent before the window ended: they count for the old one. */
	private staleAnswers = 0;

	/** Requests per second after a 429; undefined: not limited. */
	private rate: number | undefined;

	private lastSentAt = -Infinity;

	/** The key's `limit`, as the last answer that told one said. */
	private toldLimit: number | undefined;

	/** The rate is the half of the key a first 429 assumed, not what got through. */
	private assumedHalf = false;

	/**
	 * Whether every header window so far (after the run's first) began with most of its `limit`
	 * (fixed windows), and the longest one told (ms, from its first answer).
	 */
	private windowsStartWhole: boolean | undefined;

	private longestWindowMs = 0;

	private windowsEnded = 0;

	/**
	 * Since `spareSince` (see `overTheLastWindow`): the lowest `remaining` told, and this run's
	 * requests carried out. `lastSpare`, `lastOthers`: what the measure before it found.
	 */
	private spareLowest = Infinity;

	private spareOwn = 0;

	private spareSince = -Infinity;

	private lastSpare = 0;

	private lastOthers = Infinity;

	/** When answers other than 429 came, over the last second: what got through. */
	private recentAnswers: number[] = [];

	private answerWaiters = new Set<() => void>();

	/** The last request in line for a slot: each waits for the one before it. */
	private line: Promise<void> = Promise.resolve();

	/** Requests in line (on the slow path): while there are any, none may pass them. */
	private queued = 0;

	/**
	 * Waits for a slot, in the order requests asked for one (first come, first served: under a
	 * shared key no item waits behind ever newer ones until its Max Wait runs out); resolves with
	 * how long it waited, in ms.
	 */
	async acquire(signal?: AbortSignal, maxWaitMs = Infinity): Promise<number> {
		// Fast path: no one in line and a slot free now. Most requests of an unthrottled run take it,
		// with no timer, abort controller or promise of their own.
		if (this.queued === 0 && !signal?.aborted && this.takeSlotNow(this.clock())) return 0;
		const started = this.clock();
		const before = this.line;
		let leave: () => void = () => undefined;
		this.line = new Promise<void>((resolve) => (leave = resolve));
		this.queued++;
		try {
			await this.turn(before, signal, maxWaitMs);
			const queued = this.clock() - started;
			return Math.round(queued + (await this.slot(signal, maxWaitMs - queued, queued)));
		} finally {
			this.queued--;
			// The next in line goes only once this one is done.
			void before.then(leave, leave);
		}
	}

	/** When a request may go, by the hold, the rate and a spent header window (ms on the clock). */
	private readyAt(): number {
		return Math.max(
			this.holdUntil,
			this.rate === undefined ? 0 : this.lastSentAt + 1000 / this.rate,
			this.budget !== undefined && this.budget <= 0 && this.windowEndsAt !== undefined ? this.windowEndsAt : 0,
		);
	}

	/** Whether a request must wait for an answer in flight first (it will tell the budget or the window's end). */
	private waitsForAnswer(): boolean {
		const spentWithoutEnd = this.budget !== undefined && this.budget <= 0;
		return (this.scouting || spentWithoutEnd || this.inFlight >= this.ramp) && this.inFlight > 0;
	}

	/** Takes a slot if one is free at `at`, with the bookkeeping of a request sent; false: it must wait. */
	private takeSlotNow(at: number): boolean {
		if (this.windowEndsAt !== undefined && this.windowEndsAt <= at) this.endWindow(this.inFlight);
		if (this.readyAt() > at || this.waitsForAnswer()) return false;
		if (this.budget !== undefined) this.budget--;
		this.inFlight++;
		this.lastSentAt = at;
		return true;
	}

	/** Resolves when `before` (the request ahead) has its slot; refuses past `maxWaitMs` or on cancel. */
	private async turn(before: Promise<void>, signal: AbortSignal | undefined, maxWaitMs: number): Promise<void> {
		const over = new AbortController();
		const timedOut = this.timer(maxWaitMs, over, signal);
		try {
			if (await Promise.race([before.then(() => false), timedOut])) throw new WaitTooLongError(Math.ceil(maxWaitMs), Math.ceil(maxWaitMs));
		} finally {
			over.abort(ENDED);
		}
	}

	/** The pacing itself, for the request whose turn it is; `queuedMs`: how long it waited in line. */
	private async slot(signal: AbortSignal | undefined, maxWaitMs: number, queuedMs: number): Promise<number> {
		const started = this.clock();
		for (;;) {
			if (signal?.aborted) throw new CancelledError();
			const at = this.clock();
			const left = maxWaitMs - (at - started);
			if (this.takeSlotNow(at)) return Math.round(at - started);
			const readyAt = this.readyAt();
			if (readyAt > at) {
				if (readyAt - at > left) throw new WaitTooLongError(Math.ceil(readyAt - at), queuedMs + at - started);
				await this.answerOrTimeout(readyAt - at, signal);
				continue;
			}
			// The answer in flight will say what the provider allows (or when its window ends).
			await this.nextAnswer(signal, left, queuedMs + at - started);
		}
	}

	/**
	 * After an answer (or a failure without one) to a request that `acquire` let go; `sentAt`:
	 * when it went (the pacer's `now()` then).
	 */
	release(headers?: Headers, throttled = false, sentAt?: number): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		if (throttled && sentAt !== undefined) this.refusedSentAt = Math.max(this.refusedSentAt, sentAt);
		// An answer from a window that has ended says nothing of the new one: its first request still goes alone.
		const told = rateLimitState(headers);
		const fromEndedWindow = this.track(told, throttled);
		if (!throttled) {
			const at = this.clock();
			// Carried out though sent after the last request refused: the provider has room again
			// (a window began, a slot or token came free), so the others need not sit out the rest
			// of the 429's wait. The refused request itself still waits what it was told.
			if (sentAt !== undefined && sentAt > this.refusedSentAt && at < this.holdUntil) this.holdUntil = at;
			this.recentAnswers.push(at);
			this.spareOwn++;
			while (this.recentAnswers.length && this.recentAnswers[0] < at - 1000) this.recentAnswers.shift();
			this.takeTheKeyWhenAlone(told);
			if (at >= this.holdUntil && !fromEndedWindow) this.scouting = false;
			this.ramp++;
			if (this.rate !== undefined) this.rate += INCREASE / this.rate;
			if (this.rate !== undefined && this.rate > 1000) this.rate = undefined;
		}
		for (const wake of [...this.answerWaiters]) wake();
	}

	/**
	 * After a 429: hold every request of this run for `ms` and lower the rate; returns the hold
	 * in ms. `windowReset`: `ms` is the rate-limit window's reset, and where earlier answers of the
	 * same window told an earlier end (a whole-second reset is rounded up) the hold ends there.
	 */
	throttled(ms: number, windowReset = false): number {
		const at = this.clock();
		if (windowReset && this.windowEndsAt !== undefined && this.windowEndsAt > at) ms = Math.min(ms, this.windowEndsAt - at);
		// The other requests of the same burst bounce too: one decrease per hold, not one each.
		const heldUntil = this.holdUntil;
		const fresh = at >= heldUntil;
		this.holdUntil = Math.max(this.holdUntil, at + ms);
		this.scouting = true;
		this.ramp = 1;
		if (!fresh) return ms;
		// What got through in the last second is what the provider sustains: go a little below it.
		// A lone request's 429 says nothing about a rate (another client spent the budget).
		// With a rate-limit header too: the budget alone does not see what other runs will send.
		// A second that began inside the last hold measured the hold, not the provider: then
		// only the rate itself is cut.
		const gotThrough = this.recentAnswers.filter((t) => t >= at - 1000).length;
		let measured = this.rate !== undefined && at - heldUntil < 1000 && !this.assumedHalf ? Infinity : gotThrough;
		this.assumedHalf = false;
		// The first cut of a run on a key that tells its limit: what got through is the run's luck in
		// the start's burst (two runs started together: 13 and 7 of 20), not its part of the key,
		// and the one cut deeper stayed behind for seconds. It assumes one other run at most: never
		// below half the key, until its next 429; where more share the key that comes within a
		// second, and cuts to what got through (a tenth at a time, four runs overshot for seconds).
		// Nor above twice what got through: before a window has ended its length is unknown, and a
		// `limit` per minute read as per second would leave the run unpaced.
		if (this.rate === undefined && this.toldLimit) {
			const half = Math.min(((this.toldLimit / 2) * 1000) / this.windowLengthMs(), 2 * gotThrough);
			this.assumedHalf = measured < half;
			measured = Math.max(measured, half);
		}
		if (gotThrough >= 2) this.rate = Math.max(1, DECREASE * Math.min(this.rate ?? Infinity, measured));
		return ms;
	}

	/** Reads what an answer's rate-limit headers told; true when it came from a window that has ended. */
	private track(state: ReturnType<typeof rateLimitState>, throttled = false): boolean {
		if (state?.remaining === undefined || state.resetMs === undefined) return false;
		if (state.limit) this.toldLimit = state.limit;
		const at = this.clock();
		const endsAt = at + state.resetMs;
		if (this.windowEndsAt !== undefined && this.windowEndsAt <= at) this.endWindow(this.inFlight + 1);
		if (this.windowEndsAt === undefined && this.staleAnswers > 0) {
			this.staleAnswers--;
			return true;
		}
		// A window that refilled (more left than the lowest seen, beyond answers overtaking each
		// other) began before the reset we were told: a whole-second reset is rounded up.
		if (this.windowEndsAt !== undefined && state.remaining > this.windowLowest + this.inFlight + 1) this.endWindow(0);
		if (this.windowEndsAt === undefined) {
			this.windowEndsAt = endsAt;
			this.budget = Infinity;
			if (at >= this.holdUntil) this.scouting = false;
		} else {
			this.windowEndsAt = Math.min(this.windowEndsAt, endsAt);
		}
		// A refused request spent nothing of the window: it is not this run's share of it.
		if (this.windowFirst && !throttled) this.windowOwn++;
		this.windowFirst ??= { at, remaining: state.remaining, limit: state.limit };
		if (this.spareSince === -Infinity) {
			this.spareSince = at;
			this.spareOwn = 0;
		}
		if (!throttled) this.spareLowest = Math.min(this.spareLowest, state.remaining);
		if (state.remaining <= this.windowLowest) {
			this.windowLowest = state.remaining;
			this.windowLowestAt = at;
		}
		// `remaining` fell by every client's requests, this run's answers by its own (the +1: the
		// window's first answer counted one of ours). Before any fall, a run's first answer tells
		// what others spent already.
		const fall = this.windowFirst.remaining - this.windowLowest;
		if (fall > 0) this.windowShare = Math.min(1, (this.windowOwn + 1) / (fall + 1));
		else if (this.share === undefined && state.limit) this.share = 1 / Math.max(1, state.limit - state.remaining);
		this.share ??= this.windowShare;
		// Requests still in flight were sent after this answer was counted: reserve them.
		// Its share of what the key has left now (not of what it had when the window began): when
		// another run stops, its part of the window is this run's within the window.
		this.budget = Math.floor((this.share ?? 1) * this.windowLowest) - this.inFlight;
		return false;
	}

	/**
	 * The header window is over: what the next one holds is for its first answer to say.
	 * `sentBefore`: answers still to come to requests sent in the old window (they tell its
	 * `remaining` and `reset`, not the new one's).
	 */
	private endWindow(sentBefore: number): void {
		const limit = this.windowFirst?.limit;
		if (this.windowsStartWhole === false) {
			const measured = this.overTheLastWindow();
			if (measured && limit) this.shareWhatTheKeyLeft(measured, limit);
		} else {
			const spare = this.unusedAtEnd();
			if (this.rate !== undefined && spare > 0 && limit) {
				// Requests the window left unused, by every client of the key, are room to grow, by that
				// share of the limit. Each client grows by its own rate times the same share, so together
				// they close the gap without passing the limit (as when another run on the key ends).
				this.rate *= 1 + Math.min(spare, limit) / limit;
			}
		}
		if (this.rate !== undefined && this.rate > 1000) this.rate = undefined;
		this.paceAtKeyRate();
		// The share a whole window measured; mid-window estimates swing with who answered last.
		if (this.windowShare !== undefined) this.share = this.windowShare;
		// Only this run's first answer came, so nothing was measured: a small share would keep it
		// at one request a window even once it is alone on the key. Probe upward (as slow start
		// does); any other run still there shows in the next window's fall.
		else if (this.windowFirst && this.share !== undefined) this.share = Math.min(1, 2 * this.share);
		this.windowEndsAt = undefined;
		this.budget = undefined;
		this.windowLowest = Infinity;
		this.windowFirst = undefined;
		this.windowShare = undefined;
		this.windowOwn = 0;
		this.staleAnswers = sentBefore;
		this.scouting = true;
	}

	/**
	 * Where the key's windows start whole (a fixed window: every new one begins with nearly all of
	 * its `limit`), a run's rate after a 429 is never below the key's own rate (`limit` over the
	 * window's length): within a window the header budget is what bounds each run, and the rate
	 * only spaces its requests. Runs on one key then send at the same pace and so split each window
	 * evenly; a rate cut at the start (where one run had got through more than the other) would
	 * otherwise keep their split uneven for good, and the one that got less would end seconds after
	 * the other. A window that begins part spent (a sliding window, a token bucket: a slot or
	 * token at a time) leaves the rate to the 429s: there two runs at the key's rate would both
	 * take each slot that comes free.
	 */
	private paceAtKeyRate(): void {
		const first = this.windowFirst;
		if (!first?.limit || this.windowEndsAt === undefined) return;
		// A run may well start in the middle of a window: its first window says nothing of how they begin.
		if (this.windowsEnded++ > 0) this.windowsStartWhole = (this.windowsStartWhole ?? true) && first.remaining >= first.limit / 2;
		this.longestWindowMs = Math.max(this.longestWindowMs, this.windowEndsAt - first.at);
		// A run that never met a 429 is not paced at all, unless the window showed others on the key.
		const shared = (this.windowShare ?? 1) < 1;
		if (this.windowsStartWhole === true && (this.rate !== undefined || shared) && this.longestWindowMs > 0) {
			this.rate = Math.max(this.rate ?? 0, (first.limit * 1000) / this.longestWindowMs);
			if (this.rate > 1000) this.rate = undefined;
		}
	}

	/**
	 * A window's length as far as told: the longest from a window's first answer to its end, and
	 * at least the second the rate is counted in.
	 */
	private windowLengthMs(): number {
		return Math.max(this.longestWindowMs, 1000);
	}

	/**
	 * Where windows begin part spent (a sliding window: `remaining` is what the key left unused in
	 * the last window's length, every client included), once each such length: the lowest
	 * `remaining` told over it, and this run's requests carried out, per window length. The
	 * pacer's own windows there end at each freed slot and hold one answer or two, too few to see
	 * what the key left over them. A window's length is at least the longest reset told, and at
	 * least the second the rate is counted in (a run that started on a busy key is told only the
	 * short waits until its oldest slot frees).
	 */
	private overTheLastWindow(): { spare: number; own: number; perSecond: number } | undefined {
		const at = this.clock();
		const length = this.windowLengthMs();
		if (at - this.spareSince < length) return undefined;
		const measured = { spare: this.spareLowest, own: (this.spareOwn * length) / (at - this.spareSince), perSecond: 1000 / length };
		this.spareSince = at;
		this.spareLowest = Infinity;
		this.spareOwn = 0;
		return measured.spare === Infinity ? undefined : measured;
	}

	/**
	 * Over a window's length, what the key carried (`limit` less what it left) less this run's own
	 * is what the others sent. The slots left unused are room to grow: all of them when alone on the
	 * key, else this run's part of what the key carries (so the runs together fill the gap without
	 * passing the limit). Growing in proportion keeps any split the start's 429s made (12 and 7 a
	 * second of 20, until the first run ended and the other took seconds to take up its part), so a
	 * run that carries more than all the others together gives way, down to half the key, while
	 * they take up what it leaves; unless the window before left room the others did not take
	 * (a client that wants no more than it sends): then that room is this run's part too.
	 */
	private shareWhatTheKeyLeft(measured: { spare: number; own: number; perSecond: number }, limit: number): void {
		const spare = Math.min(measured.spare, limit);
		const others = Math.max(0, limit - spare - measured.own);
		const othersSated = this.lastSpare >= 1 && others <= this.lastOthers;
		this.lastSpare = spare;
		this.lastOthers = others;
		if (this.rate === undefined) return;
		if (others >= 1 && measured.own > others && !othersSated) this.rate = Math.min(this.rate, (limit / 2) * measured.perSecond);
		else this.rate += spare * measured.perSecond * (others < 1 ? 1 : measured.own / (measured.own + others));
	}

	/**
	 * Where windows begin part spent, `remaining` counts every client's requests of the last
	 * window's length: with this run's own answered in that time, nothing is left for the others
	 * once they are gone, and the key is this run's (its limit over the window). The measure over
	 * a whole window's length (`shareWhatTheKeyLeft`) saw the run that ended still sending for up
	 * to two lengths: the other run went on at half the key for 1–2 s.
	 */
	private takeTheKeyWhenAlone(state: ReturnType<typeof rateLimitState>): void {
		if (this.windowsStartWhole !== false || this.rate === undefined) return;
		if (state?.remaining === undefined || !state.limit) return;
		const length = this.windowLengthMs();
		const since = this.clock() - length;
		let own = 0;
		for (const answeredAt of this.recentAnswers) if (answeredAt > since) own++;
		// Well below 0, `remaining` is not what the window's requests left (a token bucket refilled):
		// it says nothing of the others. A little below: own answers whose requests the provider
		// counted more than a window ago.
		const others = state.limit - state.remaining - own;
		if (others < 1 && others > -2) this.rate = Math.max(this.rate, (state.limit * 1000) / length);
	}

	/**
	 * What the ending window had left at its end: the lowest `remaining` told, less what the key
	 * went on spending (at the pace `remaining` fell) between that answer and the end.
	 */
	private unusedAtEnd(): number {
		const first = this.windowFirst;
		if (!first || this.windowLowestAt <= first.at) return 0;
		const end = Math.min(this.windowEndsAt ?? Infinity, this.clock());
		const spentPerMs = (first.remaining - this.windowLowest) / (this.windowLowestAt - first.at);
		return this.windowLowest - spentPerMs * Math.max(0, end - this.windowLowestAt);
	}

	/**
	 * Resolves at the next answer to any request of this run, or after `ms`; true when `ms` ran out
	 * first. Sleepers wake at every answer: it may have ended a hold or told a new budget.
	 */
	private async answerOrTimeout(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
		let wake: () => void = () => undefined;
		const answered = new Promise<boolean>((resolve) => {
			wake = () => resolve(false);
			this.answerWaiters.add(wake);
		});
		const over = new AbortController();
		const timedOut = this.timer(ms, over, signal);
		try {
			return await Promise.race([answered, timedOut]);
		} finally {
			this.answerWaiters.delete(wake);
			over.abort(ENDED);
		}
	}

	/**
	 * Resolves true after `ms`, false once `over` aborts (the wait ended another way); refuses with
	 * CancelledError when the execution is cancelled.
	 */
	private async timer(ms: number, over: AbortController, cancel: AbortSignal | undefined): Promise<boolean> {
		const unlink = abortOnCancel(over, cancel);
		try {
			const ranOut = await elapsed(Math.min(Math.max(0, ms), 2 ** 31 - 1), over.signal);
			if (!ranOut && cancel?.aborted) throw new CancelledError();
			return ranOut;
		} finally {
			unlink();
		}
	}

	/** Resolves at the next answer to any request of this run, or refuses past `maxWaitMs`. */
	private async nextAnswer(signal: AbortSignal | undefined, maxWaitMs: number, waitedMs: number): Promise<void> {
		if (await this.answerOrTimeout(maxWaitMs, signal)) throw new WaitTooLongError(Math.ceil(maxWaitMs), waitedMs + maxWaitMs);
	}
}
