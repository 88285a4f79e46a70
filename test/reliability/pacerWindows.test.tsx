/**
 * What the pacer does when a header window ends. It used to refill to the reported `limit` and
 * let a whole burst go at the reset: right for a fixed window, but a sliding window frees only the
 * slots that were taken a second before, so most of that burst bounced (7–9 × 429 in 200 updates,
 * 1.2–1.3 × the floor). Now the first request of the new window goes alone and its answer says
 * what the window holds. And a whole-second `reset` is rounded up: the pacer keeps the earliest
 * end it was told in a window instead of moving it to each later answer's "1 s from now".
 * The clock is handed in; the pacer's sleeps are real (a fraction of a second).
 */
import { RequestPacer } from '../../nodes/shared/transport/pacer';

let clock = 1_000_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rateLimit = (remaining: number, reset: string) => ({ ratelimit: `limit=10, remaining=${remaining}, reset=${reset}` });

/** How many of `pending` have resolved after a short real pause. */
async function settled(pending: Array<Promise<unknown>>): Promise<number> {
	let done = 0;
	for (const p of pending) void p.then(() => done++);
	await sleep(60);
	return done;
}

/** Whether a request `ms` after the last one goes (at 9/s, one each 111 ms). */
async function goesAfter(pacer: RequestPacer, ms: number): Promise<boolean> {
	clock += ms;
	const cancel = new AbortController();
	const next = pacer.acquire(cancel.signal).catch(() => undefined);
	const went = (await settled([next])) === 1;
	cancel.abort(); // a request still waiting on the (stopped) clock
	await next;
	return went;
}

it('after a window ends, one request goes first and the others wait for its answer', async () => {
	const pacer = new RequestPacer(() => clock);
	await pacer.acquire();
	pacer.release(rateLimit(9, '0.1'));
	clock += 150; // the window reported has ended
	const burst = Array.from({ length: 5 }, () => pacer.acquire());
	expect(await settled(burst)).toBe(1);
	// A sliding window: one slot came free, and the answer says so.
	pacer.release(rateLimit(1, '0.02'));
	expect(await settled(burst)).toBe(2);
	pacer.release(rateLimit(0, '0.02'));
	clock += 30;
	expect(await settled(burst)).toBe(3);
	pacer.release(rateLimit(9, '1.0'));
	expect(await settled(burst)).toBe(5);
});

it('keeps the earliest end a window reported when whole-second resets are rounded up', async () => {
	const pacer = new RequestPacer(() => clock);
	await pacer.acquire();
	pacer.release(rateLimit(8, '1')); // the window ends within a second of now
	for (const remaining of [5, 0]) {
		clock += 300;
		await pacer.acquire();
		pacer.release(rateLimit(remaining, '1')); // rounded up again: "1 s" from each later answer
	}
	// 1,050 ms after the first answer its window is over, whatever the later answers said.
	clock += 450;
	expect(await settled([pacer.acquire()])).toBe(1);
});

/**
 * After a 429 the pacer keeps a rate (9/s here); a window that ends with requests unused, at every
 * client of the key, is room to grow. Several runs on one key grew back only by the additive
 * step (0.2/s a second), so when one run ended the others took a minute to use its share:
 * 1.35 × the floor for 4 × 250 Close updates at 20/s. Growing by the window's unused share of the
 * limit: 1.09. That is the rule where a window begins part spent (a sliding window frees a slot
 * at a time). Where windows begin whole (fixed windows) the header budget bounds each run and the
 * rate is the key's own: two runs whose rates a 429 at the start had cut unevenly (13/s and 7/s
 * of 20) kept that split, and the slower one ended 4.5 s after the other.
 */
