/**
 * The pacer serves requests in the order they asked for a slot. Before, a request arriving just as
 * a slot freed took it at once while the ones already waiting were still asleep: under a busy key
 * (queue-mode workers sharing it) an early item could wait behind ever newer ones until its Max
 * Wait ran out, and fail saying it had waited 0.0 s. The pacer's clock is handed in, so the test
 * moves time itself; the pacer's sleeps are real (a fraction of a second).
 */
import { EventEmitter } from 'node:events';

import { RequestPacer, WaitTooLongError } from '../../nodes/shared/transport/pacer';
import { wait } from '../../nodes/shared/transport/waits';

let clock = 1_000_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A pacer that has learnt a rate: five answers in the last second, then a 429 (4.5/s: ~222 ms apart). */
async function pacerWithRate(): Promise<RequestPacer> {
	const pacer = new RequestPacer(() => clock);
	for (let i = 0; i < 5; i++) {
		await pacer.acquire();
		pacer.release();
	}
	pacer.throttled(0);
	clock += 300;
	await pacer.acquire();
	pacer.release();
	return pacer;
}

it('a request that asks while another waits goes after it, not before', async () => {
	const pacer = await pacerWithRate();
	const order: string[] = [];
	const waiting = pacer.acquire().then(() => order.push('waiting since before'));
	await sleep(20);
	// The slot is free by the clock, and a newcomer asks before the waiting request has woken.
	clock += 300;
	const newcomer = pacer.acquire().then(() => order.push('newcomer'));
	await sleep(400);
	clock += 1000;
	await Promise.all([waiting, newcomer]);
	expect(order).toEqual(['waiting since before', 'newcomer']);
});

it('counts the time spent in line against Max Wait, and says how long it waited', async () => {
	const pacer = await pacerWithRate();
	const ahead = pacer.acquire();
	const behind = pacer.acquire(undefined, 50).then(
		() => undefined,
		(error: unknown) => error,
	);
	clock += 60;
	await sleep(300);
	clock += 1000;
	await ahead;
	const error = await behind;
	expect(error).toBeInstanceOf(WaitTooLongError);
	expect((error as WaitTooLongError).waitedMs).toBeGreaterThanOrEqual(50);
});

it('many requests waiting on one execution add one listener to its cancel signal, and all end when it aborts', async () => {
	const pacer = new RequestPacer(() => clock);
	await pacer.acquire();
	pacer.release();
	pacer.throttled(60_000);
	const cancel = new AbortController();
	const waits = Array.from({ length: 20 }, () => pacer.acquire(cancel.signal).then(() => 'went', (error: Error) => error.message));
	await sleep(20);
	const listeners = EventEmitter.getEventListeners(cancel.signal, 'abort').length;
	cancel.abort();
	// One each would pass Node's limit of ten and warn "Possible EventTarget memory leak" in the user's log.
	expect(listeners).toBe(1);
	expect(await Promise.all(waits)).toEqual(Array(20).fill('The execution was cancelled'));
});

it('so do many retries waiting out their back-off on one execution', async () => {
	const cancel = new AbortController();
	const waits = Array.from({ length: 20 }, () => wait(60_000, cancel.signal).then(() => 'went', (error: Error) => error.message));
	await sleep(20);
	const listeners = EventEmitter.getEventListeners(cancel.signal, 'abort').length;
	cancel.abort();
	expect(listeners).toBe(1);
	expect(await Promise.all(waits)).toEqual(Array(20).fill('The execution was cancelled'));
});
