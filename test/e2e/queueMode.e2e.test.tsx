/**
 * n8n's queue mode, for real: Redis and PostgreSQL from Debian's packages on free local ports, one
 * n8n main and two `n8n worker`s (N8N_VERSION, default 2.40.7) with the packed package installed,
 * and four webhook executions of 250 Close label updates each, at once, on one sandbox key limited
 * to 20 requests/s. The nodes keep nothing between executions: what this shows is that separate
 * pacers on separate workers share one key's budget without losing or repeating an update.
 */
import { DEFAULT_N8N_VERSION, ensureN8n, packPackage } from '../../scripts/lib/n8n';
import { queueModeUnavailable, runQueueBulk, startQueueMode, startQueueServices, type QueueRun, type QueueServices } from '../../scripts/lib/queueMode';
import { referenceProvider, start, type Sandbox } from '../../sandbox';
import { beyondLoopback, listeningAddresses } from '../../scripts/lib/listen';

const VERSION = process.env.N8N_VERSION ?? DEFAULT_N8N_VERSION;
const RATE = 20;
const unavailable = queueModeUnavailable();
// Skipped only where Redis or PostgreSQL cannot be installed, and then it says so.
if (unavailable) process.stdout.write(`\nQueue-mode test skipped: ${unavailable}\n`);
const queueTest = unavailable ? it.skip : it;

let sandbox: Sandbox | undefined;
let services: QueueServices | undefined;
let run: QueueRun | undefined;

beforeAll(async () => {
	if (unavailable) return;
	const install = ensureN8n(VERSION);
	const reference = referenceProvider();
	sandbox = await start({ latencyMs: 50, rateLimits: { [reference.name]: RATE }, seed: reference.bench.seed, ...reference.bench.options });
	services = await startQueueServices();
	run = await startQueueMode(install, packPackage(), sandbox, services, 2);
}, 900_000);

afterAll(async () => {
	await run?.stop();
	await services?.stop();
	await sandbox?.stop();
}, 120_000);

describe(`n8n ${VERSION} in queue mode (main + 2 workers, Redis, PostgreSQL)`, () => {
	queueTest('main, workers (with their health servers), Redis and PostgreSQL listen on loopback only (issue 36)', () => {
		const queue = run as QueueRun;
		const pids = [queue.main.pid, ...queue.workers.map((worker) => worker.pid), ...(services as QueueServices).pids];
		for (const pid of pids) {
			expect(pid).toBeDefined();
			expect({ pid, beyond: beyondLoopback(pid as number) }).toEqual({ pid, beyond: [] });
		}
		expect(listeningAddresses(queue.main.pid as number)).toContain(`127.0.0.1:${queue.main.port}`);
	});

	queueTest('4 executions × 250 Close updates at once on one key: every update applied exactly once, none failed', async () => {
		const state = sandbox as Sandbox;
		const figures = await runQueueBulk(run as QueueRun, state, { executions: 4, perExecution: 250, rate: RATE, timeoutMs: 240_000 });
		process.stdout.write(`\nQueue mode, n8n ${VERSION}: ${JSON.stringify(figures)}\n`);
		expect(figures.applied).toBe(1000);
		expect(figures.resentAfterSuccess).toBe(0);
		// Every PUT that was not a 429 succeeded: nothing failed, nothing was sent twice.
		expect(figures.requests - figures.throttled).toBe(1000);
		// The four executions ran on the workers (two each at --concurrency=2), none on main.
		const finished = (run as QueueRun).workers.map((worker) => (worker.log.match(/Worker finished execution/g) ?? []).length);
		expect(finished.reduce((a, b) => a + b, 0)).toBe(4);
		for (const count of finished) expect(count).toBeGreaterThan(0);
	}, 300_000);
});