describe('the rate after a 429, where header windows are told', () => {
	/** A pacer whose 429 came after 10 requests got through in the last second: 9/s from now on. */
	async function at9PerSecond(): Promise<RequestPacer> {
		const pacer = new RequestPacer(() => clock);
		for (let i = 0; i < 10; i++) {
			await pacer.acquire();
			clock += 10;
			pacer.release();
		}
		pacer.throttled(50); // 10 got through in the last second: 9/s from now on
		return pacer;
	}

	/**
	 * A pacer at 9/s after a 429; in each of its next two windows (its first says nothing of how
	 * windows begin: a run may start in the middle of one) two answers say `remaining` `first` then
	 * `second` (of 10).
	 */
	async function afterTwoWindows(first: number, second: number): Promise<RequestPacer> {
		const pacer = await at9PerSecond();
		clock += 200;
		await pacer.acquire();
		pacer.release(rateLimit(first, '0.5'));
		for (let window = 0; window < 2; window++) {
			clock += 120;
			// The answer to a request sent before (one more now may have no budget: the pacer would wait).
			pacer.release(rateLimit(second, '0.38'));
			clock += 400; // past the window's end: the next acquire starts a new window
			await pacer.acquire();
			pacer.release(rateLimit(first, '0.5'));
		}
		return pacer;
	}

	/**
	 * A pacer at 9/s after a 429, then requests on a sliding window of 10 (its windows end at each
	 * freed slot, 50 ms after each answer): each step says how many ms after the one before a
	 * request goes and the `remaining` its answer tells.
	 */
	async function slidingAt9PerSecond(steps: Array<[number, number]>): Promise<RequestPacer> {
		const pacer = await at9PerSecond();
		for (const [afterMs, remaining] of steps) {
			clock += afterMs;
			await pacer.acquire();
			pacer.release(rateLimit(remaining, '0.05'));
		}
		return pacer;
	}

	it('grows when a window that began part spent ended with requests unused', async () => {
		const pacer = await afterTwoWindows(4, 4); // nothing spent in 120 ms: 4 of 10 left at the end
		expect(await goesAfter(pacer, 80)).toBe(true);
	});

	it('does not grow when the key spent such a window (other clients included)', async () => {
		// Spent 3 in 120 ms: nothing left at the end, though the last answer said 1 (10 % more
		// would allow one each 101 ms).
		const pacer = await afterTwoWindows(4, 1);
		expect(await goesAfter(pacer, 105)).toBe(false);
	});

	/**
	 * A sliding window frees a slot at a time, so each answer tells a reset of a few ms and the
	 * pacer's windows hold one answer each: the rule above saw nothing, and a run left alone on
	 * the key after a 429 at the start crept up by 0.2/s a second (8/s of 20 for eight seconds,
	 * two executions on two credentials: 1.34 × the floor, one ending 7.4 s after the other).
	 */
	it('grows by what the key left unused over a second, where its windows hold one answer each', async () => {
		const pacer = await slidingAt9PerSecond(Array(12).fill([120, 3])); // 3 of 10 left, all of the 7 spent its own
		// Alone on the key, all the room is its own: 9/s and the 3 slots a second the key left.
		expect(await goesAfter(pacer, 85)).toBe(true); // over 11.7/s
	});

	/**
	 * Two executions on two credentials holding one key (20/s, a sliding window) came out of the
	 * start's 429s at 12 and 7 a second and kept that split, each growing in proportion to its
	 * rate, until the first ended; the other ended 5 s later (1.17–1.21 × the floor).
	 */
	it('a run carrying more of a sliding window than all the others together gives way to half of it', async () => {
		// 7 a second of its own in a key of 10 that left nothing: the others carry 3.
		const pacer = await slidingAt9PerSecond(Array(7).fill([143, 0]));
		expect(await goesAfter(pacer, 150)).toBe(false); // not at 6.7/s: 5/s, half the key
		expect(await goesAfter(pacer, 60)).toBe(true);
	});

	it('takes the room the others leave once they do not take it (a client that wants no more than it sends)', async () => {
		// Gave way to 5/s; then, for two seconds, 2 of 10 left and the others still at 3.
		const pacer = await slidingAt9PerSecond([...Array(7).fill([143, 0]), ...Array(11).fill([200, 2])]);
		expect(await goesAfter(pacer, 165)).toBe(true); // over 6/s
	});

	/**
	 * Two executions on two credentials (one key, 20/s, a sliding window): when the first ended,
	 * the measure over a window's length still saw it sending for one length or two, and the other
	 * went on at half the key for 1–2 s (1.14 × the floor).
	 */
	it("once the others' requests have left the window, takes the whole key at the answer that tells it", async () => {
		// Gave way to 5/s; then answers say the window holds only its own requests (3 of 10 left).
		const pacer = await slidingAt9PerSecond([...Array(7).fill([143, 0]), [200, 3], [200, 3]]);
		expect(await goesAfter(pacer, 105)).toBe(true); // 10/s, the key's rate: not 5/s until the next measure
	});

	it('does not while others still send (their requests in the window)', async () => {
		const pacer = await slidingAt9PerSecond([...Array(7).fill([143, 0]), [200, 1], [200, 1]]);
		expect(await goesAfter(pacer, 105)).toBe(false);
	});

	/** A run whose first 429 came after 3 of a key's 10 got through (answers telling `reset`). */
	async function firstThreeThenA429(reset: string): Promise<RequestPacer> {
		const pacer = new RequestPacer(() => clock);
		for (let remaining = 9; remaining > 6; remaining--) {
			await pacer.acquire();
			clock += 10;
			pacer.release(rateLimit(remaining, reset));
		}
		pacer.throttled(50); // 3 of the 10 got through: another run took the rest
		return pacer;
	}

	/**
	 * Two executions on two credentials (one key, 20/s, a sliding window) started together: the
	 * start's burst let 13 of one and 7 of the other through before the first 429, each cut its rate
	 * to 0.9 of that, and the second stayed ~15 requests behind until the first ended.
	 */
	it("at its first 429, where the key tells its limit, goes no slower than half the key, whatever its luck in the start's burst", async () => {
		const pacer = await firstThreeThenA429('0.5');
		expect(await goesAfter(pacer, 250)).toBe(true); // 4.5/s, not 2.7/s
	});

	it('nor above twice what got through, where the window may be longer than a second (a limit per minute)', async () => {
		const pacer = new RequestPacer(() => clock);
		for (let remaining = 599; remaining > 596; remaining--) {
			await pacer.acquire();
			clock += 10;
			pacer.release({ ratelimit: `limit=600, remaining=${remaining}, reset=50` });
		}
		pacer.throttled(50);
		expect(await goesAfter(pacer, 100)).toBe(false); // 5.4/s, not 270/s
		expect(await goesAfter(pacer, 90)).toBe(true);
	});

	it('where more runs share the key, its next 429 cuts to what got through, not a tenth of that half', async () => {
		const pacer = await firstThreeThenA429('2'); // 4.5/s assumed; the window lasts past the next 429
		clock += 250;
		await pacer.acquire();
		clock += 10;
		pacer.release(rateLimit(6, '2'));
		pacer.throttled(50); // 4 got through in the last second: 3.6/s, not 4.05/s
		expect(await goesAfter(pacer, 260)).toBe(false); // 270 ms after the last request went
		expect(await goesAfter(pacer, 30)).toBe(true);
	});

	it("where windows begin whole, paces at the key's rate (its limit over the window), whatever the 429 cut", async () => {
		// The key spent this window too, but it began with 9 of 10 and lasted half a second: 20/s.
		const pacer = await afterTwoWindows(9, 1);
		expect(await goesAfter(pacer, 55)).toBe(true);
	});
});

