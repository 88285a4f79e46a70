/**
 * `npm run bench`: figures, not a test. Inside a real n8n (2.40.7) against the sandbox with 50 ms
 * latency; the providers and their rows come from the sandbox's registry (`bench` in each
 * `sandbox/<provider>/provider.tsx`). For the reference provider (a documented per-key limit with
 * headers, 20 requests/s):
 * - 1,000 label updates with this package's node at its defaults;
 * - the same with n8n's HTTP Request node: defaults, Retry On Fail (5 tries, 5 s), and Batching
 *   tuned by hand to the limit (20 items, 1 s);
 * - this package's node again while a second client spends half of the key's budget;
 * - the package's defaults and the hand-tuned batching under each rate-limit model its sandbox
 *   stands for (whole-second resets, a sliding window, a token bucket without headers), and a
 *   limit lower than the user guessed;
 * - n8n's queue mode (Redis, PostgreSQL, a main and two workers): 4 executions × 250 updates at
 *   once on one key, when Redis and PostgreSQL are installed (else the row says it was skipped).
 * Then every other provider's own rows, the time to the first page of each declared dropdown on
 * large accounts, the package's cold load time and its packed size.
 * `BENCH_PROFILE=ci` runs 300 updates a row and leaves out the slow HTTP Request rows.
 * Prints a table and writes JSON under bench/results/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { referenceProvider, sandboxProviders, start, type Sandbox } from '../sandbox';
import type { BenchFacts, RateSetup, SandboxOptions, SandboxProvider } from '../sandbox/registry';
import {
	DEFAULT_N8N_VERSION,
	ensureN8n,
	installPackage,
	N8n,
	PACKAGE_NAME,
	packageUpdateNode,
	packPackage,
	ROOT,
	sandboxCredentialRef,
	sandboxCredentials,
} from './lib/n8n';
import { queueModeUnavailable, runQueueBulk, startQueueMode, startQueueServices } from './lib/queueMode';

/** `BENCH_PROFILE=ci` (what .ci/run uses): 300 updates a row and the rate-limit models only. */
const PROFILE = process.env.BENCH_PROFILE === 'ci' ? 'ci' : 'full';
const ITEMS = Number(process.env.BENCH_ITEMS ?? (PROFILE === 'ci' ? 300 : 1000));
const RATE = 20;
const LATENCY_MS = 50;

interface BulkResult {
	node: string;
	provider: string;
	setup: string;
	items: number;
	applied: number;
	failed: number;
	requests: number;
	resentAfterSuccess: number;
	throttled: number;
	wallSeconds: number;
	floorSeconds: number;
	ratioToFloor: number;
	otherClientRequests?: number;
	/** How many of the other client's requests were answered 429: what this package took from it. */
	otherClientThrottled?: number;
	/** Rows that read before they write (Dry Run, Skip Unchanged): writes sent and the list's page size. */
	writes?: number;
	pageSize?: number;
	/** Rows of several executions: each one's last answer, in seconds from the first request. */
	endsSeconds?: number[];
}

function say(text: string) {
	process.stdout.write(`${text}\n`);
}

function workflow(id: string, items: Array<{ id: string; label: string }>, target: Record<string, unknown>) {
	return {
		id,
		name: id,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: 'trigger', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'items',
				name: 'Numbers',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: { jsCode: `return ${JSON.stringify(items.map((json) => ({ json })))};` },
			},
			{ id: 'target', name: 'Update', position: [400, 0], ...target },
		],
		connections: {
			Start: { main: [[{ node: 'Numbers', type: 'main', index: 0 }]] },
			Numbers: { main: [[{ node: 'Update', type: 'main', index: 0 }]] },
		},
	};
}

type Benchmarked = SandboxProvider & { bench: BenchFacts<unknown> };

function benchmarked(): Benchmarked[] {
	return sandboxProviders().filter((p): p is Benchmarked => p.bench !== undefined);
}

/** n8n's HTTP Request node doing a provider's update by hand (as its sandbox declares it). */
function httpRequestNode(provider: Benchmarked, sandboxUrl: string, extra: { options?: Record<string, unknown>; settings?: Record<string, unknown> }) {
	const request = provider.bench.httpRequest;
	if (!request) throw new Error(`${provider.title} declares no HTTP Request update`);
	return {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		...extra.settings,
		parameters: {
			method: request.method,
			url: request.url(sandboxUrl),
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Authorization', value: request.authorization }] },
			sendBody: true,
			specifyBody: 'json',
			jsonBody: request.jsonBody,
			options: extra.options ?? {},
		},
	};
}

/** Batching tuned by hand to the limit: 20 items a second. */
const BATCHING = { batching: { batch: { batchSize: RATE, batchInterval: 1000 } } };

/** This package's node for `provider` at its defaults, setting `$json.label`. */
function packageNode(provider: Benchmarked) {
	return packageUpdateNode(provider.bench.node, provider.bench.credentialType, 'phoneNumber', provider.bench.updateFields);
}

/**
 * One row: `items` updates of `provider`'s numbers by `target` at `rate` requests/s per key. Every
 * request to the provider counts against the limit (or only writes not answered 429, where the
 * provider limits writes only), so the floor is limited requests ÷ rate, or the latency of every
 * request spread over the concurrency, whichever is longer.
 */
