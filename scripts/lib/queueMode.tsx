/**
 * n8n's queue mode on one machine, for the queue-mode e2e test and the bench: Redis and PostgreSQL
 * from Debian's packages on free local ports (throwaway data folders, no system service), one n8n
 * main and `n8n worker`s sharing them, and a webhook workflow that updates the reference provider's
 * numbers (the sandbox provider whose `bench.reference` says so).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, readFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { referenceProvider, type Sandbox } from '../../sandbox';
import { freePort, installPackage, N8n, packageUpdateNode, sandboxCredentials, waitForWebhook, type N8nInstall } from './n8n';

const DB = { name: 'n8n', user: 'n8n', password: 'n8n' };

function postgresBin(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin/initdb'))).sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(root, versions[0], 'bin') : undefined;
}

function onPath(command: string): boolean {
	try {
		execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/** Why queue mode cannot run here (undefined: it can). */
export function queueModeUnavailable(): string | undefined {
	if (!onPath('redis-server')) return "Redis is not installed (Debian: apt-get install redis-server)";
	if (!postgresBin()) return 'PostgreSQL is not installed (Debian: apt-get install postgresql)';
	if (process.getuid?.() === 0 && !onPath('runuser')) return 'PostgreSQL refuses to run as root and runuser is missing';
	return undefined;
}

async function waitForPort(port: number, what: string, timeoutMs = 60_000): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		const open = await new Promise<boolean>((resolve) => {
			const socket = createConnection({ port, host: '127.0.0.1' }, () => {
				socket.end();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`${what} did not listen on port ${port} within ${timeoutMs} ms`);
}

export interface QueueServices {
	redisPort: number;
	postgresPort: number;
	/** Redis's and PostgreSQL's server processes, for the check of where they listen. */
	pids: number[];
	stop(): Promise<void>;
}

/** Redis and a PostgreSQL cluster in temporary folders, as the current user (or `postgres` when root). */
export async function startQueueServices(): Promise<QueueServices> {
	const redisPort = await freePort();
	const redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
	await waitForPort(redisPort, 'Redis');

	const bin = postgresBin() as string;
	const postgresPort = await freePort();
	const dataDir = mkdtempSync(join(tmpdir(), 'phone-numbers-pg-'));
	const asRoot = process.getuid?.() === 0;
	// PostgreSQL refuses to run as root: the cluster belongs to the `postgres` user Debian creates.
	const run = (command: string, args: string[]) =>
		execFileSync(asRoot ? 'runuser' : join(bin, command), asRoot ? ['-u', 'postgres', '--', join(bin, command), ...args] : args, { stdio: 'pipe' });
	if (asRoot) {
		chmodSync(dataDir, 0o700);
		execFileSync('chown', ['-R', 'postgres', dataDir]);
	}
	const passwordFile = join(tmpdir(), `phone-numbers-pg-pw-${postgresPort}`);
	writeFileSync(passwordFile, DB.password);
	if (asRoot) execFileSync('chown', ['postgres', passwordFile]);
	run('initdb', ['-D', dataDir, '-U', DB.user, '--auth=trust', '-E', 'UTF8', `--pwfile=${passwordFile}`]);
	rmSync(passwordFile, { force: true });
	run('pg_ctl', ['-D', dataDir, '-l', join(dataDir, 'server.log'), '-o', `-p ${postgresPort} -k ${dataDir} -c listen_addresses=127.0.0.1`, '-w', 'start']);
	run('createdb', ['-h', '127.0.0.1', '-p', String(postgresPort), '-U', DB.user, DB.name]);

	// postmaster.pid's first line is the server's process ID.
	const postgresPid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
	return {
		redisPort,
		postgresPort,
		pids: [redis.pid as number, postgresPid],
		stop: async () => {
			try {
				run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
			} catch {
				// already stopped
			}
			redis.kill('SIGTERM');
			await new Promise((r) => setTimeout(r, 200));
			rmSync(dataDir, { recursive: true, force: true });
		},
	};
}

/** What main and workers share: the queue, the database and the key that encrypts credentials. */
export function queueEnv(services: QueueServices): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(services.redisPort),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(services.postgresPort),
		DB_POSTGRESDB_DATABASE: DB.name,
		DB_POSTGRESDB_USER: DB.user,
		DB_POSTGRESDB_PASSWORD: DB.password,
		N8N_ENCRYPTION_KEY: 'phone-numbers-queue-mode-test-key-0001',
		N8N_LOG_LEVEL: 'info',
	};
}

