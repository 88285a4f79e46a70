import type { IDataObject } from 'n8n-workflow';

import { RETELL_KEYS } from '../../sandbox/retell/data';
import { requestsTo, useSandbox } from '../harness/sandbox';
import { retellCredentials } from '../../sandbox/retell/provider';
import { listSearch, loadOptions, runNode, testCredential } from '../harness/runNode';

const sandbox = useSandbox();
const numbers = () => sandbox().state.retell.numbers;
const voiceAgents = () => sandbox().state.retell.agents.filter((a) => a.channel === 'voice').map((a) => String(a.agent_id));
const chatAgents = () => sandbox().state.retell.agents.filter((a) => a.channel === 'chat').map((a) => String(a.agent_id));
const sent = () => requestsTo(sandbox(), 'retell');

function update(value: string, updateFields: IDataObject, options: IDataObject = {}, mode = 'id') {
	return runNode({
		node: 'retell',
		parameters: { resource: 'phoneNumber', operation: 'update', phoneNumber: { __rl: true, mode, value }, updateFields, options: { retryDelayMs: 5, ...options } } as never,
		credentials: retellCredentials(sandbox()),
	});
}
const agents = (...rows: Array<[string, number?, string?]>) => ({ agents: rows.map(([agent, weight, version]) => ({ agent, weight: weight ?? 1, version: version ?? '' })) });

describe('Retell AI: update a number', () => {
	it('sends weighted inbound agents under inbound_agents, the number encoded in the path, and never the deprecated agent fields', async () => {
		const number = String(numbers()[1].phone_number);
		const [a, b] = voiceAgents();
		const result = await update(number, { inboundAgents: agents([a, 0.5, 'latest_published'], [b, 0.5, '3']), nickname: 'Support' });
		expect(result.error).toBeUndefined();
		const [patch] = sent().filter((r) => r.method === 'PATCH');
		expect(patch.path).toBe(`/update-phone-number/${encodeURIComponent(number)}`);
		expect(patch.path).toContain('%2B');
		expect(patch.headers.authorization).toBe(`Bearer ${RETELL_KEYS.main}`);
		expect(patch.body).toEqual({
			inbound_agents: [
				{ agent_id: a, weight: 0.5, agent_version: 'latest_published' },
				{ agent_id: b, weight: 0.5, agent_version: 3 },
			],
			nickname: 'Support',
		});
		expect(patch.rawBody).not.toMatch(/inbound_agent_id|outbound_agent_id|inbound_agent_version|outbound_agent_version/);
		expect(result.json[0]).toMatchObject({ phone_number: number, nickname: 'Support' });
	});

	it('one agent gets weight 1; an empty list sends null; SMS agents are chat agents', async () => {
		const number = String(numbers()[2].phone_number);
		expect((await update(number, { outboundAgents: agents([voiceAgents()[3], 0.2]), inboundSmsAgents: agents([chatAgents()[0]]), inboundAgents: { agents: [] } })).error).toBeUndefined();
		expect(sent().find((r) => r.method === 'PATCH')?.body).toEqual({
			outbound_agents: [{ agent_id: voiceAgents()[3], weight: 1 }],
			inbound_sms_agents: [{ agent_id: chatAgents()[0], weight: 1 }],
			inbound_agents: null,
		});
	});

	it.each([
		[{ inboundAgents: agents(['agent_a', 0.5], ['agent_b', 0.3]) }, /weights add up to 0.8, not 1/],
		[{ fallbackNumber: 'SELF' }, /cannot be the number itself/],
		[{ allowedInboundCountries: 'US, Canada' }, /not an ISO 3166 alpha-2/],
		[{ inboundWebhookUrl: 'not a url' }, /Inbound Webhook URL/],
		[{ transport: 'QUIC' }, /Transport/],
		[{ inboundAgents: agents(['agent a/b']) }, /not a Retell agent ID/],
	])('%j is refused before any request', async (fields, message) => {
		const number = String(numbers()[3].phone_number);
		const resolved = JSON.parse(JSON.stringify(fields).replace('SELF', number)) as IDataObject;
		const result = await update(number, resolved);
		expect(result.error?.message).toMatch(message);
		expect(sent()).toEqual([]);
	});

	it('webhooks, fallback, countries and the SIP trunk; the auth password never comes back, and empty texts send null', async () => {
		const number = String(numbers()[5].phone_number);
		const result = await update(number, {
			inboundWebhookUrl: 'https://example.com/retell/in',
			fallbackNumber: '+14155550199',
			allowedOutboundCountries: 'us, ca',
			terminationUri: 'acme.pstn.twilio.com',
			authUsername: 'acme',
			authPassword: 'Trunk-Secret-Retell-1',
			transport: 'TLS',
			inboundSmsWebhookUrl: '',
		});
		expect(result.error).toBeUndefined();
		expect(sent().find((r) => r.method === 'PATCH')?.body).toMatchObject({
			inbound_webhook_url: 'https://example.com/retell/in',
			fallback_number: '+14155550199',
			allowed_outbound_country_list: ['US', 'CA'],
			termination_uri: 'acme.pstn.twilio.com',
			transport: 'TLS',
			inbound_sms_webhook_url: null,
		});
		expect(JSON.stringify(result.json)).not.toContain('Trunk-Secret-Retell-1');
	});

	it('Dry Run shows the auth password masked and sends nothing; Skip Unchanged leaves out what the number has', async () => {
		const number = numbers()[6];
		const phone = String(number.phone_number);
		const dry = await update(phone, { nickname: String(number.nickname ?? ''), authPassword: 'Pw-Dry-Retell-22' }, { dryRun: true });
		expect(dry.error).toBeUndefined();
		expect(sent().filter((r) => r.method === 'PATCH')).toEqual([]);
		expect(JSON.stringify(dry.json)).not.toContain('Pw-Dry-Retell-22');
		expect(dry.json[0].changes).toEqual([{ field: 'authPassword', before: '****', after: '****' }]);
		sandbox().clearRequests();
		const skip = await update(phone, { nickname: 'Renamed', fallbackNumber: '' }, { skipUnchanged: true });
		expect(skip.error).toBeUndefined();
		expect(sent().find((r) => r.method === 'PATCH')?.body).toEqual({ nickname: 'Renamed' });
	});

	it('By ID takes the number exactly; By Number takes it with separators', async () => {
		const phone = String(numbers()[7].phone_number);
		const spaced = `${phone.slice(0, 2)} (${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}`;
		expect((await update(`={{ ${JSON.stringify(spaced)} }}`, { nickname: 'x' })).error?.message).toMatch(/is not a Retell AI phone number ID/);
		expect(sent()).toEqual([]);
		expect((await update(spaced, { nickname: 'By number' }, {}, 'number')).error).toBeUndefined();
		expect(numbers()[7].nickname).toBe('By number');
	});
});