async function bulkRun(
	n8n: N8n,
	sandbox: Sandbox,
	provider: Benchmarked,
	setup: {
		name: string;
		node: string;
		target: Record<string, unknown>;
		concurrency: number;
		items: number;
		rate: number;
		/** Requests one update makes (the HTTP Request node: the write only). */
		requestsPerUpdate: number;
		otherClient?: boolean;
		/** How the sandbox counts (default: fixed windows, fractional resets, with headers). */
		model?: RateSetup;
		labelPrefix?: string;
		/** Only every n-th item asks for a new value; the others ask for what the number has. */
		changedEvery?: number;
		/** A Dry Run row: nothing may be written, so "applied" counts numbers left as they were. */
		dryRun?: boolean;
		/** The floor is the requests actually sent ÷ the rate (rows whose requests are not one an update). */
		floorFromRequests?: boolean;
	},
): Promise<BulkResult> {
	const state = (sandbox.state as unknown as Record<string, unknown>)[provider.name];
	const facts = provider.bench;
	const restore = facts.setRate(state, setup.rate, setup.model);
	const numbers = facts.numbers(state).slice(0, setup.items);
	const every = setup.changedEvery ?? 1;
	const items = numbers.map((n, i) => ({ id: n.id, label: i % every === 0 ? `${setup.labelPrefix ?? setup.name} ${i}` : String(n.stored()) }));
	const before = numbers.map((n) => n.stored());
	const id = `bench${setup.name.replace(/[^a-zA-Z0-9]/g, '')}`;
	const file = join(n8n.userFolder, `${id}.json`);
	writeFileSync(file, JSON.stringify(workflow(id, items, setup.target)));
	await n8n.importWorkflow(file);

	// Start from a fresh window, with nothing else in the log.
	await new Promise((r) => setTimeout(r, 1100));
	facts.resetWindows(state);
	sandbox.clearRequests();

	let other: NodeJS.Timeout | undefined;
	let otherRequests = 0;
	const otherRequest = facts.reference?.otherClientRequest;
	if (setup.otherClient && otherRequest) {
		// Another integration on the same key: half the budget (10 requests/s), all run long.
		other = setInterval(() => {
			otherRequests++;
			void fetch(`${sandbox.url}${otherRequest.path}`, { headers: { authorization: otherRequest.authorization } }).catch(() => undefined);
		}, 1000 / (RATE / 2));
	}
	say(`  ${setup.name}: running ${items.length} updates…`);
	await n8n.execute(id);
	if (other) clearInterval(other);

	const isOther = (r: Sandbox['requests'][number]) => otherRequest !== undefined && r.method === 'GET' && r.path === otherRequest.path;
	const sent = sandbox.requests.filter((r) => r.provider === provider.name && !isOther(r));
	const writes = sent.filter((r) => r.method === 'PATCH' || r.method === 'POST' || r.method === 'PUT');
	const succeeded = new Set<string>();
	let resent = 0;
	for (const write of writes) {
		if (succeeded.has(write.path)) resent++;
		if (write.status === 200) succeeded.add(write.path);
	}
	const applied = setup.dryRun ? numbers.filter((n, i) => n.stored() === before[i]).length : numbers.filter((n, i) => n.stored() === items[i].label).length;
	const first = Math.min(...sent.map((r) => r.at));
	const last = Math.max(...sent.map((r) => r.doneAt ?? r.at));
	const wallSeconds = sent.length ? (last - first) / 1000 : 0;
	const limited = facts.limitsWritesOnly ? writes.length - writes.filter((r) => r.status === 429).length : items.length * setup.requestsPerUpdate;
	const floorSeconds = setup.floorFromRequests
		? Number((sent.filter((r) => r.status !== 429).length / setup.rate).toFixed(2))
		: Number(Math.max(limited / setup.rate, (items.length * setup.requestsPerUpdate * LATENCY_MS) / 1000 / setup.concurrency).toFixed(2));
	restore();
	return {
		node: setup.node,
		provider: provider.name,
		setup: setup.name,
		items: items.length,
		applied,
		failed: items.length - applied,
		requests: sent.length,
		resentAfterSuccess: resent,
		throttled: sent.filter((r) => r.status === 429).length,
		wallSeconds: Number(wallSeconds.toFixed(2)),
		floorSeconds,
		ratioToFloor: Number((wallSeconds / floorSeconds).toFixed(3)),
		...(setup.changedEvery || setup.dryRun ? { writes: writes.length } : {}),
		...(setup.otherClient
			? {
					otherClientRequests: otherRequests,
					otherClientThrottled: sandbox.requests.filter((r) => isOther(r) && r.status === 429).length,
				}
			: {}),
	};
}

/** Issue 31's rows: 1,000 numbers, 100 of which differ, with Skip Unchanged, without it, and as a Dry Run (both profiles). */
async function seeBeforeYouChangeRows(n8n: N8n, sandbox: Sandbox, reference: Benchmarked): Promise<BulkResult[]> {
	const items = 1000;
	const node = `${reference.title} (this package)`;
	const withOptions = (options: Record<string, unknown>) => {
		const target = packageNode(reference);
		return { ...target, parameters: { ...target.parameters, options } };
	};
	const pageSize = reference.bench.listPageSize;
	const rows: BulkResult[] = [];
	for (const [name, options, extra] of [
		['skip unchanged: 1,000 numbers, 100 differ', { skipUnchanged: true }, {}],
		['without skip unchanged: 1,000 numbers, 100 differ', {}, {}],
		['dry run: 1,000 numbers, 100 differ', { dryRun: true }, { dryRun: true }],
	] as const) {
		const row = await bulkRun(n8n, sandbox, reference, {
			name,
			node,
			target: withOptions(options),
			concurrency: 10,
			items,
			rate: RATE,
			requestsPerUpdate: reference.bench.requestsPerUpdate,
			changedEvery: 10,
			floorFromRequests: true,
			labelPrefix: `see ${name.split(':')[0]}`,
			...extra,
		});
		rows.push({ ...row, pageSize });
	}
	return rows;
}

