/* The sandbox for people: `npm run sandbox -- --port 4010 --latency 50 --close-rps 20`. */
import { CLOSE_KEYS, CLOSE_OAUTH_CLIENT, SIGNALWIRE_PROJECT, SYNTHFLOW_KEYS, SYNTHFLOW_WORKSPACES, start } from './index';

function flag(name: string, fallback?: number): number | undefined {
	const index = process.argv.indexOf(`--${name}`);
	if (index < 0) return fallback;
	const value = Number(process.argv[index + 1]);
	if (Number.isNaN(value)) {
		process.stderr.write(`--${name} needs a number\n`);
		process.exit(2);
	}
	return value;
}

async function main() {
	if (process.argv.includes('--help')) {
		process.stdout.write(`Usage: npm run sandbox -- [--port 4010] [--latency ms] [--close-rps 20] [--synthflow-rps 0] [--signalwire-rps 1380]
  [--close-numbers 250] [--close-users 60] [--signalwire-numbers 300] [--synthflow-numbers 120] [--relative-links]\n`);
		return;
	}
	const sandbox = await start({
		port: flag('port', 4010),
		latencyMs: flag('latency', 0),
		rateLimits: { close: flag('close-rps'), synthflow: flag('synthflow-rps'), signalwire: flag('signalwire-rps') },
		seed: {
			closeNumbers: flag('close-numbers'),
			closeUsers: flag('close-users'),
			signalwireNumbers: flag('signalwire-numbers'),
			synthflowNumbers: flag('synthflow-numbers'),
		},
		signalwireLinks: process.argv.includes('--relative-links') ? 'relative' : 'absolute',
	});
	const { url } = sandbox;
	process.stdout.write(`Provider sandbox listening on ${url}

Point a credential at it by importing it with "baseUrl": "${url}" (see README → Sandbox).
  Close API key (admin, Acme Sales)     ${CLOSE_KEYS.adminA}
  Close API key (rep, no group rights)  ${CLOSE_KEYS.repA}
  Close API key (admin, Globex)         ${CLOSE_KEYS.adminB}
  Close OAuth client ID / secret        ${CLOSE_OAUTH_CLIENT.clientId} / ${CLOSE_OAUTH_CLIENT.clientSecret}
  Synthflow API key                     ${SYNTHFLOW_KEYS.main}
  Synthflow workspace IDs               ${SYNTHFLOW_WORKSPACES.a}, ${SYNTHFLOW_WORKSPACES.b}
  SignalWire space / project / token    ${SIGNALWIRE_PROJECT.space} / ${SIGNALWIRE_PROJECT.projectId} / ${SIGNALWIRE_PROJECT.apiToken}

Every request is printed below. Ctrl-C stops.
`);
	let printed = 0;
	const timer = setInterval(() => {
		while (printed < sandbox.requests.length) {
			const r = sandbox.requests[printed++];
			const query = new URLSearchParams(r.query).toString();
			process.stdout.write(`${new Date(r.at).toISOString()} ${r.provider.padEnd(10)} ${r.method.padEnd(6)} ${r.path}${query ? `?${query}` : ''} → ${r.status ?? '…'}\n`);
		}
	}, 200);
	const stop = async () => {
		clearInterval(timer);
		await sandbox.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack}\n`);
	process.exit(1);
});