/**
 * A 429's whole-second reset is rounded up like any other answer's. With four runs on one key
 * the throttled ones idled a full second each time although the window had begun again sooner
 * (4 × 250 Close updates with whole-second resets: 1.28 × the floor; holding until the window's
 * known end: 1.09).
 */
describe('the hold after a 429', () => {
	async function throttledAt600ms(ms: number, windowReset: boolean) {
		const pacer = new RequestPacer(() => clock);
		await pacer.acquire();
		pacer.release(rateLimit(5, '1')); // this window ends within a second of now
		clock += 600;
		await pacer.acquire();
		pacer.release(rateLimit(0, '1'), true); // the 429: "1 s" from now, rounded up
		return { pacer, hold: pacer.throttled(ms, windowReset) };
	}

	it("ends at the window's earliest told end, not a second after the 429", async () => {
		const { pacer, hold } = await throttledAt600ms(1000, true);
		expect(hold).toBe(400);
		clock += 410;
		expect(await settled([pacer.acquire()])).toBe(1);
	});

	it('keeps a wait that is not the window reset (a longer Retry-After)', async () => {
		const { pacer, hold } = await throttledAt600ms(30_000, false);
		expect(hold).toBe(30_000);
		clock += 410;
		const cancel = new AbortController();
		const next = pacer.acquire(cancel.signal).catch(() => undefined);
		expect(await settled([next])).toBe(0);
		cancel.abort();
		await next;
	});
});

