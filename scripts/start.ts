/**
 * `npm start`: the package in a real n8n against the sandbox, on a fresh machine with nothing but
 * the npm registry. Builds and packs the package, starts the sandbox, obtains the pinned n8n (and
 * Node 24) into ~/.cache on first use, installs the tarball as n8n installs community packages,
 * imports sandbox credentials and the example workflows, and starts n8n at http://localhost:5678.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { CLOSE_KEYS, SIGNALWIRE_PROJECT, start, SYNTHFLOW_KEYS } from '../sandbox';
import {
	DEFAULT_N8N_VERSION,
	ensureN8n,
	exampleWorkflowFiles,
	installPackage,
	N8n,
	packPackage,
	ROOT,
	sandboxCredentials,
} from './lib/n8n';

const N8N_VERSION = process.env.N8N_VERSION ?? DEFAULT_N8N_VERSION;
const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 4010);
const CACHE = process.env.N8N_PHONE_NUMBERS_CACHE ?? join(homedir(), '.cache/n8n-nodes-phone-numbers');
const OWNER = { email: 'owner@example.com', firstName: 'Olive', lastName: 'Owner', password: 'Sandbox-pass-1' };

function say(text: string) {
	process.stdout.write(`${text}\n`);
}

async function main() {
	say('▸ Building and packing the package…');
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
	const tarball = packPackage();

	say(`▸ Starting the provider sandbox on http://127.0.0.1:${SANDBOX_PORT}…`);
	const sandbox = await start({ port: SANDBOX_PORT, latencyMs: 30 });

	say(`▸ Getting n8n ${N8N_VERSION} (installed into ${CACHE} on first use: a few minutes, then reused)…`);
	const install = ensureN8n(N8N_VERSION);

	const userFolder = join(CACHE, `start-${N8N_VERSION}`);
	const n8n = new N8n(install, userFolder);
	say('▸ Installing the package as a community package, importing credentials and example workflows…');
	installPackage(tarball, userFolder);
	await n8n.importCredentials(sandboxCredentials(sandbox.url));
	for (const file of exampleWorkflowFiles()) await n8n.importWorkflow(file);

	const log = createWriteStream(join(userFolder, 'n8n.log'), { flags: 'a' });
	let stopping = false;
	const stop = async (code = 0) => {
		if (stopping) return;
		stopping = true;
		say('\n▸ Stopping n8n and the sandbox…');
		await n8n.stop();
		await sandbox.stop();
		log.end();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());

	say(`▸ Starting n8n on http://localhost:${N8N_PORT} (log: ${join(userFolder, 'n8n.log')})…`);
	await n8n.start(N8N_PORT, (line) => log.write(line));
	await n8n.signIn(OWNER);

	say(`
n8n ${N8N_VERSION} is running with n8n-nodes-phone-numbers, against the provider sandbox.

  Open        http://localhost:${N8N_PORT}
  Log in as   ${OWNER.email} / ${OWNER.password}
  Workflows   ${exampleWorkflowFiles().length} examples (Close, SignalWire, Synthflow: update, get, list)
  Credentials "Close (sandbox)", "SignalWire (sandbox)", "Synthflow (sandbox)"

The sandbox (${sandbox.url}) stands in for the three APIs; its keys:
  Close ${CLOSE_KEYS.adminA} · SignalWire ${SIGNALWIRE_PROJECT.projectId} / ${SIGNALWIRE_PROJECT.apiToken} · Synthflow ${SYNTHFLOW_KEYS.main}

Ctrl-C stops n8n and the sandbox.`);
}

main().catch((error: Error) => {
	process.stderr.write(`npm start failed: ${error.message}\n`);
	process.exit(1);
});