describe('Retell AI: get, list, dropdowns, credential', () => {
	it('Get Many lists every number', async () => {
		const result = await runNode({ node: 'retell', parameters: { resource: 'phoneNumber', operation: 'getAll', returnAll: true }, credentials: retellCredentials(sandbox()) });
		expect(result.json.map((n) => n.phone_number)).toEqual(numbers().map((n) => n.phone_number));
	});

	it('the voice agent dropdown reads every page (150 agents, 100 a page) and lists voice agents only', async () => {
		const options = await loadOptions('getVoiceAgents', { node: 'retell', credentials: retellCredentials(sandbox()) });
		expect(options.map((o) => o.value).sort()).toEqual([...voiceAgents()].sort());
		const calls = sent().filter((r) => r.path === '/v2/list-agents');
		expect(calls).toHaveLength(2);
		expect(calls[0].method).toBe('POST');
		expect(calls[0].body).toEqual({ filter_criteria: { channel: { type: 'string', op: 'eq', value: 'voice' } } });
		expect(calls[1].query.pagination_key).toBeDefined();
		const chat = await loadOptions('getChatAgents', { node: 'retell', credentials: retellCredentials(sandbox()) });
		expect(chat).toHaveLength(chatAgents().length);
	});

	it('the version dropdown lists the versions of the agent chosen in the same row, newest first, after the aliases', async () => {
		const [worked, untouched] = [voiceAgents()[0], voiceAgents()[10]];
		const versionsFor = (agent: string, row = 1) =>
			loadOptions('getVoiceAgentVersions', {
				node: 'retell',
				credentials: retellCredentials(sandbox()),
				parameters: { resource: 'phoneNumber', operation: 'update', updateFields: { inboundAgents: agents([untouched, 0.5], [agent, 0.5]) } },
				path: `parameters.updateFields.inboundAgents.agents[${row}].version`,
			});
		sandbox().clearRequests();
		const options = await versionsFor(worked);
		expect(options.map((o) => [o.name, o.value])).toEqual([
			['Latest Published', 'latest_published'],
			['Latest (Draft Included)', 'latest'],
			['Version 3', '3'],
			['Version 2 (published) · Spring prompt', '2'],
			['Version 1', '1'],
		]);
		// One request for that agent's versions, not a walk of every agent.
		expect(sent().map((r) => `${r.method} ${r.path}`)).toEqual([`GET /get-agent-versions/${worked}`]);
		expect((await versionsFor(untouched, 0)).map((o) => o.value)).toEqual(['latest_published', 'latest', '1']);
		// No agent chosen yet (or one set by an expression): the aliases only, nothing sent.
		sandbox().clearRequests();
		const none = await loadOptions('getVoiceAgentVersions', {
			node: 'retell',
			credentials: retellCredentials(sandbox()),
			parameters: { resource: 'phoneNumber', operation: 'update', updateFields: { inboundAgents: { agents: [{ agent: '={{ $json.agent }}', weight: 1 }] } } },
			path: 'parameters.updateFields.inboundAgents.agents[0].version',
		});
		expect(none.map((o) => o.value)).toEqual(['latest_published', 'latest']);
		expect(sent()).toEqual([]);
	});

	it('the number list searches nicknames and digits', async () => {
		const list = await listSearch('searchPhoneNumbers', { node: 'retell', credentials: retellCredentials(sandbox()), filter: '7774003' });
		expect(list.results.map((r) => r.value)).toContain('+14157774003');
	});

	it('the credential test', async () => {
		expect(await testCredential('retellPhoneNumbersApi', { apiKey: RETELL_KEYS.main, baseUrl: sandbox().url })).toEqual({ status: 'OK', message: 'Connection successful' });
		expect((await testCredential('retellPhoneNumbersApi', { apiKey: 'key_wrongwrongwrongwrong', baseUrl: sandbox().url })).message).toMatch(/answered 401/);
	});
});

