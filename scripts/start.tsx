/**
 * `npm start`: the package in a real n8n against the sandbox, on a fresh machine with nothing but
 * the npm registry. Checks what the machine needs, builds and packs the package, starts the
 * sandbox, obtains the pinned n8n (and Node 24) into ~/.cache on first use, installs the tarball as
 * n8n installs community packages, imports sandbox credentials and the example workflows, and
 * starts n8n at http://localhost:5678.
 *
 * Any failure stops whatever was started, prints one paragraph (what failed, what to do, where the
 * log is) and exits non-zero. `npm start -- --check` stops after one example workflow has run in
 * that n8n and the editor is up (CI's cold-start proof).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';

import { sandboxProviders, start, type Sandbox } from '../sandbox';
import {
	DEFAULT_N8N_VERSION,
	ensureN8n,
	exampleWorkflowFiles,
	freePort,
	installPackage,
	n8nInstalled,
	N8n,
	packPackage,
	ROOT,
	sandboxCredentials,
	workflowId,
} from './lib/n8n';
import { beyondLoopback, listenSettings } from './lib/listen';

const N8N_VERSION = process.env.N8N_VERSION ?? DEFAULT_N8N_VERSION;
// 0 picks a free port (CI's cold start does, so that nothing else on the machine is in its way).
let N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
let SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 4010);
const CACHE = process.env.N8N_PHONE_NUMBERS_CACHE ?? join(homedir(), '.cache/n8n-nodes-phone-numbers');
// Loopback unless N8N_LISTEN_ADDRESS says otherwise; then a password made for this start (issue 36).
const LISTEN = listenSettings(process.env);
const OWNER = LISTEN.owner;
const CHECK_ONLY = process.argv.includes('--check');
/** The example `--check` runs, the first "get" in name order: it reads one number, so it changes nothing in the sandbox. */
const CHECK_WORKFLOW = /-get-phone-number\.json$/;

// On the network, an n8n of its own: the loopback one's owner has the documented password.
const userFolder = join(CACHE, `start-${N8N_VERSION}${LISTEN.network ? '-network' : ''}`);
const logFile = join(CACHE, `start-${N8N_VERSION}.log`);

/** A failure the user can act on: `what` failed, `todo` says what to do about it. */
class StartError extends Error {
	constructor(
		readonly what: string,
		readonly todo: string,
	) {
		super(what);
	}
}

function say(text: string) {
	process.stdout.write(`${text}\n`);
}

let sandbox: Sandbox | undefined;
let n8n: N8n | undefined;
let log: WriteStream | undefined;

async function stopAll(): Promise<void> {
	await n8n?.stop().catch(() => undefined);
	await sandbox?.stop().catch(() => undefined);
	n8n = undefined;
	sandbox = undefined;
}