/** The reference provider's node updating `$json.id`'s label to `$json.label` (the bench's rows and the queue test). */
export function referenceUpdateNode() {
	const { bench } = referenceProvider();
	return packageUpdateNode(bench.node, bench.credentialType, 'phoneNumber', bench.updateFields);
}

/** A webhook that takes `{numbers: [{id, label}]}` and updates each label with the reference provider's node. */
export function bulkWebhookWorkflow(id: string, path: string) {
	return {
		id,
		name: `Queue mode: ${referenceProvider().title} labels (${path})`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'webhook',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '5f0b8c1e-7a52-4c0e-9d55-3c1f7f6a2b10',
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
			},
			{
				id: 'split',
				name: 'Numbers',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [200, 0],
				parameters: { fieldToSplitOut: 'body.numbers', options: {} },
			},
			{ id: 'update', name: 'Update', position: [400, 0], ...referenceUpdateNode() },
		],
		connections: {
			Webhook: { main: [[{ node: 'Numbers', type: 'main', index: 0 }]] },
			Numbers: { main: [[{ node: 'Update', type: 'main', index: 0 }]] },
		},
	};
}

/** `n8n worker` in the background; resolves when it says it is ready. Its log is kept for asserts. */
export class N8nWorker {
	private child?: ChildProcess;

	log = '';

	constructor(private readonly n8n: N8n) {}

	get pid(): number | undefined {
		return this.child?.pid;
	}

	async start(concurrency: number): Promise<void> {
		const brokerPort = await freePort();
		const healthPort = await freePort();
		this.child = spawn(join(this.n8n.install.node24Home, 'bin/node'), [join(this.n8n.install.n8nDir, 'node_modules/n8n/bin/n8n'), 'worker', `--concurrency=${concurrency}`], {
			env: { ...this.n8n.env, N8N_RUNNERS_BROKER_PORT: String(brokerPort), QUEUE_HEALTH_CHECK_PORT: String(healthPort), N8N_WORKER_SERVER_PORT: String(healthPort) },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const ready = new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`n8n worker was not ready after 240 s:\n${this.log.slice(-3000)}`)), 240_000);
			const onData = (chunk: Buffer) => {
				this.log += chunk.toString();
				if (/worker is now ready|Worker ready|ready to process/i.test(this.log)) {
					clearTimeout(timer);
					resolve();
				}
			};
			this.child?.stdout?.on('data', onData);
			this.child?.stderr?.on('data', onData);
			this.child?.once('exit', (code) => {
				clearTimeout(timer);
				reject(new Error(`n8n worker exited with ${code}:\n${this.log.slice(-3000)}`));
			});
		});
		await ready;
	}

	async stop(): Promise<void> {
		const child = this.child;
		if (!child || child.exitCode !== null) return;
		const exited = new Promise<void>((r) => child.once('exit', () => r()));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
		await exited;
		clearTimeout(timer);
	}
}

export interface QueueRun {
	main: N8n;
	workers: N8nWorker[];
	webhookUrl: string;
	stop(): Promise<void>;
}

/**
 * Main and `workerCount` workers on one pinned n8n, each with its own user folder and the packed
 * package installed, the sandbox credentials and the webhook workflow published (active), and any
 * `activeWorkflows` (files) imported and activated on main too.
 */
export async function startQueueMode(
	install: N8nInstall,
	tarball: string,
	sandbox: Sandbox,
	services: QueueServices,
	workerCount = 2,
	activeWorkflows: Array<{ file: string; id: string }> = [],
): Promise<QueueRun> {
	const env = queueEnv(services);
	const folder = (name: string) => {
		const dir = mkdtempSync(join(tmpdir(), `phone-numbers-queue-${name}-`));
		mkdirSync(dir, { recursive: true });
		installPackage(tarball, dir);
		return dir;
	};
	const main = new N8n(install, folder('main'), env);
	await main.importCredentials(sandboxCredentials(sandbox.url));
	const path = 'bulk-labels';
	const workflowFile = join(main.userFolder, 'queue-workflow.json');
	writeFileSync(workflowFile, JSON.stringify(bulkWebhookWorkflow('queueBulkLabels', path)));
	await main.importWorkflow(workflowFile);
	await main.activateWorkflow('queueBulkLabels');
	for (const workflow of activeWorkflows) {
		await main.importWorkflow(workflow.file);
		await main.activateWorkflow(workflow.id);
	}
	await main.start();
	await waitForWebhook(`${main.url}/webhook/${path}`);
	const workers = Array.from({ length: workerCount }, (_, i) => new N8nWorker(new N8n(install, folder(`worker${i + 1}`), env)));
	for (const worker of workers) await worker.start(2);
	return {
		main,
		workers,
		webhookUrl: `${main.url}/webhook/${path}`,
		stop: async () => {
			for (const worker of workers) await worker.stop();
			await main.stop();
		},
	};
}