/** A provider's own rows (`bench.rows`): its node at its defaults, or the HTTP Request node batching by hand. */
async function providerRows(n8n: N8n, sandbox: Sandbox, provider: Benchmarked): Promise<BulkResult[]> {
	const available = provider.bench.numbers((sandbox.state as unknown as Record<string, unknown>)[provider.name]).length;
	const results: BulkResult[] = [];
	for (const row of provider.bench.rows) {
		results.push(
			await bulkRun(n8n, sandbox, provider, {
				name: row.name,
				node: row.viaHttpRequest ? 'HTTP Request' : `${provider.title} (this package)`,
				target: row.viaHttpRequest ? httpRequestNode(provider, sandbox.url, { options: BATCHING }) : packageNode(provider),
				concurrency: 10,
				items: row.items(ITEMS, available),
				rate: row.rate,
				// The HTTP Request node sends the write only; the package may read the number back for its output.
				requestsPerUpdate: row.viaHttpRequest ? 1 : provider.bench.requestsPerUpdate,
				labelPrefix: `bench ${row.viaHttpRequest ? 'http' : 'node'}`,
			}),
		);
	}
	return results;
}

async function dropdownTimings(n8n: N8n, sandbox: Sandbox) {
	await n8n.start();
	await n8n.signIn();
	const measure = async (label: string, endpoint: string, body: Record<string, unknown>) => {
		sandbox.clearRequests();
		const t0 = performance.now();
		const response = await n8n.rest<{ data: unknown }>('POST', `/rest/dynamic-node-parameters/${endpoint}`, body);
		const ms = performance.now() - t0;
		const data = response.body?.data as { results?: unknown[] } | unknown[] | undefined;
		const count = Array.isArray(data) ? data.length : (data?.results?.length ?? 0);
		return { dropdown: label, ms: Math.round(ms), entries: count, requests: sandbox.requests.length, status: response.status };
	};
	const results = [];
	for (const provider of benchmarked()) {
		const dropdowns = provider.bench.dropdowns;
		if (!dropdowns) continue;
		const base = {
			nodeTypeAndVersion: { name: `${PACKAGE_NAME}.${provider.bench.node}`, version: 1 },
			currentNodeParameters: dropdowns.parameters,
			credentials: sandboxCredentialRef(provider.bench.credentialType),
		};
		for (const { label, endpoint, path, methodName, filter } of dropdowns.list) {
			results.push(await measure(label, endpoint, { ...base, path, methodName, ...(filter ? { filter } : {}) }));
		}
	}
	await n8n.stop();
	return results;
}

/**
 * A "phone number changed" trigger on a large account, through n8n-core's PollContext (as n8n polls):
 * the first poll (records), a poll with nothing changed, and one after 1 % of the numbers changed.
 * Requests per poll, wall time, CPU (n8n-core and the package, without the sandbox's own answers),
 * and the workflow static data kept per number.
 */
export interface SharedKeyRow {
	setup: string;
	executions: number;
	items: number;
	applied: number;
	failed: number;
	/** Updates applied more than once (a write repeated after it succeeded). */
	resentAfterSuccess: number;
	requests: number;
	throttled: number;
	throttledPercent: number;
	wallSeconds: number;
	floorSeconds: number;
	ratioToFloor: number;
	/** Each execution's last answer, in seconds from the first request; and the spread between them. */
	endsSeconds: number[];
	endSpreadSeconds: number;
}

/**
 * Several executions of the reference node on one key, started together with equal work, through
 * n8n-core in this process. On one saved credential they share its pacer (as in one n8n process);
 * `separateCredentials`: each execution has its own credential holding the same key, so its own
 * pacer, and they meet only at the provider (as executions in different processes do). The floor
 * is every update's requests ÷ the key's rate.
 */
