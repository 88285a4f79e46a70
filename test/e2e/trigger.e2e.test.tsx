/**
 * A polling trigger as users run it: the drift-alert example (Close Phone Numbers Trigger → Close
 * Phone Numbers: Update) active in a real n8n (N8N_VERSION, default 2.40.7) with Poll Times every
 * minute. n8n's first poll records; a change made at the sandbox afterwards is emitted by a later
 * poll (within two poll intervals) and the workflow puts the number back. Its own sandbox and n8n,
 * so that its polls never mix with the other e2e tests' requests.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEFAULT_N8N_VERSION, ensureN8n, exampleWorkflowFiles, installPackage, N8n, packPackage, sandboxCredentials } from '../../scripts/lib/n8n';
import { start, type Sandbox } from '../../sandbox';

const VERSION = process.env.N8N_VERSION ?? DEFAULT_N8N_VERSION;
const WORKFLOW = 'e2eDriftAlert';
const LIST = '/api/v1/phone_number/';

let sandbox: Sandbox;
let n8n: N8n;

async function until<T>(what: string, timeoutMs: number, probe: () => T | undefined): Promise<T> {
	const end = Date.now() + timeoutMs;
	for (;;) {
		const found = probe();
		if (found !== undefined) return found;
		if (Date.now() > end) throw new Error(`${what}: not within ${timeoutMs / 1000} s. n8n said:\n${n8n.recentLog}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

beforeAll(async () => {
	const install = ensureN8n(VERSION);
	sandbox = await start({ rateLimits: { close: 0 } });
	const folder = mkdtempSync(join(tmpdir(), `phone-numbers-e2e-trigger-${VERSION}-`));
	installPackage(packPackage(), folder);
	n8n = new N8n(install, folder);
	await n8n.importCredentials(sandboxCredentials(sandbox.url));
	// The example as shipped polls every 5 minutes: the same workflow every minute (n8n's shortest).
	const example = JSON.parse(readFileSync(exampleWorkflowFiles().find((f) => f.endsWith('close-forwarding-drift-alert.json'))!, 'utf8'));
	example.id = WORKFLOW;
	example.nodes.find((n: { type: string }) => n.type.endsWith('.closeTrigger')).parameters.pollTimes = { item: [{ mode: 'everyMinute' }] };
	const file = join(folder, `${WORKFLOW}.json`);
	writeFileSync(file, JSON.stringify(example));
	await n8n.importWorkflow(file);
	await n8n.activateWorkflow(WORKFLOW);
}, 900_000);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.stop();
}, 120_000);

describe(`n8n ${VERSION}: the drift-alert example, active, polling every minute`, () => {
	it('records a baseline on its first poll, emits a forwarding change made afterwards, puts it back, and leaves its own fix alone', async () => {
		const number = sandbox.state.close.phoneNumbers[0];
		Object.assign(number, { forward_to: '+13125550100', forward_to_enabled: true });
		await n8n.start();
		// n8n's first poll (at the next whole minute): the trigger lists the numbers and emits nothing.
		await until('the first poll', 150_000, () => sandbox.requests.find((r) => r.method === 'GET' && r.path === LIST && r.status === 200));
		const firstPoll = sandbox.requests.length;
		expect(sandbox.requests.filter((r) => r.method === 'PUT')).toEqual([]);

		// Someone changes the forwarding in Close's dashboard.
		Object.assign(number, { forward_to: '+16505559999' });
		const put = await until('the workflow putting the forwarding back', 150_000, () =>
			sandbox.requests.slice(firstPoll).find((r) => r.method === 'PUT' && r.path === `/api/v1/phone_number/${number.id}/` && r.status === 200),
		);
		expect(put.body).toEqual({ forward_to: '+13125550100' });
		expect(number).toMatchObject({ forward_to: '+13125550100', forward_to_enabled: true });
		// Against its baseline, the next poll sees the number as it was: no change, no second fix.
		const afterFix = sandbox.requests.length;
		await until('the poll after the fix', 150_000, () => sandbox.requests.slice(afterFix).find((r) => r.method === 'GET' && r.path === LIST && r.status === 200));
		await new Promise((resolve) => setTimeout(resolve, 5000));
		expect(sandbox.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
		expect(number).toMatchObject({ forward_to: '+13125550100', forward_to_enabled: true });
	}, 600_000);
});