function has(command: string): boolean {
	return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

async function portFree(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** What the machine needs, checked before anything long starts. */
async function preflight(): Promise<void> {
	const missing: string[] = [];
	const [major] = process.versions.node.split('.').map(Number);
	if (major < 20) missing.push(`Node.js 20 or later (this is ${process.version})`);
	if (!n8nInstalled(N8N_VERSION)) {
		// Only the first install builds sqlite3 from source.
		if (!has('python3')) missing.push('python3');
		if (!has('make')) missing.push('make');
		if (!has('g++') && !has('c++') && !has('clang++')) missing.push('a C++ compiler (g++ or clang++)');
	}
	if (missing.length) {
		throw new StartError(
			`this machine lacks ${missing.join(', ')}`,
			'Install them (on Debian/Ubuntu: apt-get install python3 make g++) and run npm start again; the first start builds sqlite3 for n8n from source.',
		);
	}
	for (const [port, name, variable] of [
		[N8N_PORT, 'n8n', 'N8N_PORT'],
		[SANDBOX_PORT, 'the sandbox', 'SANDBOX_PORT'],
	] as const) {
		if (!(await portFree(port))) {
			throw new StartError(
				`port ${port}, which ${name} needs, is already in use`,
				`Stop what listens there (another npm start or n8n?), or pick another port: ${variable}=<port> npm start.`,
			);
		}
	}
}

async function step<T>(title: string, what: string, todo: string, run: () => T | Promise<T>): Promise<T> {
	say(`▸ ${title}`);
	try {
		return await run();
	} catch (error) {
		if (error instanceof StartError) throw error;
		log?.write(`\n--- ${what} ---\n${(error as Error).stack ?? String(error)}\n`);
		throw new StartError(what, todo);
	}
}

async function main() {
	mkdirSync(CACHE, { recursive: true });
	log = createWriteStream(logFile, { flags: 'w' });
	const logTo = `Details: ${logFile}`;

	if (N8N_PORT === 0) N8N_PORT = await freePort();
	if (SANDBOX_PORT === 0) SANDBOX_PORT = await freePort();
	await step('Checking this machine (Node.js, build tools, free ports)…', 'the machine check', logTo, preflight);
	await step('Building and packing the package…', 'the build failed', `Run npm run build to see the error. ${logTo}`, () => {
		const out = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8' });
		log?.write(out.stdout + out.stderr);
		if (out.status !== 0) throw new Error(`npm run build exited ${out.status}`);
	});
	const tarball = await step('Packing…', 'npm pack failed', logTo, () => packPackage());

	sandbox = await step(
		`Starting the provider sandbox on http://127.0.0.1:${SANDBOX_PORT}…`,
		`the sandbox could not start on port ${SANDBOX_PORT}`,
		`Pick another port with SANDBOX_PORT=<port> npm start. ${logTo}`,
		() => start({ port: SANDBOX_PORT, latencyMs: 30 }),
	);

	const install = await step(
		`Getting n8n ${N8N_VERSION} (installed into ${CACHE} on first use: about 5 minutes, then reused)…`,
		`installing n8n ${N8N_VERSION} failed`,
		`The last lines above say which step; npm's own output is in ${logFile}. Check that the npm registry is reachable and that python3, make and g++ work, then run npm start again (a failed install is never reused).`,
		() => ensureN8n(N8N_VERSION, logFile),
	);

	n8n = new N8n(install, userFolder, {}, { address: LISTEN.address, secureCookie: LISTEN.secureCookie });
	const running = n8n;
	const exampleFiles = exampleWorkflowFiles();
	await step(
		'Installing the package as a community package, importing credentials and example workflows…',
		'importing into n8n failed',
		`n8n's message is in ${logFile}. Delete ${userFolder} to start from an empty n8n, then run npm start again.`,
		async () => {
			// A new password each start on the network: the owner made by an earlier start is reset.
			if (LISTEN.network) await running.resetOwner();
			installPackage(tarball, userFolder);
			await running.importCredentials(sandboxCredentials(sandbox!.url));
			for (const file of exampleFiles) await running.importWorkflow(file);
		},
	);

	if (CHECK_ONLY) {
		const checkFile = exampleFiles.find((f) => CHECK_WORKFLOW.test(f));
		await step(`Running the example "${basename(checkFile ?? 'examples/*-get-phone-number.json')}" in n8n…`, 'the example workflow failed', logTo, async () => {
			const file = checkFile;
			if (!file) throw new Error('examples/ has no *-get-phone-number.json to run');
			const { result, raw, failed } = await running.execute(workflowId(file));
			log?.write(raw.stdout + raw.stderr);
			const items = Object.values(result?.data.resultData.runData ?? {})
				.flatMap((runs) => runs.flatMap((r) => r.data?.main?.[0] ?? []))
				.filter((item) => typeof item.json.number === 'string');
			if (failed || items.length === 0) throw new Error('the example produced no phone number');
			say(`  the example returned ${items[0].json.number} from the sandbox`);
		});
	}

	if (LISTEN.network) {
		say(`\nn8n listens on ${LISTEN.address} because N8N_LISTEN_ADDRESS says so: anyone who can reach this machine can reach its login page.${LISTEN.secureCookie ? ' Secure cookies are on: sign in over HTTPS (a reverse proxy), or set N8N_SECURE_COOKIE=false on a network you trust.' : ''}`);
	}

	const stop = async (code = 0) => {
		say('\n▸ Stopping n8n and the sandbox…');
		await stopAll();
		log?.end();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());

	await step(
		`Starting n8n on http://localhost:${N8N_PORT} (log: ${logFile})…`,
		'n8n did not start',
		`n8n's own output is at the end of ${logFile}.`,
		async () => {
			await running.start(N8N_PORT, (line) => log?.write(line));
			await running.signIn(OWNER);
		},
	);

	if (!LISTEN.network) {
		// What really listens, read from the sockets of n8n's process tree: loopback only.
		const open = running.pid === undefined ? [] : beyondLoopback(running.pid);
		if (open.length > 0) {
			throw new StartError(`n8n listens beyond this machine (${open.join(', ')})`, 'It must listen on 127.0.0.1 only; report this as a bug.');
		}
		say(`  n8n and the sandbox listen on this machine only (${LISTEN.address})`);
	}

	if (CHECK_ONLY) {
		say(`n8n ${N8N_VERSION} is up with n8n-nodes-phone-numbers and ${exampleFiles.length} examples: check passed.`);
		await stop(0);
		return;
	}

	say(`
n8n ${N8N_VERSION} is running with n8n-nodes-phone-numbers, against the provider sandbox.

  Open        http://localhost:${N8N_PORT}${LISTEN.network ? ` (listening on ${LISTEN.address}: reachable from the network)` : ' (reachable from this machine only)'}
  Log in as   ${OWNER.email} / ${OWNER.password}${LISTEN.network ? '  (made for this start: it is not printed again)' : ''}
  Workflows   ${exampleFiles.length} examples (update, get and list phone numbers, one provider at a time)
  Credentials ${sandboxCredentials(sandbox.url).map((c) => `"${c.name}"`).join(', ')}

The sandbox (${sandbox.url}) stands in for the providers' APIs; its keys:
${sandboxProviders().flatMap((p) => p.keys).map(([label, value]) => `  ${label.padEnd(38)}${value}`).join('\n')}

Ctrl-C stops n8n and the sandbox.`);
}

main().catch(async (error: unknown) => {
	await stopAll();
	const failure =
		error instanceof StartError
			? error
			: new StartError('npm start failed unexpectedly', `Details: ${logFile}`);
	if (!(error instanceof StartError)) log?.write(`\n${(error as Error)?.stack ?? String(error)}\n`);
	process.stderr.write(`\nnpm start stopped: ${failure.what}.\n${failure.todo}\nNothing is left running.\n`);
	log?.end(() => process.exit(1));
	if (!log) process.exit(1);
});