export async function sharedKeyRow(setup: { name: string; executions: number; perExecution: number; model?: RateSetup; separateCredentials?: boolean }): Promise<SharedKeyRow> {
	const provider = referenceProvider() as Benchmarked & ReturnType<typeof referenceProvider>;
	const facts = provider.bench;
	process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'phone-numbers-bench-core-'));
	const { runNode } = await import('../test/harness/runNode');
	const sandbox = await start({ latencyMs: LATENCY_MS, rateLimits: { [provider.name]: RATE }, seed: facts.seed, ...facts.options });
	try {
		const state = (sandbox.state as unknown as Record<string, unknown>)[provider.name];
		facts.setRate(state, RATE, setup.model);
		const numbers = facts.numbers(state).slice(0, setup.executions * setup.perExecution);
		const credential = provider.credentials.find((c) => c.type === facts.credentialType && c.data)!;
		const node = packageNode(provider);
		const label = (i: number) => `shared ${setup.name} ${i}`;
		const batches = Array.from({ length: setup.executions }, (_, e) => numbers.slice(e * setup.perExecution, (e + 1) * setup.perExecution));
		const executionOf = new Map(numbers.map((n, i) => [n.id, Math.floor(i / setup.perExecution)]));
		await new Promise((r) => setTimeout(r, 1100));
		facts.resetWindows(state);
		sandbox.clearRequests();
		const results = await Promise.all(
			batches.map((batch, e) =>
				runNode({
					node: facts.node,
					parameters: node.parameters as never,
					items: batch.map((n, i) => ({ id: n.id, label: label(e * setup.perExecution + i) })),
					credentials: { [credential.type]: credential.data!(sandbox.url) as never },
					credentialId: setup.separateCredentials ? `bench-credential-${e}` : undefined,
				}),
			),
		);
		const failedRuns = results.filter((r) => r.error);
		const sent = sandbox.requests.filter((r) => r.provider === provider.name);
		const first = Math.min(...sent.map((r) => r.at));
		const ends = batches.map((_, e) => {
			const mine = sent.filter((r) => executionOf.get(r.path.split('/').filter(Boolean).pop() ?? '') === e);
			return Number(((Math.max(...mine.map((r) => r.doneAt ?? r.at)) - first) / 1000).toFixed(2));
		});
		if (process.env.BENCH_DEBUG) {
			// Per second: each execution's requests carried out / answered 429.
			for (let second = 0; second * 1000 < Math.max(...ends) * 1000 + 1000; second++) {
				const inSecond = sent.filter((r) => r.at - first >= second * 1000 && r.at - first < (second + 1) * 1000);
				const by = (e: number) => inSecond.filter((r) => executionOf.get(r.path.split('/').filter(Boolean).pop() ?? '') === e);
				say(`    ${second}s: ${batches.map((_, e) => `${by(e).filter((r) => r.status !== 429).length}/${by(e).filter((r) => r.status === 429).length}`).join('  ')}`);
			}
		}
		const writes = sent.filter((r) => r.method === 'PUT');
		const succeeded = new Set<string>();
		let resent = 0;
		for (const write of writes) {
			if (succeeded.has(write.path)) resent++;
			if (write.status === 200) succeeded.add(write.path);
		}
		const applied = numbers.filter((n, i) => n.stored() === label(i)).length;
		const wallSeconds = Math.max(...ends);
		const floorSeconds = (numbers.length * facts.requestsPerUpdate) / RATE;
		const throttled = sent.filter((r) => r.status === 429).length;
		if (failedRuns.length) say(`  ${setup.name}: ${failedRuns.length} execution(s) failed: ${failedRuns[0].error?.message}`);
		return {
			setup: setup.name,
			executions: setup.executions,
			items: numbers.length,
			applied,
			failed: numbers.length - applied,
			resentAfterSuccess: resent,
			requests: sent.length,
			throttled,
			throttledPercent: Number(((100 * throttled) / Math.max(1, sent.length)).toFixed(1)),
			wallSeconds,
			floorSeconds,
			ratioToFloor: Number((wallSeconds / floorSeconds).toFixed(3)),
			endsSeconds: ends,
			endSpreadSeconds: Number((Math.max(...ends) - Math.min(...ends)).toFixed(2)),
		};
	} finally {
		await sandbox.stop();
	}
}

/** Issue 35's rows: two executions on one key under each model, first-arrival and clock-aligned windows side by side. */
export async function sharedKeyRows(perExecution = 150): Promise<SharedKeyRow[]> {
	const reference = referenceProvider() as Benchmarked & ReturnType<typeof referenceProvider>;
	const rows: SharedKeyRow[] = [];
	const models: Array<readonly [string, RateSetup | undefined]> = [
		['fixed windows from first arrival', undefined],
		['fixed windows on the clock', { model: 'clockAligned' }],
		...reference.bench.reference.models,
	];
	for (const [name, model] of models) {
		// One credential (one n8n process: one pacer), then two credentials on the key (two processes: two pacers).
		for (const separateCredentials of [false, true]) {
			const who = separateCredentials ? 'two credentials' : 'one credential';
			rows.push(await sharedKeyRow({ name: `two executions, one key, ${who}, ${name}`, executions: 2, perExecution, model, separateCredentials }));
			say(`  ${rows[rows.length - 1].setup}: ${rows[rows.length - 1].ratioToFloor} × floor, ends ${rows[rows.length - 1].endsSeconds.join(' / ')} s, ${rows[rows.length - 1].throttled} × 429`);
		}
	}
	return rows;
}

/**
 * The package's own CPU per item: reference updates through n8n-core against the sandbox with no
 * latency, at `perSecond` (0: no limit, the CPU an item costs a busy machine) or by default at the
 * provider's own limit (20/s: every request paced, each after ~50 ms idle, caches cold), under V8's
 * sampling profiler; the self time of the package's own code (`nodes/`, or the built `dist/nodes/`
 * with HARNESS_NODES=dist, what n8n loads) over the items. n8n-core, Node's HTTP and the
 * in-process sandbox are not counted. A warm-up run, then three profiled runs: the median run's
 * figures (one run's spread between runs here is ±10 %).
 */
