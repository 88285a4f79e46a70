/**
 * Drives a real n8n for `npm start`, the end-to-end tests and the benchmark: a pinned n8n from the
 * npm registry (scripts/ensure-n8n.sh), this package installed from its packed tarball the way n8n
 * installs community packages, credentials pointing at the sandbox, and n8n's CLI and REST API.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { DOCUMENTED_OWNER, LOOPBACK } from './listen';
import { allSandboxCredentials } from '../../sandbox';

export const ROOT = resolve(__dirname, '../..');
export const PACKAGE_NAME = 'n8n-nodes-phone-numbers';
export const DEFAULT_N8N_VERSION = '2.40.7';

export interface N8nInstall {
	version: string;
	n8nDir: string;
	node24Home: string;
}

/**
 * Installs (first time) or finds the cached, verified n8n `version` and Node 24. Progress lines go
 * to stderr; npm's own output to `npmLog` when given.
 */
export function ensureN8n(version = DEFAULT_N8N_VERSION, npmLog?: string): N8nInstall {
	const out = execFileSync('bash', [join(ROOT, 'scripts/ensure-n8n.sh'), version], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
		env: { ...process.env, ...(npmLog ? { ENSURE_N8N_LOG: npmLog } : {}) },
	});
	const value = (key: string) => new RegExp(`^${key}=(.*)$`, 'm').exec(out)?.[1] ?? '';
	return { version, n8nDir: value('N8N_DIR'), node24Home: value('NODE24_HOME') };
}

/** Whether `version` is installed and verified in the cache (nothing is installed). */
export function n8nInstalled(version = DEFAULT_N8N_VERSION): boolean {
	const out = execFileSync('bash', [join(ROOT, 'scripts/ensure-n8n.sh'), version, '--status'], { encoding: 'utf8' });
	return out.trim() === 'ready';
}

/** `npm pack` of the built package (what npm would publish); returns the tarball path. */
export function packPackage(destination = mkdtempSync(join(tmpdir(), 'phone-numbers-pack-'))): string {
	const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], {
		cwd: ROOT,
		encoding: 'utf8',
	});
	const [{ filename }] = JSON.parse(out) as Array<{ filename: string }>;
	return join(destination, filename);
}

/** Unpacks the tarball where n8n keeps installed community packages. */
export function installPackage(tarball: string, userFolder: string): void {
	const target = join(userFolder, '.n8n/nodes/node_modules', PACKAGE_NAME);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
	const nodesPackage = join(userFolder, '.n8n/nodes/package.json');
	writeFileSync(
		nodesPackage,
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: `file:${tarball}` } }, null, 2),
	);
}

/** The sandbox credentials' IDs by credential type, as the sandbox's providers declare them (examples refer to them). */
export const SANDBOX_CREDENTIAL_IDS: Record<string, string> = Object.fromEntries(allSandboxCredentials().map((c) => [c.type, c.id]));

export type SandboxCredentialType = string;

/** A node's `credentials` entry for the sandbox credential of `type`. */
export function sandboxCredentialRef(type: SandboxCredentialType) {
	const { id, name } = allSandboxCredentials().find((c) => c.type === type) as { id: string; name: string };
	return { [type]: { id, name } };
}

/**
 * One of this package's nodes at its defaults, updating the number `$json.id` (through the
 * locator parameter `locator`) with `updateFields`: the bench's rows and the queue-mode test.
 */
export function packageUpdateNode(node: string, credential: SandboxCredentialType, locator: string, updateFields: Record<string, unknown>) {
	return {
		type: `${PACKAGE_NAME}.${node}`,
		typeVersion: 1,
		parameters: {
			resource: 'phoneNumber',
			operation: 'update',
			[locator]: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			updateFields,
		},
		credentials: sandboxCredentialRef(credential),
	};
}

/** Credentials (as `n8n import:credentials` takes them) that point at the sandbox: every provider's that needs no consent step. */
export function sandboxCredentials(sandboxUrl: string) {
	return allSandboxCredentials().flatMap(({ id, name, type, data }) => (data ? [{ id, name, type, data: data(sandboxUrl) }] : []));
}

export function exampleWorkflowFiles(): string[] {
	const dir = join(ROOT, 'examples');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => join(dir, f));
}

export async function freePort(): Promise<number> {
	return await new Promise((resolvePort, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolvePort(port));
		});
	});
}

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

/** One n8n (a user folder with its SQLite database) on a pinned install. */
export class N8n {
	private server?: ChildProcess;

	private cookie = '';

	/** The end of what `n8n start` printed, for errors. */
	recentLog = '';

	port = 5678;

	constructor(
		readonly install: N8nInstall,
		readonly userFolder: string,
		private readonly extraEnv: Record<string, string> = {},
		/** Where n8n listens: loopback unless `npm start` was told otherwise (issue 36). */
		readonly listen: { address: string; secureCookie: boolean } = { address: LOOPBACK, secureCookie: false },
	) {
		mkdirSync(userFolder, { recursive: true });
	}

