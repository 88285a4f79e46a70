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