/**
 * Several runs on one key (other workflows, queue-mode workers) all read the same `remaining`.
 * Each used to take all of it, less only its own requests in flight: four runs overspent the
 * window about four times, 7 % of 4 × 250 Close updates answered 429. Now each takes its share:
 * its own answers in the last window over how far `remaining` fell (1.7 % answered 429).
 */
describe('a key shared with other clients', () => {
	const limited = (remaining: number, reset: string) => ({ ratelimit: `limit=20, remaining=${remaining}, reset=${reset}` });

	/**
	 * A new window, 19 left after its first answer, and 19 requests asking at once; each answer to
	 * them says one less, and `othersEach` less for what other clients sent meanwhile. Returns how
	 * many of those 19 were sent.
	 */
	async function sentInNewWindow(pacer: RequestPacer, othersEach = 0): Promise<number> {
		clock += 1000; // the window before is over
		await pacer.acquire();
		clock += 30;
		pacer.release(limited(19, '1.0'));
		const end = new AbortController();
		const burst = Array.from({ length: 19 }, () => pacer.acquire(end.signal).catch(() => undefined));
		// With slow start they go as the answers come: answer each one sent until no more go.
		let sent = await settled(burst);
		let remaining = 19;
		for (let answered = 0; answered < sent && remaining > 0; answered++) {
			clock += 30; // answers a little apart: a run sharing the key paces at the key's rate
			remaining = Math.max(0, remaining - 1 - othersEach);
			pacer.release(limited(remaining, '0.9'));
			sent = await settled(burst);
		}
		end.abort();
		await Promise.all(burst);
		return sent;
	}

	/** A window whose answers say `told` (a 429 where `refused`), then `sentInNewWindow`. */
	async function sentInNextWindow(told: Array<number | { refused: number }>, othersEach = 0): Promise<number> {
		const pacer = new RequestPacer(() => clock);
		for (const answer of told) {
			await pacer.acquire();
			clock += 10;
			if (typeof answer === 'number') pacer.release(limited(answer, '0.5'));
			else pacer.release(limited(answer.refused, '0.5'), true);
		}
		return await sentInNewWindow(pacer, othersEach);
	}

	it("takes only its share of what the key has left, as the last window measured it", async () => {
		// Another client sent one request for each of ours: remaining fell by 2 an answer, so this
		// run's share is 5 of 9 measured. In the next window its first answer says 9 left: 5 of them
		// go before another answer (alone on the key, all it may have in flight, 7, went).
		const pacer = new RequestPacer(() => clock);
		for (const remaining of [19, 17, 15, 13, 11]) {
			await pacer.acquire();
			clock += 10;
			pacer.release(limited(remaining, '0.5'));
		}
		clock += 1000; // the window is over
		await pacer.acquire();
		clock += 30;
		pacer.release(limited(9, '0.9'));
		const end = new AbortController();
		const waiting = Array.from({ length: 9 }, () => pacer.acquire(end.signal).catch(() => undefined));
		let sent = 0;
		for (let step = 0; step < 12; step++) {
			clock += 100; // no answer comes: only the budget holds them back
			sent = await settled(waiting);
		}
		end.abort();
		await Promise.all(waiting);
		expect(sent).toBe(5);
	});

	it('alone on the key, spends the whole window', async () => {
		expect(await sentInNextWindow([19, 18, 17, 16, 15])).toBe(19);
	});

	it('takes up, within the window, what another client stops spending', async () => {
		// Its share was 5 of 9 in the last window; in this one the other client sends nothing. Its
		// share of what is left (not of the 19 the window began with: 10) lets all but the last
		// one or two go.
		expect(await sentInNextWindow([19, 17, 15, 13, 11])).toBeGreaterThanOrEqual(17);
	});

	it('counts only requests carried out as its own: a refused one spent nothing of the window', async () => {
		// One of ours carried out and one refused, while the key went from 19 to 0: 2 of 20 (the
		// first answer's request included) are this run's, so 19 × 0.1 = 1 more goes while the
		// others go on spending as before. Counting the refused one too made it 3 of 20, and the
		// runs' shares together more than the key.
		expect(await sentInNextWindow([19, 17, { refused: 0 }], 9)).toBe(1);
	});

	it('once alone on the key, a run whose share was small takes the whole window again', async () => {
		// Its first answer: another client had spent the whole window (1 of 20 is this run's).
		// Then it is alone, but one request a window (the first, alone) measured nothing, and the
		// small share stood for good: one update a second.
		const pacer = new RequestPacer(() => clock);
		await pacer.acquire();
		pacer.release(limited(0, '0.5'));
		const sent: number[] = [];
		for (let window = 0; window < 8; window++) sent.push(await sentInNewWindow(pacer));
		expect(sent.slice(-3)).toEqual([19, 19, 19]);
	});
});