	/** The `n8n start` process, while it runs (its tree's sockets are checked by the tests). */
	get pid(): number | undefined {
		return this.server?.pid;
	}

	get env(): NodeJS.ProcessEnv {
		// Not the test runner's environment: n8n logs nothing (and so prints no run data) under
		// NODE_ENV=test, which jest sets.
		const inherited = Object.fromEntries(
			Object.entries(process.env).filter(([key]) => !/^(JEST_|NODE_ENV$|NODE_OPTIONS$|N8N_)/.test(key)),
		);
		return {
			...inherited,
			NODE_ENV: 'production',
			PATH: `${this.install.node24Home}/bin:${process.env.PATH ?? ''}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_RUNNERS_ENABLED: 'false',
			N8N_SECURE_COOKIE: String(this.listen.secureCookie),
			// Every server n8n starts: the editor and REST API, the task broker, a worker's health server.
			N8N_LISTEN_ADDRESS: this.listen.address,
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: LOOPBACK,
			N8N_WORKER_SERVER_ADDRESS: LOOPBACK,
			N8N_HIDE_USAGE_PAGE: 'true',
			N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'warn',
			N8N_PORT: String(this.port),
			N8N_HOST: 'localhost',
			NODE_OPTIONS: '',
			...this.extraEnv,
		};
	}

	private get bin(): [string, string] {
		return [join(this.install.node24Home, 'bin/node'), join(this.install.n8nDir, 'node_modules/n8n/bin/n8n')];
	}

	async cli(args: string[], timeoutMs = 300_000, env: Record<string, string> = {}): Promise<CliResult> {
		const [node, n8n] = this.bin;
		// Each n8n process starts a task broker: give it a port of its own (5679 may be taken).
		const brokerPort = await freePort();
		return await new Promise((resolveCli, reject) => {
			// Node's execFile collects both streams until the process has ended and kills it past the timeout.
			execFile(node, [n8n, ...args], { env: { ...this.env, ...env, N8N_RUNNERS_BROKER_PORT: String(brokerPort) }, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 1 << 28, encoding: 'utf8' }, (error, stdout, stderr) => {
				if (error?.killed) reject(new Error(`n8n ${args.join(' ')} took longer than ${timeoutMs} ms\n${stdout}\n${stderr}`));
				else resolveCli({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
			});
		});
	}

	private async cliOk(args: string[]): Promise<CliResult> {
		const result = await this.cli(args);
		if (result.code !== 0) throw new Error(`n8n ${args.join(' ')} failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
		return result;
	}

	async importCredentials(credentials: unknown[]): Promise<void> {
		const file = join(this.userFolder, 'import-credentials.json');
		writeFileSync(file, JSON.stringify(credentials, null, 2));
		await this.cliOk(['import:credentials', `--input=${file}`]);
		rmSync(file);
	}

	async importWorkflow(file: string): Promise<void> {
		await this.cliOk(['import:workflow', `--input=${file}`]);
	}

	/** Makes an imported workflow active (its triggers and webhooks run once n8n starts): 2.x publishes, 1.x activates. */
	async activateWorkflow(id: string): Promise<void> {
		const published = await this.cli(['publish:workflow', `--id=${id}`]);
		if (published.code === 0) return;
		const activated = await this.cli(['update:workflow', `--id=${id}`, '--active=true']);
		if (activated.code !== 0) throw new Error(`could not activate ${id}:\n${published.stderr}\n${activated.stdout}\n${activated.stderr}`);
	}

	/**
	 * `n8n execute --id … --rawOutput`: the run data out of what it prints after its log lines.
	 * A failed execution prints its error instead: `result` is then undefined and `raw` has it.
	 */
	async execute(workflowId: string): Promise<{ result: ExecuteOutput; raw: CliResult; failed: boolean }> {
		// n8n 2.x prints the run data through its logger: below "info" it prints nothing.
		const raw = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], 300_000, { N8N_LOG_LEVEL: 'info' });
		const failed = /Execution was NOT successful/.test(raw.stdout + raw.stderr);
		const start = raw.stdout.indexOf('\n{');
		const text = start >= 0 ? raw.stdout.slice(start + 1) : raw.stdout.slice(raw.stdout.indexOf('{'));
		let result: ExecuteOutput | undefined;
		try {
			result = JSON.parse(text) as ExecuteOutput;
		} catch {
			if (!failed) throw new Error(`n8n execute printed no run data (exit ${raw.code}):\n${raw.stdout}\n${raw.stderr}`);
		}
		return { result: result as ExecuteOutput, raw, failed };
	}

	/** `n8n start` in the background; resolves when n8n says it is ready. */
	async start(port?: number, log?: (line: string) => void): Promise<void> {
		this.port = port ?? (await freePort());
		const [node, n8n] = this.bin;
		const brokerPort = await freePort();
		this.server = spawn(node, [n8n, 'start'], {
			env: { ...this.env, N8N_RUNNERS_BROKER_PORT: String(brokerPort) },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const forward = (chunk: Buffer) => {
			this.recentLog = (this.recentLog + chunk.toString()).slice(-8000);
			log?.(chunk.toString());
		};
		this.server.stdout?.on('data', forward);
		this.server.stderr?.on('data', forward);
		const exited = new Promise<never>((_, reject) =>
			this.server?.once('exit', (code) => reject(new Error(`n8n start exited with ${code}:\n${this.recentLog}`))),
		);
		await Promise.race([this.waitReady(), exited]);
	}

	private async waitReady(timeoutMs = 240_000): Promise<void> {
		const until = Date.now() + timeoutMs;
		while (Date.now() < until) {
			try {
				const response = await fetch(`${this.url}/healthz/readiness`);
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 500));
		}
		throw new Error(`n8n was not ready after ${timeoutMs} ms`);
	}

	get url(): string {
		// The address n8n listens on (N8N_LISTEN_ADDRESS), not `localhost`, which may resolve to ::1 first.
		return `http://${LOOPBACK}:${this.port}`;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server || server.exitCode !== null) return;
		const exited = new Promise<void>((r) => server.once('exit', () => r()));
		server.kill('SIGTERM');
		const timer = setTimeout(() => server.kill('SIGKILL'), 15_000);
		await exited;
		clearTimeout(timer);
	}

	/** `n8n user-management:reset`: the instance has no owner again (the next sign-in sets one up). */
	async resetOwner(): Promise<void> {
		await this.cliOk(['user-management:reset']);
	}

	/** Creates the owner (a new instance has none) or logs in; keeps the session cookie. */
	async signIn(owner = DOCUMENTED_OWNER): Promise<void> {
		// n8n may answer readiness before its REST routes exist (1.x: 404; 2.x: "starting up").
		let response = await this.rawRest('POST', '/rest/owner/setup', owner);
		for (let i = 0; i < 120 && (response.status === 404 || !response.headers.get('set-cookie')) && response.status < 500; i++) {
			if (response.status === 400) break; // owner exists already: log in below
			await new Promise((r) => setTimeout(r, 500));
			response = await this.rawRest('POST', '/rest/owner/setup', owner);
		}
		if (!response.ok) {
			response = await this.rawRest('POST', '/rest/login', { emailOrLdapLoginId: owner.email, email: owner.email, password: owner.password });
		}
		if (!response.ok) throw new Error(`n8n sign-in failed: ${response.status} ${await response.text()}`);
		const setCookie = response.headers.get('set-cookie') ?? '';
		this.cookie = setCookie.split(';')[0];
	}

	private async rawRest(method: string, path: string, body?: unknown): Promise<Response> {
		return await fetch(`${this.url}${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': 'phone-numbers-e2e',
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	}

	/** A REST call with the session; `{status, body}` (body parsed when JSON). */
	async rest<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
		const response = await this.rawRest(method, path, body);
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON
		}
		return { status: response.status, body: parsed as T };
	}
}

export interface ExecuteOutput {
	status?: string;
	finished?: boolean;
	data: {
		resultData: {
			error?: { message: string };
			runData: Record<string, Array<{ error?: { message: string }; data?: { main: Array<Array<{ json: Record<string, unknown> }>> } }>>;
		};
	};
}

export function workflowId(file: string): string {
	return (JSON.parse(readFileSync(file, 'utf8')) as { id: string }).id;
}

/**
 * Waits until n8n has registered a webhook. n8n answers its readiness check before it has
 * registered the active workflows' webhooks (seen on a loaded machine: the first calls answered
 * 404). An OPTIONS request asks for the webhook's methods without starting an execution: 404 until
 * it is registered.
 */
export async function waitForWebhook(url: string, timeoutMs = 120_000): Promise<void> {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const status = await fetch(url, { method: 'OPTIONS' }).then((r) => r.status, () => 0);
		if (status !== 404 && status !== 0) return;
		if (Date.now() > until) throw new Error(`the webhook ${url} was not registered within ${timeoutMs / 1000} s`);
		await new Promise((r) => setTimeout(r, 500));
	}
}

/**
 * POSTs JSON to a webhook, again while n8n answers 404: an OPTIONS answer does not always mean the
 * POST webhook is registered yet (seen once on 2.40.7 under a loaded CI run), and a 404 starts
 * nothing, so asking again cannot run the workflow twice.
 */
export async function postToWebhook(url: string, body: unknown, timeoutMs = 60_000): Promise<Response> {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		if (response.status !== 404 || Date.now() > until) return response;
		await response.arrayBuffer();
		await new Promise((r) => setTimeout(r, 500));
	}
}