export async function cpuPerItemRow(items = 500, perSecond?: number): Promise<{ items: number; perSecond?: number; runs: number[]; packageMs: number; packageMsPerItem: number; processCpuMsPerItem: number; top: Array<{ function: string; file: string; ms: number }> }> {
	const provider = referenceProvider() as Benchmarked & ReturnType<typeof referenceProvider>;
	const facts = provider.bench;
	process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'phone-numbers-bench-core-'));
	const { runNode } = await import('../test/harness/runNode');
	const { Session } = await import('node:inspector/promises');
	const sandbox = await start({ latencyMs: 0, seed: facts.seed, ...facts.options, ...(perSecond === undefined ? {} : { rateLimits: { [provider.name]: perSecond } }) });
	const state = (sandbox.state as unknown as Record<string, unknown>)[provider.name];
	const numbers = facts.numbers(state).slice(0, items);
	const credential = provider.credentials.find((c) => c.type === facts.credentialType && c.data)!;
	const run = async (prefix: string) =>
		await runNode({
			node: facts.node,
			parameters: packageNode(provider).parameters as never,
			items: numbers.map((n, i) => ({ id: n.id, label: `${prefix} ${i}` })),
			credentials: { [credential.type]: credential.data!(sandbox.url) as never },
		});
	await run('warm-up'); // the first run loads and compiles: not what an item costs
	const own = join(ROOT, process.env.HARNESS_NODES === 'dist' ? 'dist/nodes' : 'nodes') + '/';
	const profiled: Array<{ packageMs: number; processCpuMs: number; byFunction: Map<string, { function: string; file: string; ms: number }> }> = [];
	for (let r = 0; r < 3; r++) {
		const session = new Session();
		session.connect();
		await session.post('Profiler.enable');
		await session.post('Profiler.setSamplingInterval', { interval: 100 });
		await session.post('Profiler.start');
		const cpu = process.cpuUsage();
		const answering = sandbox.answeringCpuMs();
		const result = await run(`profiled ${r}`);
		const used = process.cpuUsage(cpu);
		const { profile } = (await session.post('Profiler.stop')) as { profile: { nodes: Array<{ id: number; callFrame: { functionName: string; url: string }; hitCount?: number }>; samples: number[]; timeDeltas: number[] } };
		session.disconnect();
		if (result.error) throw new Error(`the profiled run failed: ${result.error.message}`);
		// Self time of each profile node: the time deltas of the samples taken in it.
		const selfMs = new Map<number, number>();
		profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
		const byFunction = new Map<string, { function: string; file: string; ms: number }>();
		let packageMs = 0;
		for (const node of profile.nodes) {
			const url = node.callFrame.url.replace(/^file:\/\//, '');
			if (!url.startsWith(own)) continue;
			const ms = selfMs.get(node.id) ?? 0;
			packageMs += ms;
			const key = `${node.callFrame.functionName}@${url}`;
			const entry = byFunction.get(key) ?? { function: node.callFrame.functionName || '(anonymous)', file: url.slice(own.length), ms: 0 };
			entry.ms += ms;
			byFunction.set(key, entry);
		}
		profiled.push({ packageMs, processCpuMs: (used.user + used.system) / 1000 - (sandbox.answeringCpuMs() - answering), byFunction });
	}
	await sandbox.stop();
	const median = [...profiled].sort((a, b) => a.packageMs - b.packageMs)[1];
	const top = [...median.byFunction.values()].sort((a, b) => b.ms - a.ms).slice(0, 25).map((e) => ({ ...e, ms: Number(e.ms.toFixed(1)) }));
	return {
		items,
		perSecond,
		runs: profiled.map((p) => Number((p.packageMs / items).toFixed(3))),
		packageMs: Number(median.packageMs.toFixed(1)),
		packageMsPerItem: Number((median.packageMs / items).toFixed(3)),
		processCpuMsPerItem: Number((median.processCpuMs / items).toFixed(3)),
		top,
	};
}

/**
 * What one request costs the package's transport in CPU, without HTTP, n8n-core or a sandbox: the
 * shared client (pacing, the try's deadline, the rate-limit headers, masking the answer) against a
 * context whose request helper answers at once with a number and rate-limit headers. Steadier than
 * the profile above (whose runs spread ±10 %): the median of five batches of 20,000, in µs of
 * process CPU.
 */
export async function transportCpuPerRequest(batch = 20_000): Promise<{ requests: number; microsecondsPerRequest: number; batches: number[] }> {
	const { ApiClient, DEFAULT_RETRY_POLICY } = (await import(process.env.HARNESS_NODES === 'dist' ? '../dist/nodes/shared/transport/client' : '../nodes/shared/transport/client')) as typeof import('../nodes/shared/transport/client');
	const cancel = new AbortController();
	const answer = () => ({
		statusCode: 200,
		headers: { 'content-type': 'application/json', date: new Date(0).toUTCString(), ratelimit: 'limit=100, remaining=99, reset=1', 'ratelimit-policy': '100;w=1', 'x-request-id': 'req_1' },
		body: { id: 'num_1', number: '+15555550100', label: 'Main line', forward_to: '+15555550111', forward_enabled: true, is_group_number: false, voicemail_greeting_url: null, participants: ['user_1', 'user_2'], date_updated: '2026-12-07T10:00:00Z' },
	});
	const ctx = {
		getNode: () => ({ id: 'bench', name: 'Bench', type: 'bench', typeVersion: 1, position: [0, 0], parameters: {} }),
		getExecutionCancelSignal: () => cancel.signal,
		helpers: { httpRequestWithAuthentication: async () => answer() },
	};
	const client = new ApiClient(ctx as never, {
		provider: { displayName: 'Bench', errorMessages: () => [], hint: () => undefined },
		credentialType: 'benchApi',
		credentialName: 'Bench API',
		baseUrl: 'https://api.example.com/v1',
		policy: DEFAULT_RETRY_POLICY,
		secrets: ['bench_api_key_0123456789abcdef'],
		basicAuth: { user: 'bench_api_key_0123456789abcdef', password: '' },
	});
	const run = async (count: number) => {
		for (let i = 0; i < count; i++) await client.requestFull({ method: 'PUT', path: `/phone_number/num_${i % 100}/`, body: { label: `Label ${i}` }, itemIndex: 0 });
	};
	await run(batch); // warm-up: compiled and inlined as in a long run
	const batches: number[] = [];
	for (let b = 0; b < 5; b++) {
		const before = process.cpuUsage();
		await run(batch);
		const used = process.cpuUsage(before);
		batches.push(Number(((used.user + used.system) / batch).toFixed(2)));
	}
	const sorted = [...batches].sort((a, b) => a - b);
	return { requests: batch, microsecondsPerRequest: sorted[2], batches };
}