/**
 * Runs that start together on a key (a schedule firing several workflows, queue-mode workers)
 * each sent a whole Concurrency burst after their first answer, before any answer could tell the
 * budget they share: the key's first window overspent several times. One more request in flight
 * per answer instead (slow start).
 */
it('at the start, adds one request in flight per answer', async () => {
	const pacer = new RequestPacer(() => clock);
	await pacer.acquire();
	pacer.release(); // no header: nothing known of a limit
	const end = new AbortController();
	const burst = Array.from({ length: 10 }, () => pacer.acquire(end.signal).catch(() => undefined));
	const inFlight = [await settled(burst)];
	pacer.release();
	inFlight.push((await settled(burst)) - 1);
	end.abort();
	await Promise.all(burst);
	expect(inFlight).toEqual([2, 3]);
});

/**
 * A 429's wait (Retry-After: 1, or back-off when none comes) held every request of the run, though
 * a fixed window that refused one request often begins anew a few ms later: with no header, each
 * 429 idled the run for a whole second (Synthflow, 500 updates: 1.14 × the floor). A request sent
 * after the refused one and carried out shows the provider has room again; the refused request
 * itself still waits what it was told (the client does that, not the pacer).
 */
describe('after a 429', () => {
	async function heldAfterRefusal(laterSentFirst: boolean): Promise<number> {
		const pacer = new RequestPacer(() => clock);
		await pacer.acquire(); // the first answer lets two go at once
		pacer.release(undefined, false, pacer.now());
		const sends: number[] = [];
		for (let i = 0; i < 2; i++) {
			await pacer.acquire();
			sends.push(pacer.now());
			clock += 10;
		}
		const [refused, other] = laterSentFirst ? [sends[1], sends[0]] : sends;
		pacer.release(undefined, true, refused);
		pacer.throttled(1000);
		const stop = new AbortController();
		// Cancelled at the end (see below): a held request would wait on the fake clock forever.
		const waiting = [pacer.acquire(stop.signal).catch(() => 'cancelled')];
		expect(await settled(waiting)).toBe(0);
		clock += 20;
		pacer.release(undefined, false, other);
		const went = await settled(waiting);
		stop.abort();
		await waiting[0];
		return went;
	}

	it('a request sent after the refused one and carried out ends the hold for the others', async () => {
		expect(await heldAfterRefusal(false)).toBe(1);
	});

	it('one sent before the refused one does not: it says nothing of the provider since', async () => {
		expect(await heldAfterRefusal(true)).toBe(0);
	});
});

