/**
 * The packed package inside a real n8n (N8N_VERSION, default 2.40.7): loaded as a community
 * package, example workflows executed with `n8n execute`, and with `n8n start` every dropdown and
 * resource locator list fetched and every credential tested through n8n's own REST API.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	DEFAULT_N8N_VERSION,
	ensureN8n,
	exampleWorkflowFiles,
	installPackage,
	N8n,
	packPackage,
	SANDBOX_CREDENTIAL_IDS,
	sandboxCredentials,
	postToWebhook,
	waitForWebhook,
	workflowId,
	type ExecuteOutput,
} from '../../scripts/lib/n8n';
import { beyondLoopback, listeningAddresses } from '../../scripts/lib/listen';
import { startStubChatModel } from './fixtures/stubChatModel';
import { start, type Sandbox } from '../../sandbox';
import { CLOSE_KEYS, CLOSE_OAUTH_CLIENT } from '../../sandbox/close/data';
import { issueCloseToken } from '../../sandbox/close/provider';
import { RETELL_KEYS } from '../../sandbox/retell/data';
import { SIGNALWIRE_PROJECT } from '../../sandbox/signalwire/data';
import { SYNTHFLOW_KEYS, SYNTHFLOW_WORKSPACES } from '../../sandbox/synthflow/data';
import { TELNYX_KEYS } from '../../sandbox/telnyx/data';
import { TWILIO_ACCOUNT } from '../../sandbox/twilio/data';
import { VAPI_KEYS } from '../../sandbox/vapi/data';

const VERSION = process.env.N8N_VERSION ?? DEFAULT_N8N_VERSION;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, 'artifacts');
const PKG = 'n8n-nodes-phone-numbers';

let sandbox: Sandbox;
let n8n: N8n;
let userFolder: string;

beforeAll(async () => {
	const install = ensureN8n(VERSION);
	sandbox = await start({ rateLimits: { close: 0 }, signalwireMaxPageSize: 50, synthflowMaxPageSize: 25 });
	userFolder = mkdtempSync(join(tmpdir(), `phone-numbers-e2e-${VERSION}-`));
	installPackage(packPackage(), userFolder);
	installOldNamesPackage(userFolder);
	n8n = new N8n(install, userFolder);
	await n8n.importCredentials(sandboxCredentials(sandbox.url));
	for (const file of exampleWorkflowFiles()) await n8n.importWorkflow(file);
	// The webhook example runs as users run it: active, called over HTTP once n8n is started.
	await n8n.activateWorkflow('exCloseReroute');
	await n8n.importWorkflow(editorBaseWorkflow());
}, 900_000);

/**
 * A workflow that already starts with a Manual Trigger, for the editor tests: on an empty canvas
 * n8n's nodes panel asks what triggers the workflow, and for an app that has a trigger (every node
 * here has one) it then offers only the trigger's events. With a trigger on the canvas, the panel
 * offers the nodes' actions, as a user adding a step sees them.
 */
const EDITOR_BASE = 'e2eEditorBase';
function editorBaseWorkflow(): string {
	const file = join(userFolder, `${EDITOR_BASE}.json`);
	writeFileSync(
		file,
		JSON.stringify({
			id: EDITOR_BASE,
			name: 'Editor test',
			active: false,
			settings: {},
			nodes: [{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }],
			connections: {},
		}),
	);
	return file;
}

const NODE_SEARCH = '[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"], input[placeholder^="Search nodes"]';

/**
 * A new workflow with only the Manual Trigger, made through n8n's REST API, so that no test sees
 * the nodes an earlier one added (n8n 2.x saves a workflow being edited on its own). Falls back to
 * the imported one where the API answers otherwise.
 */
async function freshEditorWorkflow(): Promise<string> {
	const created = await n8n.rest<{ data?: { id?: string }; id?: string }>('POST', '/rest/workflows', {
		name: `Editor test ${Date.now()}`,
		active: false,
		settings: {},
		nodes: [{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }],
		connections: {},
	});
	return created.body?.data?.id ?? created.body?.id ?? EDITOR_BASE;
}

/** Opens the nodes panel for a next step (after the trigger), as Tab or the trigger's + does. */
async function openActionsPanel(page: import('playwright-core').Page) {
	await page.goto(`${n8n.url}/workflow/${await freshEditorWorkflow()}`);
	await page.getByTestId('canvas-node').first().waitFor({ timeout: 60_000 });
	const search = page.locator(NODE_SEARCH).first();
	await page.keyboard.press('Tab');
	const opened = await search.waitFor({ timeout: 5_000 }).then(() => true, () => false);
	if (!opened) await page.getByTestId('canvas-handle-plus').first().click({ timeout: 30_000 });
	return search;
}

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.stop();
	if (userFolder) rmSync(userFolder, { recursive: true, force: true });
});

/**
 * A throwaway package that registers the credential names other packages use (closeApi,
 * synthflowApi, …), next to this one: n8n keeps credential types in one map by name, so every
 * test below also shows that this package's nodes, dropdowns and credential tests survive it.
 */