const SHARED_KEY_COLUMNS = ['setup', 'items', 'applied', 'failed', 'requests', 'throttled', 'throttledPercent', 'wallSeconds', 'floorSeconds', 'ratioToFloor', 'endsSeconds', 'endSpreadSeconds'];

export async function triggerRow(numbers: number) {
	const provider = benchmarked().find((p) => p.bench.trigger);
	if (!provider?.bench.trigger) return undefined;
	const trigger = provider.bench.trigger;
	// n8n-core keeps its settings in N8N_USER_FOLDER (the bench's own, not the user's ~/.n8n), read when it loads.
	process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'phone-numbers-bench-core-'));
	const { pollTrigger } = await import('../test/harness/runNode');
	const sandbox = await start({ latencyMs: LATENCY_MS, seed: { [trigger.seedKey]: numbers } });
	const credential = provider.credentials.find((c) => c.type === provider.bench.credentialType && c.data)!;
	const staticData = {};
	const polls = [];
	for (const [name, before] of [
		['first poll (records)', () => undefined],
		['nothing changed', () => undefined],
		['1 % changed', () => trigger.change((sandbox.state as unknown as Record<string, unknown>)[provider.name], numbers / 100)],
	] as const) {
		before();
		sandbox.clearRequests();
		const cpu = process.cpuUsage();
		const answering = sandbox.answeringCpuMs();
		const t0 = performance.now();
		const { items, error } = await pollTrigger({ node: trigger.node, credentials: { [credential.type]: credential.data!(sandbox.url) as never }, staticData });
		const wallMs = performance.now() - t0;
		const used = process.cpuUsage(cpu);
		if (error) throw new Error(`the ${trigger.node} poll failed: ${error.message}`);
		polls.push({
			poll: name,
			emitted: items?.length ?? 0,
			requests: sandbox.requests.length,
			wallMs: Math.round(wallMs),
			// The process's CPU less what the in-process sandbox spent building its answers (Node's HTTP server not subtracted).
			cpuMs: Math.round((used.user + used.system) / 1000 - (sandbox.answeringCpuMs() - answering)),
			staticDataBytesPerNumber: Math.round(Buffer.byteLength(JSON.stringify(staticData)) / numbers),
		});
	}
	await sandbox.stop();
	return { trigger: `${provider.title} (${trigger.node})`, numbers, latencyMs: LATENCY_MS, polls };
}

function coldLoadMs(): number {
	const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
	const files = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((f) => join(ROOT, f));
	const script = `const w=require('n8n-workflow');const t=process.hrtime.bigint();for(const f of ${JSON.stringify(files)}){const m=require(f);for(const k of Object.keys(m)){if(typeof m[k]==='function')new m[k]();}}console.log(Number(process.hrtime.bigint()-t)/1e6)`;
	const runs = Array.from({ length: 5 }, () => Number(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }).trim()));
	return Number(runs.sort((a, b) => a - b)[2].toFixed(1));
}

function table(rows: Array<Record<string, unknown>>, columns: string[]): string {
	const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
	const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
	return [line(columns), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map((r) => line(columns.map((c) => String(r[c] ?? ''))))].join('\n');
}

