/**
 * n8n's queue mode, for real: Redis and PostgreSQL from Debian's packages on free local ports, one
 * n8n main and two `n8n worker`s (N8N_VERSION, default 2.40.7) with the packed package installed,
 * and four webhook executions of 250 Close label updates each, at once, on one sandbox key limited
 * to 20 requests/s. The nodes keep nothing between executions: what this shows is that separate
 * pacers on separate workers share one key's budget without losing or repeating an update.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEFAULT_N8N_VERSION, ensureN8n, exampleWorkflowFiles, packPackage } from '../../scripts/lib/n8n';
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

/** The drift-alert example, polling every minute and watching one number (one request a poll, so it takes nothing from the bulk test's budget). */
const DRIFT = 'queueDriftAlert';
/** A number of the key's organization the bulk test does not touch (its E.164 number), chosen once the sandbox is seeded. */
let WATCHED = '';
function driftWorkflow(): string {
	const example = JSON.parse(readFileSync(exampleWorkflowFiles().find((f) => f.endsWith('close-forwarding-drift-alert.json'))!, 'utf8'));
	example.id = DRIFT;
	const trigger = example.nodes.find((n: { type: string }) => n.type.endsWith('.closeTrigger'));
	trigger.parameters.pollTimes = { item: [{ mode: 'everyMinute' }] };
	trigger.parameters.filters = { number: WATCHED };
	const file = join(mkdtempSync(join(tmpdir(), 'phone-numbers-queue-drift-')), `${DRIFT}.json`);
	writeFileSync(file, JSON.stringify(example));
	return file;
}
let services: QueueServices | undefined;
let run: QueueRun | undefined;

beforeAll(async () => {
	if (unavailable) return;
	const install = ensureN8n(VERSION);
	const reference = referenceProvider();
	sandbox = await start({ latencyMs: 50, rateLimits: { [reference.name]: RATE }, seed: reference.bench.seed, ...reference.bench.options });
	// The number the drift alert watches forwards somewhere: that is what it puts back.
	const organization = sandbox.state.close.apiKeys[0].organizationId;
	const watched = sandbox.state.close.phoneNumbers.filter((n) => n.organization_id === organization)[2000];
	WATCHED = String(watched.number);
	Object.assign(watched, { forward_to: '+13125550100', forward_to_enabled: true });
	services = await startQueueServices();
	run = await startQueueMode(install, packPackage(), sandbox, services, 2, [{ file: driftWorkflow(), id: DRIFT }]);
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

	queueTest('the drift-alert trigger polls on main, and the execution it starts runs on a worker', async () => {
		const state = sandbox as Sandbox;
		const queue = run as QueueRun;
		const number = state.state.close.phoneNumbers.find((n) => n.number === WATCHED)!;
		const finished = () => queue.workers.reduce((sum, worker) => sum + (worker.log.match(/Worker finished execution/g) ?? []).length, 0);
		const polls = () => state.requests.filter((r) => r.method === 'GET' && r.path === '/api/v1/phone_number/' && r.query.number === WATCHED && r.status === 200).length;
		const wait = async (what: string, done: () => boolean) => {
			const end = Date.now() + 150_000;
			while (!done()) {
				if (Date.now() > end) throw new Error(`${what}: not within 150 s`);
				await new Promise((resolve) => setTimeout(resolve, 500));
			}
		};
		// The baseline was recorded when main activated the workflow and polled; wait for a poll after this point.
		const seen = polls();
		await wait('a poll', () => polls() > seen);
		const before = { forward_to: number.forward_to, forward_to_enabled: number.forward_to_enabled };
		const executions = finished();
		Object.assign(number, { forward_to: '+16505558888', forward_to_enabled: true });
		await wait('the fix', () => number.forward_to !== '+16505558888' || number.forward_to_enabled !== true);
		expect({ forward_to: number.forward_to, forward_to_enabled: number.forward_to_enabled }).toEqual(before);
		await wait('the worker reporting the execution', () => finished() === executions + 1);
		// Executions run on workers only: main ran none of them itself.
		expect(queue.main.recentLog).not.toMatch(/Workflow execution started|Start executing node "Put forwarding back"/);
	}, 400_000);
});