export interface QueueFigures {
	executions: number;
	/** Each execution's last answer, in seconds from the first request. */
	endsSeconds: number[];
	updates: number;
	applied: number;
	requests: number;
	throttled: number;
	resentAfterSuccess: number;
	wallSeconds: number;
	floorSeconds: number;
	ratioToFloor: number;
}

/**
 * Sends `executions` webhook calls at once, each with `perExecution` of the reference provider's
 * numbers on one key, and waits until every label is applied (or `timeoutMs`). Figures from what
 * the sandbox received: writes (PUT, PATCH, POST) to the provider.
 */
export async function runQueueBulk(
	run: QueueRun,
	sandbox: Sandbox,
	options: { executions: number; perExecution: number; rate: number; timeoutMs?: number },
): Promise<QueueFigures> {
	const reference = referenceProvider();
	const total = options.executions * options.perExecution;
	const chosen = reference.bench.numbers((sandbox.state as unknown as Record<string, unknown>)[reference.name]).slice(0, total);
	if (chosen.length < total) throw new Error(`the sandbox has ${chosen.length} numbers, ${total} are needed`);
	const labels = chosen.map((_, i) => `queue ${Date.now()} ${i}`);
	sandbox.clearRequests();
	const answers = await Promise.all(
		Array.from({ length: options.executions }, async (_, e) => {
			const slice = chosen.slice(e * options.perExecution, (e + 1) * options.perExecution);
			const body = { numbers: slice.map((n, i) => ({ id: n.id, label: labels[e * options.perExecution + i] })) };
			const response = await fetch(run.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
			return response.status;
		}),
	);
	if (answers.some((status) => status !== 200)) throw new Error(`the webhook answered ${answers.join(', ')}; n8n main said:\n${run.main.recentLog}`);
	const until = Date.now() + (options.timeoutMs ?? 300_000);
	const applied = () => chosen.filter((n, i) => n.stored() === labels[i]).length;
	while (applied() < total && Date.now() < until) await new Promise((r) => setTimeout(r, 500));
	// Anything still in flight (a retry after the last label) lands before the figures are taken.
	await new Promise((r) => setTimeout(r, 2000));
	const puts = sandbox.requests.filter((r) => r.provider === reference.name && ['PUT', 'PATCH', 'POST'].includes(r.method));
	const succeeded = new Set<string>();
	let resent = 0;
	for (const put of puts) {
		if (succeeded.has(put.path)) resent++;
		if (put.status === 200) succeeded.add(put.path);
	}
	const first = Math.min(...puts.map((r) => r.at));
	const last = Math.max(...puts.map((r) => r.doneAt ?? r.at));
	const wallSeconds = puts.length ? (last - first) / 1000 : 0;
	const floorSeconds = total / options.rate;
	// Each execution's last answer, from the first request: executions started together with equal
	// work should end together.
	const executionOf = new Map(chosen.map((n, i) => [n.id, Math.floor(i / options.perExecution)]));
	const endsSeconds = Array.from({ length: options.executions }, (_, e) => {
		const mine = puts.filter((r) => executionOf.get(r.path.split('/').filter(Boolean).pop() ?? '') === e);
		return mine.length ? Number(((Math.max(...mine.map((r) => r.doneAt ?? r.at)) - first) / 1000).toFixed(2)) : 0;
	});
	return {
		executions: options.executions,
		endsSeconds,
		updates: total,
		applied: applied(),
		requests: puts.length,
		throttled: puts.filter((r) => r.status === 429).length,
		resentAfterSuccess: resent,
		wallSeconds: Number(wallSeconds.toFixed(2)),
		floorSeconds,
		ratioToFloor: Number((wallSeconds / floorSeconds).toFixed(3)),
	};
}