describe('Retell AI: a workspace of 250 numbers', () => {
	const large = useSandbox({ seed: { retellNumbers: 250 } });

	it('Get Many reads every page by pagination_key, and Limit stops early', async () => {
		const all = await runNode({ node: 'retell', parameters: { resource: 'phoneNumber', operation: 'getAll', returnAll: true }, credentials: retellCredentials(large()) });
		expect(all.json).toHaveLength(250);
		const pages = requestsTo(large(), 'retell').filter((r) => r.path === '/v2/list-phone-numbers');
		expect(pages.map((r) => r.query.pagination_key === undefined)).toEqual([true, false, false]);
		large().clearRequests();
		const some = await runNode({ node: 'retell', parameters: { resource: 'phoneNumber', operation: 'getAll', returnAll: false, limit: 30 }, credentials: retellCredentials(large()) });
		expect(some.json).toHaveLength(30);
		expect(requestsTo(large(), 'retell')).toHaveLength(1);
	});
});

describe('the Retell sandbox as Retell documents it', () => {
	it('refuses the deprecated agent fields, as a client still sending them would be refused', async () => {
		const number = String(numbers()[9].phone_number);
		const answer = await fetch(`${sandbox().url}/update-phone-number/${encodeURIComponent(number)}`, {
			method: 'PATCH',
			headers: { authorization: `Bearer ${RETELL_KEYS.main}`, 'content-type': 'application/json' },
			body: JSON.stringify({ inbound_agent_id: voiceAgents()[0] }),
		});
		expect(answer.status).toBe(400);
		expect(((await answer.json()) as { message: string }).message).toMatch(/deprecated/);
	});
});