/**
 * After a 429 the rate drops to just below what got through in the last second. A second that
 * began inside a hold (or the slow start after it) measured less than the provider allows: a
 * 429 half a second after a hold cut Synthflow's 18/s to 4.5/s, and at 0.2/s a second the run
 * took a minute to grow back. Within a second of a hold only the rate itself is cut.
 */
describe('the rate after a second 429 soon after a hold', () => {
	/**
	 * A run at 18/s after a first 429, whose next 429 comes `afterHoldMs` after its hold ended;
	 * meanwhile its answers came every `everyMs`.
	 */
	async function secondRefusal(afterHoldMs: number, everyMs = 56): Promise<RequestPacer> {
		const pacer = new RequestPacer(() => clock);
		for (let i = 0; i < 20; i++) {
			await pacer.acquire();
			clock += 10;
			pacer.release(undefined, false, pacer.now());
		}
		pacer.throttled(800); // 20 got through in the last second: 18/s from now on
		clock += 800;
		let sent = 0;
		while (sent * everyMs < afterHoldMs) {
			await pacer.acquire();
			clock += everyMs;
			pacer.release(undefined, false, pacer.now());
			sent++;
		}
		pacer.throttled(100);
		clock += 100;
		await pacer.acquire();
		pacer.release(undefined, false, pacer.now());
		return pacer;
	}

	it('cuts the rate it had (18/s → 16.2/s), not to what the half second after the hold let through', async () => {
		// 16.2/s sends one each 62 ms; cut to 0.9 × the 9 answers since the hold, one each 123 ms.
		expect(await goesAfter(await secondRefusal(500), 70)).toBe(true);
	});

	it('after a whole second of sending, takes what got through as the measure (the limit fell)', async () => {
		// 10 got through in the second before the 429: 9/s, one each 111 ms (16.2/s would be 62 ms).
		const pacer = await secondRefusal(1100, 100);
		expect(await goesAfter(pacer, 70)).toBe(false);
	});
});

/**
 * An answer to a request sent before its window ended tells the old window's `remaining`, not the
 * new one's. It used to end the new window's one-request start all the same: the rest of a whole
 * ramp went at once, with no budget known, into a sliding window that had freed a few slots
 * (10–12 in flight, 7–10 × 429 at a time, two executions on one key).
 */
it("an answer from the window that ended does not end the new window's one-request start", async () => {
	const pacer = new RequestPacer(() => clock);
	await pacer.acquire();
	pacer.release(rateLimit(9, '0.1'));
	const before = Array.from({ length: 3 }, () => pacer.acquire());
	expect(await settled(before)).toBe(2);
	pacer.release(rateLimit(8, '0.1'));
	expect(await settled(before)).toBe(3); // 2 in flight
	clock += 150; // the window has ended with them still in flight
	const cancel = new AbortController();
	const burst = Array.from({ length: 6 }, () => pacer.acquire(cancel.signal).catch(() => undefined));
	expect(await settled(burst)).toBe(0);
	pacer.release(rateLimit(7, '0.01')); // an answer from the old window
	expect(await settled(burst)).toBe(0);
	pacer.release(rateLimit(6, '0.01')); // its last: now the new window's first request goes, alone
	expect(await settled(burst)).toBe(1);
	pacer.release(rateLimit(3, '1.0')); // the new window has 3 left
	expect(await settled(burst)).toBe(4);
	cancel.abort();
	await Promise.all(burst);
});
