/* The sandbox for people: `npm run sandbox -- --port 4010 --latency 50 --close-rps 20`. */
import { sandboxProviders, start, type SandboxOptions } from './index';

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

/** `--<flag> name=value` (repeatable), the value read as JSON when it parses. */
function pairs(flagName: string): Record<string, unknown> {
	const options: Record<string, unknown> = {};
	process.argv.forEach((arg, index) => {
		if (arg !== `--${flagName}`) return;
		const [name, ...rest] = (process.argv[index + 1] ?? '').split('=');
		const text = rest.join('=');
		try {
			options[name] = JSON.parse(text);
		} catch {
			options[name] = text;
		}
	});
	return options;
}

async function main() {
	const providers = sandboxProviders();
	if (process.argv.includes('--help')) {
		const names = providers.map((p) => p.name);
		process.stdout.write(`Usage: npm run sandbox -- [--port 4010] [--latency ms]
  [--<provider>-rps N] [--<provider>-numbers N] [--seed name=N]… [--option name=value]…
Providers: ${names.join(', ')}
Options (--option): ${providers.flatMap((p) => p.options).join(', ')}
Example: npm run sandbox -- --${names[0]}-rps 20 --seed ${names[0]}Numbers=500 --option ${providers.flatMap((p) => p.options)[0]}=true\n`);
		return;
	}
	const rateLimits: Record<string, number | undefined> = {};
	const seed: Record<string, number | undefined> = {};
	for (const { name } of providers) {
		rateLimits[name] = flag(`${name}-rps`);
		seed[`${name}Numbers`] = flag(`${name}-numbers`);
	}
	Object.assign(seed, pairs('seed') as Record<string, number>);
	const options: SandboxOptions = { port: flag('port', 4010), latencyMs: flag('latency', 0), rateLimits, seed, ...pairs('option') };
	const sandbox = await start(options);
	const { url } = sandbox;
	const keys = providers.flatMap((p) => p.keys).map(([label, value]) => `  ${label.padEnd(38)}${value}`);
	process.stdout.write(`Provider sandbox listening on ${url}

Point a credential at it by importing it with "baseUrl": "${url}" (see README → Sandbox).
${keys.join('\n')}

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