async function main() {
	if (process.env.BENCH_ONLY === 'shared-keys') {
		// Through n8n-core only: no build, no n8n install.
		const rows = await sharedKeyRows();
		say(table(rows as unknown as Array<Record<string, unknown>>, SHARED_KEY_COLUMNS));
		say(JSON.stringify(await cpuPerItemRow(), null, 2));
		process.exit(0);
	}
	if (process.env.BENCH_ONLY === 'transport') {
		say(JSON.stringify(await transportCpuPerRequest()));
		process.exit(0);
	}
	if (process.env.BENCH_ONLY === 'cpu') {
		// The built package, as n8n loads it (not its sources through tsx's transform).
		execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
		process.env.HARNESS_NODES = 'dist';
		say(JSON.stringify(await cpuPerItemRow(500, 0), null, 2));
		say(JSON.stringify(await cpuPerItemRow(), null, 2));
		say(JSON.stringify(await transportCpuPerRequest()));
		process.exit(0);
	}
	say('Building and packing…');
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
	// The rows run through n8n-core load the built package too: what n8n loads, and what the CPU row profiles.
	process.env.HARNESS_NODES = 'dist';
	const tarball = packPackage();
	const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }))[0] as { size: number; unpackedSize: number; files: unknown[] };

	const reference = referenceProvider() as Benchmarked & ReturnType<typeof referenceProvider>;
	// Large accounts for every provider that declares one; the reference provider at the bench's limit.
	const largeAccounts: SandboxOptions = { latencyMs: LATENCY_MS, rateLimits: { [reference.name]: RATE }, seed: {} };
	for (const provider of benchmarked()) {
		Object.assign(largeAccounts.seed!, provider.bench.seed);
		Object.assign(largeAccounts, provider.bench.options);
	}
	const sandbox = await start(largeAccounts);
	const install = ensureN8n(DEFAULT_N8N_VERSION);
	const userFolder = mkdtempSync(join(tmpdir(), 'phone-numbers-bench-'));
	const n8n = new N8n(install, userFolder);
	installPackage(tarball, userFolder);
	await n8n.importCredentials(sandboxCredentials(sandbox.url));

	say(`Bulk updates (${PROFILE} profile): ${ITEMS} ${reference.title} labels, ${RATE} requests/s per key, ${LATENCY_MS} ms latency (n8n ${install.version})`);
	const bulk: BulkResult[] = [];
	const ours = `${reference.title} (this package)`;
	const row = (name: string, target: Record<string, unknown>, concurrency: number, extra: { model?: RateSetup; rate?: number; otherClient?: boolean } = {}) =>
		bulkRun(n8n, sandbox, reference, {
			name,
			node: target === packageTarget ? ours : 'HTTP Request',
			target,
			concurrency,
			items: ITEMS,
			rate: extra.rate ?? RATE,
			requestsPerUpdate: target === packageTarget ? reference.bench.requestsPerUpdate : 1,
			model: extra.model,
			otherClient: extra.otherClient,
		});
	const packageTarget = packageNode(reference);
	const batching = httpRequestNode(reference, sandbox.url, { options: BATCHING });
	// `BENCH_ONLY=see-before-you-change`: just issue 31's rows (a quick look while working on them).
	if (process.env.BENCH_ONLY === 'see-before-you-change') {
		const rows = await seeBeforeYouChangeRows(n8n, sandbox, reference);
		say(table(rows as unknown as Array<Record<string, unknown>>, ['setup', 'items', 'applied', 'failed', 'writes', 'requests', 'pageSize', 'throttled', 'wallSeconds', 'floorSeconds', 'ratioToFloor']));
		await sandbox.stop();
		process.exit(0);
	}
	bulk.push(await row('package defaults', packageTarget, 10));
	// The same defaults against every rate-limit model a provider may use (the pacer is not tuned to any).
	for (const [name, model] of reference.bench.reference.models) {
		bulk.push(await row(`package defaults, ${name}`, packageTarget, 10, { model }));
		bulk.push(await row(`HTTP Request batching 20/1s, ${name}`, batching, 20, { model }));
	}
	if (PROFILE === 'full') {
		bulk.push(await row('HTTP Request defaults', httpRequestNode(reference, sandbox.url, {}), ITEMS));
		bulk.push(
			await row('HTTP Request retry on fail', httpRequestNode(reference, sandbox.url, { settings: { retryOnFail: true, maxTries: 5, waitBetweenTries: 5000 } }), ITEMS),
		);
	}
	bulk.push(await row('HTTP Request batching 20/1s', batching, 20));
	bulk.push(await row('package defaults, shared budget', packageTarget, 10, { otherClient: true }));
	// With half the budget taken by another client, the floor is twice as long.
	const shared = bulk[bulk.length - 1];
	shared.floorSeconds = ITEMS / (RATE / 2);
	shared.ratioToFloor = Number((shared.wallSeconds / shared.floorSeconds).toFixed(3));
	// The limit is not what the user guessed: 15 requests/s, the batching still tuned for 20.
	bulk.push(await row('package defaults, limit 15/s', packageTarget, 10, { rate: 15 }));
	bulk.push(await row('HTTP Request batching 20/1s, limit 15/s', batching, 20, { rate: 15 }));
	bulk.push(...(await seeBeforeYouChangeRows(n8n, sandbox, reference)));
	// The other providers' nodes on the same shared transport, each with the rows its sandbox declares.
	for (const provider of benchmarked()) bulk.push(...(await providerRows(n8n, sandbox, provider)));

	// n8n's queue mode: a main, two workers, Redis and PostgreSQL; four executions at once on one key.
	const noQueue = queueModeUnavailable();
	if (noQueue) say(`  queue mode: skipped (${noQueue})`);
	else {
		say('  queue mode, 4 executions × 250 on 2 workers: starting Redis, PostgreSQL, main and workers…');
		const state = (sandbox.state as unknown as Record<string, unknown>)[reference.name];
		const restore = reference.bench.setRate(state, RATE);
		const services = await startQueueServices();
		const queue = await startQueueMode(install, tarball, sandbox, services, 2);
		try {
			const figures = await runQueueBulk(queue, sandbox, { executions: 4, perExecution: 250, rate: RATE });
			bulk.push({
				node: ours,
				provider: reference.name,
				setup: 'queue mode: 4 executions × 250, 2 workers, one key',
				items: figures.updates,
				applied: figures.applied,
				failed: figures.updates - figures.applied,
				requests: figures.requests,
				resentAfterSuccess: figures.resentAfterSuccess,
				throttled: figures.throttled,
				wallSeconds: figures.wallSeconds,
				floorSeconds: figures.floorSeconds,
				ratioToFloor: figures.ratioToFloor,
				endsSeconds: figures.endsSeconds,
			});
		} finally {
			restore();
			await queue.stop();
			await services.stop();
		}
	}

	say('Two executions on one key, each rate-limit model, first-arrival and clock-aligned windows (through n8n-core)…');
	const sharedKeys = await sharedKeyRows();
	say('The package\'s own CPU per item (updates through n8n-core, sampling profiler; one request through the transport alone)…');
	const cpuUnpaced = await cpuPerItemRow(500, 0);
	const cpu = await cpuPerItemRow();
	const transportCpu = await transportCpuPerRequest();

	say('A "phone number changed" trigger on 10,000 numbers (through n8n-core)…');
	const trigger = await triggerRow(10_000);

	say('Dropdowns on large accounts (through n8n’s REST API)…');
	const dropdowns = await dropdownTimings(n8n, sandbox);
	const load = coldLoadMs();
	await sandbox.stop();
	rmSync(userFolder, { recursive: true, force: true });

	const defaults = bulk[0];
	const comparisons = bulk
		.filter((r) => r.provider === reference.name && r.node === 'HTTP Request' && !r.setup.includes(','))
		.map((r) => ({
			against: r.setup,
			wallRatio: Number((defaults.wallSeconds / r.wallSeconds).toFixed(3)),
			appliedRatio: Number((defaults.applied / Math.max(1, r.applied)).toFixed(2)),
		}));

	say('\nBulk updates');
	say(table(bulk as unknown as Array<Record<string, unknown>>, ['setup', 'applied', 'failed', 'requests', 'resentAfterSuccess', 'throttled', 'wallSeconds', 'floorSeconds', 'ratioToFloor']));
	say(`\nSee before you change (${reference.title}, 1,000 numbers, 100 differ): applied counts numbers as asked (Dry Run: as they were)`);
	say(table(bulk.filter((r) => r.writes !== undefined) as unknown as Array<Record<string, unknown>>, ['setup', 'items', 'applied', 'failed', 'writes', 'requests', 'pageSize', 'throttled', 'wallSeconds', 'floorSeconds', 'ratioToFloor']));
	for (const row of bulk.filter((r) => r.endsSeconds !== undefined)) say(`  ${row.setup}: the executions ended at ${row.endsSeconds!.join(' / ')} s`);
	say('\nTwo executions on one key (2 × 150, started together): each one\'s end, and the spread');
	say(table(sharedKeys as unknown as Array<Record<string, unknown>>, SHARED_KEY_COLUMNS));
	say(`\nThe package's own CPU per item (self time of the built nodes/ under V8's sampling profiler, median of 3 runs of ${cpu.items} updates): no limit ${cpuUnpaced.packageMsPerItem} ms (${cpuUnpaced.runs.join(', ')}; the whole process ${cpuUnpaced.processCpuMsPerItem} ms); paced at 20/s ${cpu.packageMsPerItem} ms (${cpu.runs.join(', ')}; the whole process, sandbox answers left out: ${cpu.processCpuMsPerItem} ms)`);
	say(`One request through the shared transport alone (no HTTP, no n8n-core; median of 5 × ${transportCpu.requests}): ${transportCpu.microsecondsPerRequest} µs of CPU`);
	say(table(cpu.top.slice(0, 8), ['function', 'file', 'ms']));
	for (const row of bulk.filter((r) => r.otherClientRequests !== undefined)) {
		say(`  ${row.setup}: the other client sent ${row.otherClientRequests}, ${row.otherClientThrottled} answered 429`);
	}
	say('\nThis package (defaults) against the HTTP Request node: wall time ratio (lower is better), updates applied ratio');
	say(table(comparisons, ['against', 'wallRatio', 'appliedRatio']));
	say('\nDropdowns: time to the answer, entries shown, requests the provider saw');
	say(table(dropdowns, ['dropdown', 'ms', 'entries', 'requests']));
	if (trigger) {
		say(`\nTrigger: ${trigger.trigger}, ${trigger.numbers} numbers, ${trigger.latencyMs} ms latency`);
		say(table(trigger.polls, ['poll', 'emitted', 'requests', 'wallMs', 'cpuMs', 'staticDataBytesPerNumber']));
	}
	say(`\nCold load (every node and credential required, median of 5): ${load} ms`);
	say(`Packed size: ${(packed.size / 1024).toFixed(1)} kB (${(packed.unpackedSize / 1024).toFixed(1)} kB unpacked, ${packed.files.length} files)`);

	const dir = join(ROOT, 'bench/results');
	mkdirSync(dir, { recursive: true });
	const file = join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
	writeFileSync(
		file,
		JSON.stringify(
			{
				date: new Date().toISOString(),
				n8n: install.version,
				conditions: { items: ITEMS, referenceProvider: reference.name, requestsPerSecond: RATE, latencyMs: LATENCY_MS },
				bulk,
				sharedKeys,
				cpu,
				cpuUnpaced,
				transportCpu,
				comparisons,
				dropdowns,
				trigger,
				coldLoadMs: load,
				packedBytes: packed.size,
				unpackedBytes: packed.unpackedSize,
			},
			null,
			2,
		),
	);
	say(`\nWritten to ${file}`);
	process.exit(0);
}

// Run by `npm run bench`; imported (for one row) it runs nothing.
if (require.main === module) {
	main().catch((error: Error) => {
		process.stderr.write(`bench failed: ${error.stack}\n`);
		process.exit(1);
	});
}