const OLD_NAMES = 'n8n-nodes-old-credential-names';
function installOldNamesPackage(folder: string) {
	const nodes = join(folder, '.n8n/nodes');
	cpSync(join(__dirname, 'fixtures', OLD_NAMES), join(nodes, 'node_modules', OLD_NAMES), { recursive: true });
	const manifest = JSON.parse(readFileSync(join(nodes, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
	manifest.dependencies[OLD_NAMES] = `file:./node_modules/${OLD_NAMES}`;
	writeFileSync(join(nodes, 'package.json'), JSON.stringify(manifest, null, 2));
}

function outputOf(result: ExecuteOutput, node: string) {
	const run = result.data.resultData.runData[node]?.[0];
	if (!run) throw new Error(`No run data for ${node}: ${JSON.stringify(result.data.resultData.error ?? {})}`);
	if (run.error) throw new Error(`${node} failed: ${run.error.message}`);
	return (run.data?.main[0] ?? []).map((item) => item.json);
}

describe(`n8n ${VERSION}: example workflows with n8n execute`, () => {
	const file = (name: string) => exampleWorkflowFiles().find((f) => f.endsWith(name))!;

	it('Close: update changes the number in the sandbox', async () => {
		const { result } = await n8n.execute(workflowId(file('close-update-phone-number.json')));
		const [out] = outputOf(result, 'Close');
		expect(out).toMatchObject({ id: 'phon_g67aCQZI97cRfChfyCHVzn', label: 'Sales line (after hours)', forward_to: '+16502221111' });
		const stored = sandbox.state.close.phoneNumbers.find((n) => n.id === 'phon_g67aCQZI97cRfChfyCHVzn')!;
		expect(stored).toMatchObject({ label: 'Sales line (after hours)', forward_to: '+16502221111', forward_to_enabled: true, inbound_ring_duration: 45 });
		const put = sandbox.requests.find((r) => r.method === 'PUT')!;
		expect(put.body).toEqual({ label: 'Sales line (after hours)', forward_to: '+16502221111', forward_to_enabled: true, inbound_ring_duration: 45 });
	});

	it('Close: get and list', async () => {
		const got = outputOf((await n8n.execute(workflowId(file('close-get-phone-number.json')))).result, 'Close');
		expect(got).toHaveLength(1);
		expect(got[0].id).toBe('phon_g67aCQZI97cRfChfyCHVzn');
		const listed = outputOf((await n8n.execute(workflowId(file('close-list-phone-numbers.json')))).result, 'Close');
		expect(listed).toHaveLength(10);
		expect(listed.every((n) => n.type === 'internal')).toBe(true);
	});

	it('SignalWire: update changes the number in the sandbox', async () => {
		const { result } = await n8n.execute(workflowId(file('signalwire-update-phone-number.json')));
		const [out] = outputOf(result, 'SignalWire');
		expect(out).toMatchObject({ name: 'Support line', call_handler: 'laml_webhooks', call_request_url: 'https://hooks.example.com/voice' });
		expect(sandbox.state.signalwire.numbers[0]).toMatchObject({ name: 'Support line', call_request_method: 'POST' });
	});

	it('SignalWire: get and list', async () => {
		const got = outputOf((await n8n.execute(workflowId(file('signalwire-get-phone-number.json')))).result, 'SignalWire');
		expect(got[0].id).toBe(sandbox.state.signalwire.numbers[0].id);
		const listed = outputOf((await n8n.execute(workflowId(file('signalwire-list-phone-numbers.json')))).result, 'SignalWire');
		expect(listed).toHaveLength(20);
		expect(listed.every((n) => String(n.number).startsWith('+1206'))).toBe(true);
	});

	it('Synthflow: update changes the number and outputs it read back', async () => {
		const { result } = await n8n.execute(workflowId(file('synthflow-update-phone-number.json')));
		const [out] = outputOf(result, 'Synthflow');
		expect(out).toMatchObject({ slug: '14151000000', friendly_name: 'Reception (SIP trunk)', sip_term_uri: 'sip:+14151000000@trunk.example.net' });
		expect(sandbox.state.synthflow.numbers[0]).toMatchObject({ friendly_name: 'Reception (SIP trunk)', provider_name: 'custom' });
	});

	it('Twilio: update points the number at a SIP trunk, form-encoded', async () => {
		const { result } = await n8n.execute(workflowId(file('twilio-update-phone-number.json')));
		const [out] = outputOf(result, 'Twilio');
		expect(out).toMatchObject({ sid: 'PN48927041a5a6d27842767dcdace6a2b6', friendly_name: 'Support line (SIP)', trunk_sid: 'TK60c1e7fd26a84d6110dcf9ec4b47eb99' });
		const post = sandbox.requests.find((r) => r.provider === 'twilio' && r.method === 'POST')!;
		expect(Object.fromEntries(new URLSearchParams(post.rawBody))).toEqual({
			FriendlyName: 'Support line (SIP)',
			TrunkSid: 'TK60c1e7fd26a84d6110dcf9ec4b47eb99',
			SmsUrl: 'https://hooks.example.com/sms',
			SmsMethod: 'POST',
		});
	});

	it('Twilio: get and list', async () => {
		const got = outputOf((await n8n.execute(workflowId(file('twilio-get-phone-number.json')))).result, 'Twilio');
		expect(got[0].sid).toBe('PN48927041a5a6d27842767dcdace6a2b6');
		const listed = outputOf((await n8n.execute(workflowId(file('twilio-list-phone-numbers.json')))).result, 'Twilio');
		expect(listed.length).toBeGreaterThan(0);
		expect(listed.every((n) => String(n.phone_number).includes('+1415'))).toBe(true);
	});

	it('Telnyx: update sends number, voice and messaging settings to their three endpoints and outputs them', async () => {
		const { result } = await n8n.execute(workflowId(file('telnyx-update-phone-number.json')));
		const [out] = outputOf(result, 'Telnyx');
		const id = '2030200564683361579';
		expect(out).toMatchObject({
			id,
			connection_id: '8954689657298187050',
			tags: ['voice-ai', 'main'],
			voice: { call_forwarding: { call_forwarding_enabled: true, forwards_to: '+13125550100', forwarding_type: 'on-failure' } },
			messaging: { messaging_profile_id: 'ceba9aa9-2c69-407c-9439-e70dd8e22854' },
		});
		const patches = sandbox.requests.filter((r) => r.provider === 'telnyx' && r.method === 'PATCH');
		expect(patches.map((r) => r.path)).toEqual([`/v2/phone_numbers/${id}`, `/v2/phone_numbers/${id}/voice`, `/v2/phone_numbers/${id}/messaging`]);
		expect(patches[1].body).toEqual({ call_forwarding: { call_forwarding_enabled: true, forwards_to: '+13125550100', forwarding_type: 'on-failure' } });
		expect(patches[0].headers.authorization).toBe(`Bearer ${TELNYX_KEYS.main}`);
	});

	it('Telnyx: get and list', async () => {
		const got = outputOf((await n8n.execute(workflowId(file('telnyx-get-phone-number.json')))).result, 'Telnyx');
		expect(got[0]).toMatchObject({ id: '2030200564683361579', voice: { record_type: 'voice_settings' }, messaging: { record_type: 'messaging_settings' } });
		const listed = outputOf((await n8n.execute(workflowId(file('telnyx-list-phone-numbers.json')))).result, 'Telnyx');
		expect(listed).toHaveLength(20);
		expect(listed.every((n) => String(n.phone_number).includes('1312') && n.status === 'active')).toBe(true);
		const list = sandbox.requests.filter((r) => r.provider === 'telnyx' && r.path === '/v2/phone_numbers').pop()!;
		expect(list.query).toMatchObject({ 'filter[phone_number]': '1312', 'filter[status]': 'active', 'page[size]': '20' });
	});

	it('Vapi: update with Skip Unchanged moves the number to another assistant and outputs changes', async () => {
		const id = 'd50416d4-652e-4af6-8127-7fad7cbd9374';
		const [out] = outputOf((await n8n.execute(workflowId(file('vapi-update-phone-number.json')))).result, 'Vapi Phone Numbers');
		expect(out).toMatchObject({ id, assistantId: 'd4f43b2f-9aca-48e3-9a89-75c8f5a05aa6', squadId: null, workflowId: null, fallbackDestination: { type: 'number', number: '+14155550100' } });
		expect((out.changes as Array<{ field: string }>).map((c) => c.field)).toContain('assistantId');
		// Another system's secret of a Twilio-backed number never reaches the output.
		expect(out.twilioAuthToken).toBe('****');
		const patch = sandbox.requests.filter((r) => r.provider === 'vapi' && r.method === 'PATCH').pop()!;
		expect(patch.path).toBe(`/phone-number/${id}`);
		expect(patch.body).toMatchObject({ assistantId: 'd4f43b2f-9aca-48e3-9a89-75c8f5a05aa6', squadId: null, workflowId: null });
	});

	it('Retell AI: update sends the agent list, never the deprecated agent fields', async () => {
		const [out] = outputOf((await n8n.execute(workflowId(file('retell-update-phone-number.json')))).result, 'Retell AI Phone Numbers');
		expect(out).toMatchObject({ phone_number: '+14157774000', nickname: 'Front desk (A/B)', inbound_agents: [{ agent_id: 'agent_8rWYb9sItcGi1e8oWw3TiY6G', weight: 1, agent_version: 'latest_published' }] });
		const patch = sandbox.requests.filter((r) => r.provider === 'retell' && r.method === 'PATCH').pop()!;
		expect(patch.path).toBe('/update-phone-number/%2B14157774000');
		expect(patch.rawBody).not.toMatch(/inbound_agent_id|outbound_agent_id/);
	});

	it('Vapi: moves every number of one assistant to another; a re-run sends nothing (Skip Unchanged)', async () => {
		const from = '64bbd974-7a1d-47b3-8bf4-4201902f092b';
		const to = 'f0250c2e-c348-464c-b2f6-573f5cd0afb6';
		for (const number of sandbox.state.vapi.numbers) if (number.assistantId === from) number.assistantId = null;
		const moved = sandbox.state.vapi.numbers.slice(4, 7);
		for (const number of moved) Object.assign(number, { assistantId: from, squadId: null, workflowId: null });
		sandbox.clearRequests();
		const workflow = workflowId(file('vapi-move-numbers-between-assistants.json'));
		const out = outputOf((await n8n.execute(workflow)).result, 'Answer with the new assistant');
		expect(out.map((n) => n.id).sort()).toEqual(moved.map((n) => n.id).sort());
		for (const item of out) expect(item.changes).toEqual(expect.arrayContaining([{ field: 'assistantId', before: from, after: to }]));
		expect(moved.every((n) => n.assistantId === to)).toBe(true);
		expect(sandbox.requests.filter((r) => r.provider === 'vapi' && r.method === 'PATCH')).toHaveLength(3);
		sandbox.clearRequests();
		await n8n.execute(workflow);
		expect(sandbox.requests.filter((r) => r.provider === 'vapi' && r.method === 'PATCH')).toEqual([]);
	});

	it('Retell AI: splits inbound calls 80/20 between the published and the latest version', async () => {
		sandbox.clearRequests();
		const [out] = outputOf((await n8n.execute(workflowId(file('retell-split-inbound-calls-80-20.json')))).result, 'Split inbound calls 80/20');
		const split = [
			{ agent_id: 'agent_CDNshrILoRcjQE8vvdPTxXTI', weight: 0.8, agent_version: 'latest_published' },
			{ agent_id: 'agent_CDNshrILoRcjQE8vvdPTxXTI', weight: 0.2, agent_version: 'latest' },
		];
		expect(out.inbound_agents).toEqual(split);
		const patch = sandbox.requests.filter((r) => r.provider === 'retell' && r.method === 'PATCH').pop()!;
		expect(patch.body).toEqual({ inbound_agents: split });
	});

	it('Close: relabels from a CSV with Skip Unchanged and logs the changes; the undo workflow puts them back', async () => {
		const ids = ['phon_g67aCQZI97cRfChfyCHVzn', 'phon_Ex1oHb3fgEGse9VDxXIqLK', 'phon_lPRYeWanVQfLN6veWH8H4u'];
		const stored = ids.map((id) => sandbox.state.close.phoneNumbers.find((n) => n.id === id)!);
		Object.assign(stored[0], { label: 'Sales line 1' });
		Object.assign(stored[1], { label: 'Support 1' });
		Object.assign(stored[2], { label: 'After hours 1' });

		// First as a user previews it: the same example with Dry Run turned on under Options.
		const preview = JSON.parse(readFileSync(file('close-bulk-relabel-from-csv.json'), 'utf8')) as { id: string; name: string; nodes: Array<{ name: string; parameters: Record<string, unknown> }> };
		preview.id = `${preview.id}DryRun`;
		preview.name = `${preview.name} (Dry Run)`;
		const close = preview.nodes.find((node) => node.name === 'Close Phone Numbers')!;
		close.parameters.options = { ...(close.parameters.options as object), dryRun: true };
		const previewFile = join(userFolder, 'bulk-relabel-dry-run.json');
		writeFileSync(previewFile, JSON.stringify(preview));
		await n8n.importWorkflow(previewFile);
		sandbox.clearRequests();
		const previewRun = (await n8n.execute(preview.id)).result;
		const dry = outputOf(previewRun, 'Close Phone Numbers');
		expect(dry.map((out) => out.dryRun)).toEqual([true, true, true]);
		expect(dry.map((out) => out.changes)).toEqual([
			[{ field: 'label', before: 'Sales line 1', after: 'Sales (EMEA)' }],
			[{ field: 'label', before: 'Support 1', after: 'Support (EMEA)' }],
			[],
		]);
		expect((dry[0].requests as unknown[])[0]).toEqual({ method: 'PUT', path: `/api/v1/phone_number/${ids[0]}/`, body: { label: 'Sales (EMEA)' } });
		// Nothing written: only reads (the list's pages) reached Close, and every label is as it was.
		expect(sandbox.requests.filter((r) => r.provider === 'close' && r.method !== 'GET')).toEqual([]);
		expect(stored.map((n) => n.label)).toEqual(['Sales line 1', 'Support 1', 'After hours 1']);

		sandbox.clearRequests();
		const log = outputOf((await n8n.execute(workflowId(file('close-bulk-relabel-from-csv.json')))).result, 'Changes log');
		expect(log.map(({ id, field, before, after }) => ({ id, field, before, after }))).toEqual([
			{ id: ids[0], field: 'label', before: 'Sales line 1', after: 'Sales (EMEA)' },
			{ id: ids[1], field: 'label', before: 'Support 1', after: 'Support (EMEA)' },
		]);
		// The third row already had its label: read, not written.
		expect(sandbox.requests.filter((r) => r.provider === 'close' && r.method === 'PUT').map((r) => r.path)).toEqual(ids.slice(0, 2).map((id) => `/api/v1/phone_number/${id}/`));
		expect(stored.map((n) => n.label)).toEqual(['Sales (EMEA)', 'Support (EMEA)', 'After hours 1']);

		sandbox.clearRequests();
		const undone = outputOf((await n8n.execute(workflowId(file('close-undo-from-changes-log.json')))).result, 'Put the label back');
		expect(undone.map((n) => n.label)).toEqual(['Sales line 1', 'Support 1']);
		expect(stored.map((n) => n.label)).toEqual(['Sales line 1', 'Support 1', 'After hours 1']);
		expect(sandbox.requests.filter((r) => r.provider === 'close' && r.method === 'PUT')).toHaveLength(2);
	});

	it('AI Agent: the example runs its tool calls (list, then forward) with a stub chat model; the number is forwarded', async () => {
		// The model, scripted: list numbers, forward the first one listed, then say so.
		const FORWARD_TO = '+16505550123';
		const model = await startStubChatModel((request) => {
			const tool = (pattern: RegExp) => request.tools?.find((t) => pattern.test(t.function.name))?.function.name;
			const results = request.messages.filter((m) => m.role === 'tool');
			if (results.length === 0) return { calls: [{ name: tool(/list/i)!, args: { limit: 5 } }] };
			if (results.length === 1) {
				// The first listed number's own `number` field (the answer names other numbers too: forward_to, …).
				const listed = /"number":"(\+\d{8,15})"/.exec(String(results[0].content));
				if (!listed) return { text: `The list tool answered no number: ${String(results[0].content).slice(0, 300)}` };
				return { calls: [{ name: tool(/forward/i)!, args: { phoneNumber: listed[1], forwardTo: FORWARD_TO } }] };
			}
			// What a model would say: it read the tool's answer (an error is not a success).
			const answer = String(results[1].content);
			return { text: /error/i.test(answer) ? `Could not forward it: ${answer.slice(0, 300)}` : `Forwarded. ${answer.slice(0, 200)}` };
		});
		try {
			await n8n.importCredentials([{ id: 'openAiStubE2e', name: 'OpenAI (stub)', type: 'openAiApi', data: { apiKey: 'sk-stub-not-a-key', url: model.url } }]);
			// As imported from examples/, with two changes a test needs: the stub's credential on the
			// model, and the chat message given by a Manual Trigger (a chat needs a person).
			const workflow = JSON.parse(readFileSync(file('ai-agent-phone-number-tools.json'), 'utf8')) as {
				id: string;
				nodes: Array<{ name: string; type: string; typeVersion: number; parameters: Record<string, unknown>; credentials?: unknown; position: number[]; id: string }>;
				connections: Record<string, unknown>;
			};
			workflow.id = `${workflow.id}StubModel`;
			const chat = workflow.nodes.find((node) => node.type === '@n8n/n8n-nodes-langchain.chatTrigger')!;
			Object.assign(chat, {
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: { jsCode: "return [{ json: { sessionId: 'e2e', chatInput: 'Forward the first of our numbers to +16505550123' } }];" },
			});
			workflow.nodes.push({ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [-200, 0], parameters: {} });
			workflow.connections.Start = { main: [[{ node: chat.name, type: 'main', index: 0 }]] };
			workflow.nodes.find((node) => node.type === '@n8n/n8n-nodes-langchain.lmChatOpenAi')!.credentials = { openAiApi: { id: 'openAiStubE2e', name: 'OpenAI (stub)' } };
			const agentFile = join(userFolder, 'ai-agent-stub-model.json');
			writeFileSync(agentFile, JSON.stringify(workflow));
			await n8n.importWorkflow(agentFile);
			sandbox.clearRequests();

			const [out] = outputOf((await n8n.execute(workflow.id)).result, 'AI Agent');
			expect(String(out.output)).toMatch(/^Forwarded\./);
			// The model saw the three tools, each described as the example describes it.
			expect(model.requests[0].tools?.map((t) => t.function.description)).toEqual(
				expect.arrayContaining([expect.stringContaining('Lists the company'), expect.stringContaining('Forwards the calls')]),
			);
			const toolResult = String(model.requests[1].messages.find((m) => m.role === 'tool')?.content);
			const listed = /"number":"(\+\d{8,15})"/.exec(toolResult)![1];
			const number = sandbox.state.close.phoneNumbers.find((n) => n.number === listed);
			if (!number) throw new Error(`${listed} is not a sandbox number; the list tool answered: ${toolResult.slice(0, 600)}; PUTs: ${JSON.stringify(sandbox.requests.filter((r) => r.method === 'PUT').map((r) => [r.path, r.body]))}`);
			const put = sandbox.requests.filter((r) => r.provider === 'close' && r.method === 'PUT');
			expect(put.map((r) => [r.path, r.body])).toEqual([[`/api/v1/phone_number/${number.id}/`, expect.objectContaining({ forward_to: FORWARD_TO })]]);
			expect(number).toMatchObject({ forward_to: FORWARD_TO, forward_to_enabled: true });
		} finally {
			await model.stop();
		}
	});

	it('Synthflow: get and list', async () => {
		const got = outputOf((await n8n.execute(workflowId(file('synthflow-get-phone-number.json')))).result, 'Synthflow');
		expect(got[0].slug).toBe('14151000000');
		const listed = outputOf((await n8n.execute(workflowId(file('synthflow-list-phone-numbers.json')))).result, 'Synthflow');
		const expected = sandbox.state.synthflow.numbers.filter((n) => n.workspace_id === SYNTHFLOW_WORKSPACES.a && n.is_available);
		expect(listed.map((n) => n.number)).toEqual(expected.map((n) => n.phone_number));
	});
});

let started: Promise<void> | undefined;
/** `n8n start` once for the describes that need the server. */
async function startN8n(): Promise<void> {
	started ??= (async () => {
		await n8n.start();
		await n8n.signIn();
	})();
	await started;
}

describe(`n8n ${VERSION}: errors and retries inside n8n`, () => {
	async function runClose(id: string, parameters: Record<string, unknown>) {
		const workflow = {
			id,
			name: id,
			active: false,
			settings: {},
			nodes: [
				{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'c',
					name: 'Close',
					type: `${PKG}.close`,
					typeVersion: 1,
					position: [200, 0],
					parameters: { resource: 'phoneNumber', ...parameters, options: { retryDelayMs: 10 } },
					credentials: { closePhoneNumbersApi: { id: SANDBOX_CREDENTIAL_IDS.closePhoneNumbersApi, name: 'Close (sandbox)' } },
				},
			],
			connections: { Start: { main: [[{ node: 'Close', type: 'main', index: 0 }]] } },
		};
		const file = join(userFolder, `${id}.json`);
		writeFileSync(file, JSON.stringify(workflow));
		await n8n.importWorkflow(file);
		return await n8n.execute(id);
	}

	it('waits out a 429 (Retry-After) and goes through', async () => {
		sandbox.clearRequests();
		sandbox.faults.add({ kind: 'status', provider: 'close', status: 429, headers: { 'Retry-After': '1' }, body: { error: 'Too many requests' }, times: 1 });
		const { result } = await runClose('e2eRetry', { operation: 'getAll', returnAll: false, limit: 3 });
		expect(outputOf(result, 'Close')).toHaveLength(3);
		const calls = sandbox.requests.filter((r) => r.provider === 'close');
		expect(calls.map((r) => r.status)).toEqual([429, 200]);
	});

	it("keeps Close's field error, sent once", async () => {
		sandbox.faults.clear();
		sandbox.clearRequests();
		const group = sandbox.state.close.phoneNumbers.find((n) => n.is_group_number && n.organization_id === sandbox.state.close.apiKeys[0].organizationId)!;
		const stranger = sandbox.state.close.users.find((u) => !u.organizationIds.includes(group.organization_id))!;
		const { raw, failed } = await runClose('e2eFieldError', {
			operation: 'update',
			phoneNumber: { __rl: true, mode: 'id', value: group.id },
			updateFields: { participants: [stranger.id] },
		});
		expect(failed).toBe(true);
		const printed = raw.stdout + raw.stderr;
		expect(printed).toContain(`Close error 400: participants: Unknown user(s): ${stranger.id}.`);
		expect(printed).not.toContain(CLOSE_KEYS.adminA);
		expect(sandbox.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
	});
});

describe(`n8n ${VERSION}: the webhook example, active in n8n`, () => {
	it('a CRM calling the webhook re-routes the number it names, and gets the number back', async () => {
		await startN8n();
		const url = `${n8n.url}/webhook/reroute-number`;
		await waitForWebhook(url);
		const stored = sandbox.state.close.phoneNumbers.find((n) => n.number === '+13125551001')!;
		Object.assign(stored, { forward_to: null, forward_to_enabled: false });
		sandbox.clearRequests();
		const response = await postToWebhook(url, { number: '+1 312-555-1001', forwardTo: '+16505550123' });
		expect(response.status).toBe(200);
		const answer = (await response.json()) as Record<string, unknown>;
		expect(answer).toMatchObject({ id: stored.id, forward_to: '+16505550123', forward_to_enabled: true });
		expect(stored).toMatchObject({ forward_to: '+16505550123', forward_to_enabled: true });
		const put = sandbox.requests.find((r) => r.provider === 'close' && r.method === 'PUT')!;
		expect(put.body).toEqual({ forward_to: '+16505550123', forward_to_enabled: true });
	});
});

describe(`n8n ${VERSION}: n8n start, REST API`, () => {
	beforeAll(startN8n, 300_000);

	it('n8n, its task broker and everything else it started listen on loopback only (issue 36)', () => {
		const listening = listeningAddresses(n8n.pid as number);
		// At least the editor's port: the check reads real sockets, not settings.
		expect(listening).toContain(`127.0.0.1:${n8n.port}`);
		expect(beyondLoopback(n8n.pid as number)).toEqual([]);
	});

	it('lists every node of the package, their AI tool variants, and every credential type', async () => {
		const nodes = await n8n.rest<Array<{ name: string }> | { data: Array<{ name: string }> }>('GET', '/types/nodes.json');
		expect(nodes.status).toBe(200);
		const names = (Array.isArray(nodes.body) ? nodes.body : nodes.body.data).map((n) => n.name);
		for (const node of ['close', 'signalWire', 'synthflow', 'twilio', 'telnyx', 'vapi', 'retell']) {
			expect(names).toContain(`${PKG}.${node}`);
			expect(names).toContain(`${PKG}.${node}Tool`);
			expect(names).toContain(`${PKG}.${node}Trigger`);
		}
		const credentials = await n8n.rest<Array<{ name: string }>>('GET', '/types/credentials.json');
		const credentialNames = (Array.isArray(credentials.body) ? credentials.body : []).map((c) => c.name);
		expect(credentialNames).toEqual(expect.arrayContaining(['closePhoneNumbersApi', 'closePhoneNumbersOAuth2Api', 'signalWirePhoneNumbersApi', 'synthflowPhoneNumbersApi', 'twilioPhoneNumbersApi', 'telnyxPhoneNumbersApi', 'vapiPhoneNumbersApi', 'retellPhoneNumbersApi']));
		// The other package's types are loaded too: the names that would have collided.
		expect(credentialNames).toEqual(expect.arrayContaining(['closeApi', 'closeOAuth2Api', 'signalWireApi', 'synthflowApi']));
		expect(names).toContain(`${OLD_NAMES}.oldNames`);
		// The editor is told what costs money: Telnyx's call screening field says so.
		const telnyxType = (Array.isArray(nodes.body) ? nodes.body : nodes.body.data).find((n) => n.name === `${PKG}.telnyx`);
		expect(JSON.stringify(telnyxType)).toContain('costs extra every month');
	});

	const nodeTypeAndVersion = (node: string) => ({ name: `${PKG}.${node}`, version: 1 });
	const credentialRef = (type: keyof typeof SANDBOX_CREDENTIAL_IDS, name: string) => ({ [type]: { id: SANDBOX_CREDENTIAL_IDS[type], name } });
	const close = { node: 'close', credentials: credentialRef('closePhoneNumbersApi', 'Close (sandbox)'), base: { authentication: 'apiKey', resource: 'phoneNumber', operation: 'update' } };
	const signalWire = { node: 'signalWire', credentials: credentialRef('signalWirePhoneNumbersApi', 'SignalWire (sandbox)'), base: { resource: 'phoneNumber', operation: 'update' } };
	const synthflow = { node: 'synthflow', credentials: credentialRef('synthflowPhoneNumbersApi', 'Synthflow (sandbox)'), base: { resource: 'phoneNumber', operation: 'update' } };
	const twilio = { node: 'twilio', credentials: credentialRef('twilioPhoneNumbersApi', 'Twilio (sandbox)'), base: { resource: 'phoneNumber', operation: 'update' } };
	const telnyx = { node: 'telnyx', credentials: credentialRef('telnyxPhoneNumbersApi', 'Telnyx (sandbox)'), base: { resource: 'phoneNumber', operation: 'update' } };
	const vapi = { node: 'vapi', credentials: credentialRef('vapiPhoneNumbersApi', 'Vapi (sandbox)'), base: { resource: 'phoneNumber', operation: 'update' } };
	const retell = { node: 'retell', credentials: credentialRef('retellPhoneNumbersApi', 'Retell AI (sandbox)'), base: { resource: 'phoneNumber', operation: 'update' } };

	type Target = { node: string; credentials: Record<string, { id: string; name: string }>; base: Record<string, string> };

	async function options(target: Target, path: string, methodName: string) {
		const response = await n8n.rest<{ data: Array<{ name: string; value: string }> }>('POST', '/rest/dynamic-node-parameters/options', {
			path,
			methodName,
			nodeTypeAndVersion: nodeTypeAndVersion(target.node),
			currentNodeParameters: target.base,
			credentials: target.credentials,
		});
		expect(response.status).toBe(200);
		return response.body.data;
	}

	async function locator(target: Target, path: string, methodName: string, extra: { filter?: string; paginationToken?: string } = {}) {
		const response = await n8n.rest<{ data: { results: Array<{ name: string; value: string }>; paginationToken?: string } }>(
			'POST',
			'/rest/dynamic-node-parameters/resource-locator-results',
			{ path, methodName, nodeTypeAndVersion: nodeTypeAndVersion(target.node), currentNodeParameters: target.base, credentials: target.credentials, ...extra },
		);
		expect(response.status).toBe(200);
		return response.body.data;
	}

	it('Close: the phone number list (first page, second page, search) and the participants dropdown', async () => {
		const first = await locator(close, 'parameters.phoneNumber', 'searchPhoneNumbers');
		expect(first.results).toHaveLength(100);
		expect(first.results[0].name).toMatch(/^\+1 \d{3}-\d{3}-\d{4} · .+ \(\d+ members\)$/);
		const second = await locator(close, 'parameters.phoneNumber', 'searchPhoneNumbers', { paginationToken: first.paginationToken });
		expect(second.results[0].value).not.toBe(first.results[0].value);
		const search = await locator(close, 'parameters.phoneNumber', 'searchPhoneNumbers', { filter: 'Support' });
		expect(search.results.length).toBeGreaterThan(0);
		expect(search.results.every((r) => r.name.includes('Support'))).toBe(true);

		const users = await options(close, 'parameters.updateFields.participants', 'getUsers');
		const members = sandbox.state.close.users.filter((u) => u.organizationIds.includes('orga_AcmeSales000000000000001'));
		expect(users.map((u) => u.value).sort()).toEqual(members.map((u) => u.id).sort());

		const external = await options(close, 'parameters.updateFields.phoneNumbers', 'getExternalNumbers');
		const expected = sandbox.state.close.phoneNumbers.filter((n) => n.organization_id === 'orga_AcmeSales000000000000001' && n.type === 'external');
		expect(external.map((o) => o.value).sort()).toEqual(expected.map((n) => n.number).sort());
	});

	it('SignalWire: the phone number list and every linked-resource dropdown', async () => {
		const first = await locator(signalWire, 'parameters.phoneNumber', 'searchPhoneNumbers');
		expect(first.results).toHaveLength(50);
		const second = await locator(signalWire, 'parameters.phoneNumber', 'searchPhoneNumbers', { paginationToken: first.paginationToken });
		expect(second.results[0].value).toBe(sandbox.state.signalwire.numbers[50].id);
		const search = await locator(signalWire, 'parameters.phoneNumber', 'searchPhoneNumbers', { filter: '888' });
		expect(search.results.length).toBeGreaterThan(0);
		expect(search.results.every((r) => r.name.includes('888'))).toBe(true);

		const state = sandbox.state.signalwire;
		const cases: Array<[string, string, string[]]> = [
			['callLamlApplicationId', 'getLamlApplications', state.lamlApplications.map((a) => a.sid)],
			['callSipEndpointId', 'getSipEndpoints', state.sipEndpoints.map((e) => e.id)],
			['callRelayApplication', 'getRelayApplications', state.relayApplications.map((a) => a.name)],
			['callVideoRoomId', 'getVideoRooms', state.videoRooms.map((r) => r.id)],
			['callDialogflowAgentId', 'getDialogflowAgents', state.dialogflowAgents.map((a) => a.agentId)],
			['callAiAgentId', 'getAiAgents', state.aiAgents.map((a) => a.agentId)],
		];
		for (const [field, method, expected] of cases) {
			const values = (await options(signalWire, `parameters.updateFields.${field}`, method)).map((o) => o.value);
			expect(values.sort()).toEqual([...expected].sort());
		}
	});

	it('Synthflow: the phone number list, two pages and a search', async () => {
		const first = await locator(synthflow, 'parameters.phoneNumber', 'searchPhoneNumbers');
		expect(first.results).toHaveLength(25);
		expect(first.paginationToken).toBe('25');
		const second = await locator(synthflow, 'parameters.phoneNumber', 'searchPhoneNumbers', { paginationToken: '25' });
		const inA = sandbox.state.synthflow.numbers.filter((n) => n.workspace_id === SYNTHFLOW_WORKSPACES.a);
		expect(second.results[0].value).toBe(inA[25].slug);
		const search = await locator(synthflow, 'parameters.phoneNumber', 'searchPhoneNumbers', { filter: '49' });
		expect(search.results.length).toBeGreaterThan(0);
		expect(search.results.every((r) => r.value.replace(/\D/g, '').includes('49'))).toBe(true);
		// The same number format as the other nodes' lists.
		expect(first.results.every((r) => /^\+\d[\d -]+ · (available|in use)$/.test(r.name))).toBe(true);
	});

	it('Twilio: the phone number list, its second page, and the app, trunk and address dropdowns', async () => {
		const first = await locator(twilio, 'parameters.phoneNumber', 'searchPhoneNumbers');
		expect(first.results).toHaveLength(50);
		expect(first.results.every((r) => /^\+1 \d{3}-\d{3}-\d{4} · /.test(r.name))).toBe(true);
		const second = await locator(twilio, 'parameters.phoneNumber', 'searchPhoneNumbers', { paginationToken: first.paginationToken });
		expect(second.results[0].value).toBe(sandbox.state.twilio.numbers[50].sid);
		const state = sandbox.state.twilio;
		for (const [field, method, expected] of [
			['voiceApplicationSid', 'getApplications', state.applications.map((a) => a.sid)],
			['trunkSid', 'getTrunks', state.trunks.map((t) => t.sid)],
			['addressSid', 'getAddresses', state.addresses.map((a) => a.sid)],
		] as const) {
			const values = (await options(twilio, `parameters.updateFields.${field}`, method)).map((o) => o.value);
			expect(values.sort()).toEqual([...expected].sort());
		}
	});

	it('Telnyx: the phone number list by page[number], and the connection, messaging profile and billing group dropdowns', async () => {
		const first = await locator(telnyx, 'parameters.phoneNumber', 'searchPhoneNumbers');
		expect(first.results).toHaveLength(50);
		expect(first.results.every((r) => /^\+1 \d{3}-\d{3}-\d{4} · /.test(r.name))).toBe(true);
		const second = await locator(telnyx, 'parameters.phoneNumber', 'searchPhoneNumbers', { paginationToken: first.paginationToken });
		expect(second.results[0].value).toBe(sandbox.state.telnyx.numbers[50].id);
		const state = sandbox.state.telnyx;
		for (const [field, method, expected] of [
			['connectionId', 'getConnections', [...state.connections, ...state.callControlApplications, ...state.texmlApplications].map((c) => c.id)],
			['messagingProfileId', 'getMessagingProfiles', state.messagingProfiles.map((p) => p.id)],
			['billingGroupId', 'getBillingGroups', state.billingGroups.map((g) => g.id)],
		] as const) {
			const found = await options(telnyx, `parameters.updateFields.${field}`, method);
			expect(found.map((o) => o.value).sort()).toEqual([...expected].sort());
			// Credential connections carry SIP passwords in Telnyx's answers: none reaches the editor.
			for (const c of state.connections) if (c.password) expect(JSON.stringify(found)).not.toContain(String(c.password));
		}
	});

	it('Vapi: the phone number list and search, and the assistant (every page) and squad dropdowns', async () => {
		const state = sandbox.state.vapi;
		const first = await locator(vapi, 'parameters.phoneNumber', 'searchPhoneNumbers');
		expect(first.results.length).toBe(state.numbers.length);
		expect(first.results.map((r) => r.value).sort()).toEqual(state.numbers.map((n) => n.id).sort());
		const search = await locator(vapi, 'parameters.phoneNumber', 'searchPhoneNumbers', { filter: '+1 628-555-1003' });
		expect(search.results.map((r) => r.value)).toEqual([state.numbers[3].id]);
		sandbox.clearRequests();
		const assistants = await options(vapi, 'parameters.updateFields.assistantId', 'getAssistants');
		expect(assistants).toHaveLength(1200);
		expect(sandbox.requests.filter((r) => r.provider === 'vapi' && r.path === '/assistant').length).toBeGreaterThanOrEqual(2);
		const squads = await options(vapi, 'parameters.updateFields.squadId', 'getSquads');
		expect(squads.map((o) => o.value).sort()).toEqual(state.squads.map((q) => q.id).sort());
	});

	it('Retell AI: the phone number list, the voice agents (every page) and the versions of the agent in the row', async () => {
		const first = await locator(retell, 'parameters.phoneNumber', 'searchPhoneNumbers');
		// Named by its number and nickname as they are now (the examples above may have renamed it).
		const [number] = sandbox.state.retell.numbers;
		expect(first.results[0]).toEqual({ name: `+1 415-777-4000 · ${String(number.nickname || 'no nickname')}`, value: '+14157774000' });
		const agents = await options(retell, 'parameters.updateFields.inboundAgents.agents.agent', 'getVoiceAgents');
		expect(agents).toHaveLength(150);
		const agent = String(sandbox.state.retell.agents[0].agent_id);
		const response = await n8n.rest<{ data: Array<{ name: string; value: string }> }>('POST', '/rest/dynamic-node-parameters/options', {
			path: 'parameters.updateFields.inboundAgents.agents[0].version',
			methodName: 'getVoiceAgentVersions',
			nodeTypeAndVersion: nodeTypeAndVersion('retell'),
			currentNodeParameters: { ...retell.base, updateFields: { inboundAgents: { agents: [{ agent, weight: 1, version: '' }] } } },
			credentials: retell.credentials,
		});
		expect(response.status).toBe(200);
		expect(response.body.data.map((o) => o.value)).toEqual(['latest_published', 'latest', '3', '2', '1']);
	});

	it('a failing dropdown shows the provider error, not an empty list', async () => {
		await n8n.importCredentials([{ id: 'closeApiRevoked', name: 'Close (revoked)', type: 'closePhoneNumbersApi', data: { apiKey: 'api_revoked000000000', baseUrl: sandbox.url } }]);
		const response = await n8n.rest<{ message?: string }>('POST', '/rest/dynamic-node-parameters/options', {
			path: 'parameters.updateFields.participants',
			methodName: 'getUsers',
			nodeTypeAndVersion: nodeTypeAndVersion('close'),
			currentNodeParameters: close.base,
			credentials: { closePhoneNumbersApi: { id: 'closeApiRevoked', name: 'Close (revoked)' } },
		});
		expect(response.status).toBeGreaterThanOrEqual(400);
		expect(JSON.stringify(response.body)).toMatch(/401|Unauthorized|API key/);
		expect(JSON.stringify(response.body)).not.toContain('api_revoked000000000');
	});

	const credentialCases: Array<[string, Record<string, unknown>, Record<string, unknown>, string]> = [
		['closePhoneNumbersApi', { apiKey: CLOSE_KEYS.adminA }, { apiKey: 'api_wrong0000000000' }, '/api/v1/me/'],
		[
			'signalWirePhoneNumbersApi',
			{ space: SIGNALWIRE_PROJECT.space, projectId: SIGNALWIRE_PROJECT.projectId, apiToken: SIGNALWIRE_PROJECT.apiToken },
			{ space: SIGNALWIRE_PROJECT.space, projectId: SIGNALWIRE_PROJECT.projectId, apiToken: 'PTwrong' },
			'/api/relay/rest/phone_numbers',
		],
		['synthflowPhoneNumbersApi', { apiKey: SYNTHFLOW_KEYS.main, region: 'eu', workspaceId: SYNTHFLOW_WORKSPACES.a }, { apiKey: 'sf_wrong', region: 'eu' }, '/v2/assistants'],
		[
			'twilioPhoneNumbersApi',
			{ accountSid: TWILIO_ACCOUNT.accountSid, authType: 'apiKey', apiKeySid: TWILIO_ACCOUNT.apiKeySid, apiKeySecret: TWILIO_ACCOUNT.apiKeySecret },
			{ accountSid: TWILIO_ACCOUNT.accountSid, authType: 'authToken', authToken: 'wrong-token' },
			`/2010-04-01/Accounts/${TWILIO_ACCOUNT.accountSid}/IncomingPhoneNumbers.json`,
		],
		['telnyxPhoneNumbersApi', { apiKey: TELNYX_KEYS.main }, { apiKey: 'KEY_wrong' }, '/v2/phone_numbers'],
		['vapiPhoneNumbersApi', { apiKey: VAPI_KEYS.main }, { apiKey: VAPI_KEYS.public }, '/v2/phone-number'],
		['retellPhoneNumbersApi', { apiKey: RETELL_KEYS.main }, { apiKey: 'key_wrongwrongwrong' }, '/v2/list-phone-numbers'],
		[
			'closePhoneNumbersOAuth2Api',
			{ clientId: CLOSE_OAUTH_CLIENT.clientId, clientSecret: CLOSE_OAUTH_CLIENT.clientSecret, oauthTokenData: { access_token: 'from-sandbox', token_type: 'Bearer' } },
			{ clientId: CLOSE_OAUTH_CLIENT.clientId, clientSecret: CLOSE_OAUTH_CLIENT.clientSecret, oauthTokenData: { access_token: 'revoked-token', token_type: 'Bearer' } },
			'/api/v1/me/',
		],
	];

	it.each(credentialCases)("%s: n8n's credential test passes with the right secret and fails with a wrong one", async (type, good, bad, path) => {
		sandbox.clearRequests();
		if (type === 'closePhoneNumbersOAuth2Api') {
			(good.oauthTokenData as { access_token: string }).access_token = issueCloseToken(sandbox.state.close).access_token;
			await n8n.importCredentials([{ id: SANDBOX_CREDENTIAL_IDS.closePhoneNumbersOAuth2Api, name: 'Close OAuth2 (sandbox)', type, data: { ...good, baseUrl: sandbox.url } }]);
		}
		const test = async (data: Record<string, unknown>) =>
			await n8n.rest<{ data: { status: string; message: string } }>('POST', '/rest/credentials/test', {
				// As the editor does for a saved credential being edited: its ID and the data typed in.
				credentials: {
					id: SANDBOX_CREDENTIAL_IDS[type as keyof typeof SANDBOX_CREDENTIAL_IDS],
					name: `${type} test`,
					type,
					data: { ...data, baseUrl: sandbox.url },
				},
			});
		const ok = await test(good);
		if (ok.status !== 200) throw new Error(`credential test answered ${ok.status}: ${JSON.stringify(ok.body)}`);
		expect(ok.body.data.status).toBe('OK');
		if (type === 'closePhoneNumbersOAuth2Api') {
			// n8n tests an OAuth2 credential by whether it holds an access token, sending nothing
			// (CredentialsTester's oauth2CredTest), so a refused Base URL never gets the token either.
			expect(sandbox.requests).toHaveLength(0);
			return;
		}
		expect(sandbox.requests.map((r) => r.path)).toContain(path);
		const wrong = await test(bad);
		expect(wrong.body.data.status).toBe('Error');
	});
});

describe(`n8n ${VERSION}: credential tests do not follow redirects`, () => {
	beforeAll(startN8n, 300_000);

	it("a credential test answered 302 to another host fails, and nothing reaches that host", async () => {
		sandbox.clearRequests();
		sandbox.faults.add({ kind: 'redirect', provider: 'close', status: 302, times: 1 });
		const answer = await n8n.rest<{ data: { status: string; message: string } }>('POST', '/rest/credentials/test', {
			credentials: {
				id: SANDBOX_CREDENTIAL_IDS.closePhoneNumbersApi,
				name: 'redirect test',
				type: 'closePhoneNumbersApi',
				data: { apiKey: CLOSE_KEYS.adminA, baseUrl: sandbox.url },
			},
		});
		expect(answer.body.data.status).toBe('Error');
		expect(sandbox.requests.filter((r) => r.path.startsWith('/stolen'))).toHaveLength(0);
		sandbox.faults.clear();
	});

	it('a Base URL that is not loopback never gets the key', async () => {
		const answer = await n8n.rest<{ data: { status: string; message: string } }>('POST', '/rest/credentials/test', {
			credentials: {
				id: SANDBOX_CREDENTIAL_IDS.closePhoneNumbersApi,
				name: 'userinfo test',
				type: 'closePhoneNumbersApi',
				data: { apiKey: CLOSE_KEYS.adminA, baseUrl: `${sandbox.url}@evil.example` },
			},
		});
		expect(answer.body.data.status).toBe('Error');
		// The node's testedBy function answers before any request (issue 29): no host is even looked up.
		expect(answer.body.data.message).toMatch(/Base URL must be a loopback origin.*Nothing was sent/);
	});
});

describe(`n8n ${VERSION}: what a person sees in the editor (headless Chromium)`, () => {
	const browserTest = existsSync(CHROMIUM) || process.env.CI ? it : it.skip;
	beforeAll(startN8n, 300_000);
	const shot = (name: string) => join(ARTIFACTS, `${name}-n8n-${VERSION}.png`);
	let browser: import('playwright-core').Browser | undefined;
	let page: import('playwright-core').Page;

	beforeAll(async () => {
		if (!existsSync(CHROMIUM) && !process.env.CI) return;
		mkdirSync(ARTIFACTS, { recursive: true });
		const { chromium, selectors } = await import('playwright-core');
		selectors.setTestIdAttribute('data-test-id');
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
		});
		page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
		await page.goto(`${n8n.url}/signin`);
		await page.locator('input[type="email"]').fill('owner@example.com', { timeout: 60_000 });
		await page.locator('input[type="password"]').fill('Sandbox-pass-1');
		await page.getByRole('button', { name: /sign in/i }).click();
		await page.waitForURL((url) => !url.pathname.includes('signin'), { timeout: 60_000 });
	}, 120_000);
	afterAll(async () => {
		await browser?.close();
	});

	/** A new workflow with the nodes panel open and `query` typed into its search box. */
	async function searchNodes(query: string) {
		const search = await openActionsPanel(page);
		await search.fill(query, { timeout: 60_000 });
		await page.waitForTimeout(1000);
		return await page.getByTestId('node-creator-item-name').allInnerTexts();
	}

	const CREDENTIAL_OF: Record<string, keyof typeof SANDBOX_CREDENTIAL_IDS> = {
		'Close Phone Numbers': 'closePhoneNumbersApi',
		'SignalWire Phone Numbers': 'signalWirePhoneNumbersApi',
		'Synthflow Phone Numbers': 'synthflowPhoneNumbersApi',
		'Twilio Phone Numbers': 'twilioPhoneNumbersApi',
		'Telnyx Phone Numbers': 'telnyxPhoneNumbersApi',
		'Vapi Phone Numbers': 'vapiPhoneNumbersApi',
		'Retell AI Phone Numbers': 'retellPhoneNumbersApi',
	};

	/** Adds the node with "Update a phone number" and picks its sandbox credential. */
	async function openUpdate(displayName: string) {
		await searchNodes(displayName);
		await page.getByTestId('node-creator-item-name').filter({ hasText: new RegExp(`^${displayName}$`) }).first().click();
		await page.getByTestId('node-creator-item-name').filter({ hasText: /^Update a phone number$/ }).first().click();
		await page.getByTestId('node-credentials-select').click({ timeout: 60_000 });
		const credential = page.getByTestId(`node-credentials-select-item-${SANDBOX_CREDENTIAL_IDS[CREDENTIAL_OF[displayName]]}`);
		await credential.click();
		await credential.waitFor({ state: 'hidden', timeout: 30_000 });
	}

	async function addField(name: string) {
		await page.getByPlaceholder('Add Field').first().click();
		const options = page.locator('.el-select-dropdown__item:visible, [role="option"]:visible');
		await options.first().waitFor({ timeout: 30_000 });
		const shown = await options.allInnerTexts();
		if (name) await options.filter({ hasText: new RegExp(`^${name}$`) }).first().click();
		else await page.keyboard.press('Escape');
		return shown;
	}

	const NODES = ['Close Phone Numbers', 'SignalWire Phone Numbers', 'Synthflow Phone Numbers', 'Twilio Phone Numbers', 'Telnyx Phone Numbers', 'Vapi Phone Numbers', 'Retell AI Phone Numbers'];

	browserTest('the nodes panel finds every node by its name and by "phone number", each with its three actions', async () => {
		expect(await searchNodes('phone number')).toEqual(expect.arrayContaining(NODES));
		await page.screenshot({ path: shot('nodes-panel') });
		for (const node of NODES) {
			expect(await searchNodes(node.split(' ')[0])).toContain(node);
			await page.getByTestId('node-creator-item-name').filter({ hasText: new RegExp(`^${node}$`) }).first().click();
			const actions = await page.getByTestId('node-creator-item-name').allInnerTexts();
			expect(actions).toEqual(expect.arrayContaining(['Get a phone number', 'Get many phone numbers', 'Update a phone number']));
		}
		// Not hidden under AI: a SIP trunk setting is found from the regular panel.
		expect(await searchNodes('SIP trunk')).toContain('Synthflow Phone Numbers');
	}, 240_000);

	browserTest('each number list shows names in one number format', async () => {
		for (const node of NODES) {
			await openUpdate(node);
			await page.getByTestId('rlc-input').click({ timeout: 60_000 });
			const items = page.getByTestId('rlc-item');
			await items.first().waitFor({ timeout: 60_000 });
			const texts = await items.allInnerTexts();
			expect(texts.length).toBeGreaterThan(5);
			// E.164 numbers one way everywhere; Vapi's SIP-only numbers by their SIP URI.
			for (const text of texts) expect(text).toMatch(/^(\+(1 \d{3}-\d{3}-\d{4}|[2-9]\d{7,14})|sip:\S+) · \S/);
			await page.screenshot({ path: shot(`dropdown-${node.split(' ')[0].toLowerCase()}`) });
			await page.keyboard.press('Escape');
		}
	}, 240_000);

	browserTest("SignalWire: choosing a call handler leaves only that handler's fields to add", async () => {
		await openUpdate('SignalWire Phone Numbers');
		const all = await addField('Call Handler');
		expect(all).toEqual(expect.arrayContaining(['Call Request URL', 'Call LaML Application Name or ID', 'Call Video Room Name or ID']));
		// The handler's own dropdown: pick LaML Application.
		await page.getByTestId('parameter-input-callHandler').click();
		// Options show their description under the name: match the name at the start.
		const handler = page.locator('.el-select-dropdown__item:visible, [role="option"]:visible').filter({ hasText: /^LaML Application/ }).first();
		await handler.click();
		await page.locator('.el-select-dropdown__item:visible, [role="option"]:visible').filter({ hasText: /^AI Agent/ }).first().waitFor({ state: 'hidden', timeout: 30_000 });
		const laml = await addField('');
		expect(laml).toContain('Call LaML Application Name or ID');
		expect(laml).not.toContain('Call Request URL');
		expect(laml).not.toContain('Call Video Room Name or ID');
		await page.screenshot({ path: shot('signalwire-call-handler') });
	}, 240_000);

	browserTest("each credential's test passes in the credential dialog, and Retry tests it again against the sandbox", async () => {
		for (const [name, path] of [
			['Close (sandbox)', '/api/v1/me/'],
			['SignalWire (sandbox)', '/api/relay/rest/phone_numbers'],
			['Synthflow (sandbox)', '/v2/assistants'],
			['Twilio (sandbox)', `/2010-04-01/Accounts/${TWILIO_ACCOUNT.accountSid}/IncomingPhoneNumbers.json`],
			['Telnyx (sandbox)', '/v2/phone_numbers'],
		] as const) {
			await page.goto(`${n8n.url}/home/credentials`);
			await page.getByText(name, { exact: true }).first().click({ timeout: 60_000 });
			// n8n tests a saved credential when its dialog opens; Retry is the dialog's Test button.
			await page.getByText('Connection tested successfully').first().waitFor({ timeout: 60_000 });
			sandbox.clearRequests();
			await page.getByRole('button', { name: 'Retry' }).first().click();
			await page.getByText('Connection tested successfully').first().waitFor({ timeout: 60_000 });
			// The test request reached the sandbox (the success banner may also be the first test's).
			for (let i = 0; i < 150 && !sandbox.requests.some((r) => r.path === path); i++) await page.waitForTimeout(200);
			expect(sandbox.requests.map((r) => r.path)).toContain(path);
			await page.screenshot({ path: shot(`credential-${name.split(' ')[0].toLowerCase()}`) });
			await page.keyboard.press('Escape');
		}
	}, 240_000);

	browserTest('Telnyx: the update fields of all three groups are offered in one list', async () => {
		await openUpdate('Telnyx Phone Numbers');
		const offered = await addField('Inbound Call Screening');
		expect(offered).toEqual(expect.arrayContaining(['Tags', 'Connection Name or ID', 'Forwards To', 'CNAM Listing Details', 'Inbound Call Recording Format', 'Messaging Profile Name or ID']));
		await page.getByTestId('parameter-input-inboundCallScreening').first().waitFor({ timeout: 30_000 });
		await page.screenshot({ path: shot('telnyx-update-fields') });
	}, 240_000);

	browserTest("Twilio: choosing where calls go leaves only the fields Twilio would use", async () => {
		await openUpdate('Twilio Phone Numbers');
		// Only the routing dropdown's own options: n8n 1.x keeps the Add Field list's options in the page.
		const option = (name: RegExp) =>
			page.locator('.el-select-dropdown__item:visible, [role="option"]:visible').and(page.locator(':not([data-test-id="collection-parameter-option"])')).filter({ hasText: name }).first();
		const route = async (name: RegExp) => {
			await page.getByTestId('parameter-input-voiceRouting').click();
			await option(name).click();
			await option(/^TwiML App/).waitFor({ state: 'hidden', timeout: 30_000 });
		};
		await route(/^SIP Trunk/);
		// A SIP trunk overrides the voice URLs and any TwiML app: neither is offered any more.
		const trunk = await addField('');
		expect(trunk).toContain('SIP Trunk Name or ID');
		expect(trunk).not.toContain('Voice URL');
		expect(trunk).not.toContain('Voice TwiML App Name or ID');
		expect(trunk).toContain('SMS URL');
		await page.screenshot({ path: shot('twilio-calls-go-to') });
		await route(/^Any/);
		expect(await addField('')).toEqual(expect.arrayContaining(['Voice URL', 'Voice TwiML App Name or ID', 'SIP Trunk Name or ID', 'SMS URL']));
	}, 240_000);

	browserTest('Synthflow: an update run from the editor changes the number and shows it in the output', async () => {
		await openUpdate('Synthflow Phone Numbers');
		await page.getByTestId('rlc-input').click({ timeout: 60_000 });
		await page.getByTestId('rlc-item').first().click({ timeout: 60_000 });
		await addField('Friendly Name');
		await page.getByTestId('parameter-input-friendlyName').locator('input, textarea').first().fill('Front desk (from the editor)');
		// The node's own button, not the input panel's "Execute previous nodes" (the trigger is upstream).
		await page.getByTestId('node-execute-button').filter({ hasText: /Execute step/ }).first().click();
		await page.getByTestId('output-panel').getByText('Front desk (from the editor)').first().waitFor({ timeout: 60_000 });
		await page.screenshot({ path: shot('output') });
		expect(sandbox.state.synthflow.numbers.some((n) => n.friendly_name === 'Front desk (from the editor)')).toBe(true);
	}, 240_000);
});

describe(`n8n ${VERSION}: the editor in headless Chromium`, () => {
	// CI installs Debian's chromium (.ci/run); elsewhere the test says what is missing.
	const browserTest = existsSync(CHROMIUM) || process.env.CI ? it : it.skip;
	beforeAll(startN8n, 300_000);

	async function chooseCredential(page: import('playwright-core').Page, id: string) {
		await page.getByTestId('node-credentials-select').click({ timeout: 60_000 });
		await page.getByTestId(`node-credentials-select-item-${id}`).click();
	}

	browserTest('adds the Close node, chooses Update a phone number and lists the sandbox numbers', async () => {
		await n8n.importCredentials([
			{ id: 'closeApiRevoked', name: 'Close (revoked)', type: 'closePhoneNumbersApi', data: { apiKey: 'api_revoked000000000', baseUrl: sandbox.url } },
		]);
		const { chromium, selectors } = await import('playwright-core');
		selectors.setTestIdAttribute('data-test-id');
		const browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
		});
		try {
			const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
			await page.goto(`${n8n.url}/signin`);
			await page.locator('input[type="email"]').fill('owner@example.com', { timeout: 60_000 });
			await page.locator('input[type="password"]').fill('Sandbox-pass-1');
			await page.getByRole('button', { name: /sign in/i }).click();
			await page.waitForURL((url) => !url.pathname.includes('signin'), { timeout: 60_000 });
			// Fill the node panel's search box itself: typed keys are lost if it is not focused yet.
			const search = await openActionsPanel(page);
			await search.fill('Close', { timeout: 60_000 });
			await page.getByTestId('node-creator-item-name').filter({ hasText: /^Close Phone Numbers$/ }).first().click();
			await page.getByTestId('node-creator-item-name').filter({ hasText: /^Update a phone number$/ }).first().click();
			// First with a revoked key: the list must show Close's error and the hint, not an empty list.
			await chooseCredential(page, 'closeApiRevoked');
			await page.getByTestId('rlc-input').click({ timeout: 60_000 });
			await page.getByText('Could not load list').waitFor({ timeout: 60_000 });
			await expect(page.getByText(/Close error 401/).first().isVisible()).resolves.toBe(true);
			mkdirSync(ARTIFACTS, { recursive: true });
			await page.screenshot({ path: join(ARTIFACTS, `close-phone-number-list-error-n8n-${VERSION}.png`) });
			await page.keyboard.press('Escape');

			await chooseCredential(page, SANDBOX_CREDENTIAL_IDS.closePhoneNumbersApi);
			await page.getByTestId('rlc-input').click({ timeout: 60_000 });
			const items = page.getByTestId('rlc-item');
			await items.first().waitFor({ timeout: 60_000 });
			await page.screenshot({ path: join(ARTIFACTS, `close-phone-number-list-n8n-${VERSION}.png`) });
			const texts = await items.allInnerTexts();
			const group = sandbox.state.close.phoneNumbers[0];
			expect(texts[0]).toBe(`${group.number_formatted as string} · ${group.label as string} (${(group.participants as string[]).length} members)`);
			expect(texts.length).toBeGreaterThan(5);
			expect(texts.every((t) => /^\+1 \d{3}-\d{3}-\d{4} · /.test(t))).toBe(true);
		} catch (error) {
			mkdirSync(ARTIFACTS, { recursive: true });
			const pages = browser.contexts().flatMap((c) => c.pages());
			if (pages[0]) await pages[0].screenshot({ path: join(ARTIFACTS, `failure-n8n-${VERSION}.png`) });
			throw error;
		} finally {
			await browser.close();
		}
	}, 240_000);
});
