/**
 * n8n's conventions for what a node shows, checked on the descriptions the nodes really have
 * (the lint reads source text; fields built by shared helpers are only seen here).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ICredentialDataDecryptedObject, INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { allSandboxCredentials } from '../sandbox';
import { credentialTypes, nodeClasses, PACKAGE } from './harness/nodeTypes';
import { useSandbox } from './harness/sandbox';
import { runNode, type NodeName } from './harness/runNode';

const sandbox = useSandbox();
const EXPRESSION = '<a href="https://docs.n8n.io/code/expressions/">expression</a>.';

const allNodes: Array<[string, INodeType]> = Object.entries(nodeClasses).map(([type, make]) => [type.slice(PACKAGE.length + 1), make()]);
const nodes = allNodes.filter(([name]) => !name.endsWith('Trigger'));
const triggers = allNodes.filter(([name]) => name.endsWith('Trigger'));

/** Every property, collections' and fixed collections' options included. */
function allProperties(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => {
		const options = (property.options ?? []) as Array<INodeProperties | INodePropertyOptions | { values?: INodeProperties[] }>;
		const nested = options.flatMap((option) =>
			'values' in option && Array.isArray(option.values) ? option.values : 'displayName' in option ? [option as INodeProperties] : [],
		);
		return [property, ...allProperties(nested)];
	});
}

describe.each(nodes)('the %s node', (name, node) => {
	const { description } = node;
	const properties = allProperties(description.properties);

	it('is a tool, named on the canvas as in the nodes panel, told apart from the providers\' own nodes', () => {
		expect(description.usableAsTool).toBe(true);
		expect(description.displayName).toMatch(/^\S+( AI)? Phone Numbers$/);
		expect(description.defaults.name).toBe(description.displayName);
		expect(description.icon).toEqual({ light: expect.stringMatching(/^file:.+\.svg$/), dark: expect.stringMatching(/^file:.+\.dark\.svg$/) });
		expect(description.inputs).toEqual(['main']);
		expect(description.outputs).toEqual(['main']);
	});

	it('offers Get, Get Many and Update on Phone Number, with n8n\'s action wording, and ends with the request options', () => {
		const names = description.properties.map((property) => property.name);
		expect(names.slice(names.indexOf('resource'), names.indexOf('resource') + 2)).toEqual(['resource', 'operation']);
		expect(names[names.length - 1]).toBe('options');
		const operation = description.properties.find((property) => property.name === 'operation')!;
		expect((operation.options as INodePropertyOptions[]).map((option) => [option.value, option.action])).toEqual([
			['get', 'Get a phone number'],
			['getAll', 'Get many phone numbers'],
			['update', 'Update a phone number'],
		]);
	});

	it('loads every dropdown with a method the node has, worded "Name or ID" with the expression hint', () => {
		const dynamic = properties.filter((property) => property.typeOptions?.loadOptionsMethod);
		for (const property of dynamic) {
			expect(node.methods?.loadOptions?.[property.typeOptions!.loadOptionsMethod as string]).toBeInstanceOf(Function);
			const many = property.type === 'multiOptions';
			expect(`${property.name}: ${property.displayName}`).toMatch(many ? / Names or IDs$/ : / Name or ID$/);
			expect(`${property.name}: ${property.description}`).toContain(
				`Choose from the list, or specify ${many ? 'IDs' : 'an ID'} using an ${EXPRESSION}`,
			);
		}
		const methods = Object.keys(node.methods?.loadOptions ?? {});
		const used = new Set(dynamic.map((property) => property.typeOptions!.loadOptionsMethod));
		expect(methods.filter((method) => !used.has(method))).toEqual([]);
		const locator = description.properties.find((property) => property.type === 'resourceLocator')!;
		const list = locator.modes!.find((mode) => mode.name === 'list')!;
		expect(node.methods?.listSearch?.[list.typeOptions!.searchListMethod as string]).toBeInstanceOf(Function);
	});

	it('starts every example placeholder with "e.g." (one voice across nodes, as n8n writes them)', () => {
		const placeholders = properties.filter((p) => p.placeholder && !/^(Add|Select) /.test(p.placeholder));
		for (const property of placeholders) expect(`${property.name}: ${property.placeholder}`).toMatch(/^\w+: e\.g\. \S/);
	});

	it('words every boolean as "Whether …"', () => {
		for (const property of properties.filter((p) => p.type === 'boolean')) {
			expect(`${property.name}: ${property.description}`).toMatch(/^\w+: Whether /);
		}
	});

	it('keeps what n8n\'s lint asks of written fields on the built ones: defaults, option lists, sentences', () => {
		const described: Array<{ name: string; description?: string }> = [];
		for (const property of properties) {
			described.push(property);
			const defaults: Record<string, (value: unknown) => boolean> = {
				string: (value) => value === '',
				boolean: (value) => typeof value === 'boolean',
				multiOptions: (value) => Array.isArray(value),
			};
			if (defaults[property.type]) expect(`${property.name}: ${defaults[property.type](property.default)}`).toBe(`${property.name}: true`);
			if (property.type !== 'options' || property.typeOptions?.loadOptionsMethod) continue;
			const options = property.options as INodePropertyOptions[];
			described.push(...options.map((option) => ({ name: `${property.name}.${option.name}`, description: option.description })));
			const values = options.map((option) => option.value);
			const names = options.map((option) => option.name);
			expect(`${property.name}: ${values.includes(property.default as string)}`).toBe(`${property.name}: true`);
			expect(new Set(values).size).toBe(values.length);
			expect(new Set(names).size).toBe(names.length);
			if (options.length >= 5) expect(`${property.name}: ${names.join(', ')}`).toBe(`${property.name}: ${[...names].sort((a, b) => a.localeCompare(b)).join(', ')}`);
		}
		for (const { name, description: text } of described.filter((entry) => entry.description)) {
			const sentences = text!.replace('e.g.', '').split('. ').length;
			expect(`${name}: ${text}`).toBe(`${name}: ${text!.trim().replace(/\s{2,}/g, ' ')}`);
			if (sentences === 1) expect(`${name}: ${text}`).not.toMatch(/\.$/);
			if (sentences >= 2) expect(`${name}: ${text}`).toMatch(/[.)]$/);
		}
	});

	it('writes each Update field once: no table row or check in its folder types a label the editor property already holds', () => {
		const folder = readdirSync(join(__dirname, '..', 'nodes')).find((entry) => entry.toLowerCase() === name.toLowerCase());
		expect(folder).toBeDefined();
		// Get Many's filters are fields of their own, even where one shares an Update field's label.
		const source = (dir: string): string[] =>
			readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
				entry.isDirectory() ? source(join(dir, entry.name)) : entry.name.endsWith('.ts') && !entry.name.startsWith('getAll.') ? [readFileSync(join(dir, entry.name), 'utf8')] : [],
			);
		const text = source(join(__dirname, '..', 'nodes', folder!)).join('\n');
		const update = description.properties.find((property) => property.name === 'updateFields');
		const labels = ((update?.options ?? []) as INodeProperties[]).map((option) => option.displayName);
		expect(labels.length).toBeGreaterThan(0);
		const escape = (label: string) => label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		const typedAgain = labels.filter((label) => new RegExp(`(label: |check\\.\\w+\\()(['"\`])${escape(label)}\\2`).test(text));
		expect(typedAgain).toEqual([]);
	});

	it('refuses an operation it does not have, naming it, and sends nothing', async () => {
		// The node's first credential, as the sandbox's providers declare it (every node has one there).
		const type = node.description.credentials?.[0]?.name ?? '';
		const declared = allSandboxCredentials().find((c) => c.type === type && c.data);
		const credentials = { [type]: declared!.data!(sandbox().url) as ICredentialDataDecryptedObject };
		// "constructor" is on every object's prototype: only the node's own operations may run.
		const result = await runNode({ node: name as NodeName, parameters: { resource: 'phoneNumber', operation: 'constructor' }, credentials });
		expect(result.error?.message).toBe('The operation "constructor" of "phoneNumber" is not supported');
		expect(sandbox().requests).toEqual([]);
	});
});

const REPOSITORY = 'https://github.com/n8n-nodes-phone-numbers/n8n-nodes-phone-numbers';

/** The anchors GitHub makes for a Markdown file's headings, and its explicit `<a id>`s. */
function anchorsOf(file: string): string[] {
	const text = readFileSync(join(__dirname, '..', file), 'utf8');
	const headings = [...text.matchAll(/^#+ (.+)$/gm)].map(([, title]) =>
		title
			.toLowerCase()
			.replace(/[^a-z0-9 _-]/g, '')
			.replace(/ /g, '-'),
	);
	return [...headings, ...[...text.matchAll(/<a id="([^"]+)"/g)].map(([, id]) => id)];
}

describe.each(Object.values(credentialTypes).filter((type) => type.name !== 'oAuth2Api'))('the $name credential', (credential) => {
	it('is named "… Phone Numbers …", with themed icons and a documentation link to its section of docs/reference.md', () => {
		expect(credential.displayName).toMatch(/^\S+( AI)? Phone Numbers (OAuth2 )?API$/);
		expect(credential.icon).toEqual({ light: expect.stringMatching(/^file:\.\.\/icons\/.+\.svg$/), dark: expect.stringMatching(/\.dark\.svg$/) });
		expect(credential.documentationUrl).toMatch(new RegExp(`^${REPOSITORY}/blob/main/docs/reference\\.md#`));
		expect(anchorsOf('docs/reference.md')).toContain(String(credential.documentationUrl).split('#')[1]);
	});

	it('hides every secret as a password, and ends with the hidden loopback-only Base URL', () => {
		const secrets = credential.properties.filter((p) => /key|token|secret|password/i.test(p.name) && !/sid$|type$/i.test(p.name) && p.type !== 'hidden');
		// OAuth2's client secret is n8n's own oAuth2Api field; every other credential has its key or token here.
		if (!credential.extends) expect(secrets.length).toBeGreaterThan(0);
		for (const property of secrets) expect(`${property.name}: ${String(property.typeOptions?.password)}`).toBe(`${property.name}: true`);
		expect(credential.properties[credential.properties.length - 1]).toEqual({ displayName: 'Base URL', name: 'baseUrl', type: 'hidden', default: '' });
	});

	it("is tested by every node that uses it (testedBy), not by a declarative test n8n would run instead", () => {
		// n8n runs a credential's own `test` whenever it has one; only a function can refuse to send.
		expect(credential.test).toBeUndefined();
		// n8n tests an OAuth2 credential by whether it holds a token (CredentialsTester), sending nothing.
		if (credential.extends?.includes('oAuth2Api')) return;
		const users = Object.values(nodeClasses)
			.map((make) => make().description)
			.flatMap((description) => description.credentials ?? [])
			.filter((c) => c.name === credential.name);
		expect(users.length).toBeGreaterThan(0);
		for (const use of users) expect(use.testedBy).toBe(`${credential.name}Test`);
	});
});

describe.each(triggers)('the %s trigger', (name, trigger) => {
	const { description } = trigger;

	it('is a polling trigger as n8n builds them, one for every node, with the same credentials', () => {
		const node = nodes.find(([action]) => `${action}Trigger` === name);
		expect(node).toBeDefined();
		expect(description.polling).toBe(true);
		expect(trigger.poll).toBeInstanceOf(Function);
		expect(description.inputs).toEqual([]);
		expect(description.outputs).toEqual(['main']);
		expect(description.displayName).toBe(`${node![1].description.displayName} Trigger`);
		expect(description.group).toEqual(['trigger']);
		expect(description.credentials?.map((c) => c.name)).toEqual(node![1].description.credentials?.map((c) => c.name));
		expect(description.icon).toEqual(node![1].description.icon);
	});

	it('offers Events (Changed by default), Watch Fields (all by default) and the Get Many filters, with dropdowns it can load', () => {
		const events = description.properties.find((p) => p.name === 'events');
		expect(events?.default).toEqual(['changed']);
		expect((events?.options as INodePropertyOptions[]).map((o) => o.value).sort()).toEqual(['added', 'changed', 'removed']);
		const watch = description.properties.find((p) => p.name === 'watchFields');
		expect(watch?.default).toEqual((watch?.options as INodePropertyOptions[]).map((o) => o.value));
		expect(JSON.stringify(watch?.options)).not.toMatch(/assword/);
		for (const property of allProperties(description.properties).filter((p) => p.typeOptions?.loadOptionsMethod)) {
			expect(trigger.methods?.loadOptions?.[property.typeOptions!.loadOptionsMethod as string]).toBeInstanceOf(Function);
		}
	});
});

describe('one voice across nodes', () => {
	const every = nodes.flatMap(([name, node]) => allProperties(node.description.properties).map((property) => ({ node: name, property })));

	it('call forwarding: each provider keeps its own field names, with the same default and the shared words in the description', () => {
		const toggles = every.filter(({ property }) => property.type === 'boolean' && /forward/i.test(property.name));
		expect(toggles.map(({ node, property }) => `${node}.${property.name}`).sort()).toEqual(['close.forwardToEnabled', 'telnyx.callForwardingEnabled']);
		for (const { node, property } of toggles) {
			expect(`${node}: ${String(property.default)}`).toBe(`${node}: true`);
			expect(property.description).toMatch(/^Whether call forwarding is on: /);
		}
		const targets = every.filter(({ node, property }) => ['close.forwardTo', 'telnyx.forwardsTo'].includes(`${node}.${property.name}`));
		expect(targets).toHaveLength(2);
		for (const { property } of targets) expect(property.description).toMatch(/forwarded to \(call forwarding\), in E\.164 format/);
	});

	it('every node shows Dry Run and Skip Unchanged under the update\'s Options, with the same wording and hints', () => {
		for (const [name, node] of nodes) {
			const options = node.description.properties.find((p) => p.name === 'options')!.options as INodeProperties[];
			const dryRun = options.find((o) => o.name === 'dryRun');
			const skip = options.find((o) => o.name === 'skipUnchanged');
			expect(`${name}: ${dryRun?.hint}`).toBe(`${name}: Dry Run: reads the number and shows what would change; sends nothing`);
			expect(dryRun?.displayOptions).toEqual({ show: { '/operation': ['update'] } });
			expect(skip?.displayOptions).toEqual({ show: { '/operation': ['update'] } });
			expect(skip?.hint).toMatch(/list, page by page/);
		}
	});

	it('Telnyx marks the endpoint of every update field one way: "(number setting)", "(voice setting)" or "(messaging setting)"', () => {
		const telnyx = nodes.find(([name]) => name === 'telnyx')![1];
		const collection = telnyx.description.properties.find((p) => p.name === 'updateFields')!;
		const fields = collection.options as INodeProperties[];
		expect(fields.length).toBeGreaterThan(15);
		for (const field of fields) {
			expect(`${field.name}: ${field.description}`).toMatch(/^\w+: [A-Z].* \((number|voice|messaging) setting\)(\. .*)?$/);
			expect(field.description).not.toMatch(/^(Number|Voice|Messaging) setting\b/);
		}
	});
});

describe('the house', () => {
	// The provider folders, as package.json's n8n block lists the nodes (a seventh provider adds itself there).
	const folders = [...new Set((JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).n8n.nodes as string[]).map((path) => path.split('/')[2]))];
	// Lower-case "close" is Node's close() everywhere: only the capitalised provider name counts for it.
	const named = new RegExp(`\\b(${[...folders, ...folders.filter((folder) => folder !== 'Close').map((folder) => folder.toLowerCase())].join('|')})\\b`);
	const files = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : /\.(ts|tsx|js|sh)$/.test(entry.name) ? [join(dir, entry.name)] : []));
	const root = join(__dirname, '..');
	const shared = [
		...files(join(root, 'nodes', 'shared')),
		...files(join(root, 'test', 'harness')),
		...files(join(root, 'scripts')),
		...readdirSync(join(root, 'sandbox'), { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(root, 'sandbox', entry.name)),
	];

	it('finds the seven provider folders and the shared rooms', () => {
		expect(folders.length).toBeGreaterThanOrEqual(7);
		expect(shared.length).toBeGreaterThan(40);
	});

	it('names no provider in a code line of nodes/shared, the sandbox\'s top level, test/harness or scripts (comments may)', () => {
		const lines = shared.flatMap((file) =>
			readFileSync(file, 'utf8')
				.replace(/\/\*[\s\S]*?\*\//g, (block) => '\n'.repeat(block.split('\n').length - 1))
				.split('\n')
				.map((line, index) => [`${file.slice(root.length + 1)}:${index + 1}`, line.replace(/(^|[^:])\/\/.*$/, '$1')] as const)
				.filter(([, line]) => named.test(line))
				.map(([where, line]) => `${where}: ${line.trim()}`),
		);
		expect(lines).toEqual([]);
	});
});

describe('the codex files', () => {
	const codexFiles = readdirSync(join(__dirname, '../nodes'), { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && entry.name !== 'shared')
		.flatMap((entry) => readdirSync(join(__dirname, '../nodes', entry.name)).filter((f) => f.endsWith('.node.json')).map((f) => join('nodes', entry.name, f)));

	it.each(codexFiles)('%s names a node of the package and links to its operations and its credential', (file) => {
		const codex = JSON.parse(readFileSync(join(__dirname, '..', file), 'utf8')) as { node: string; resources: Record<string, Array<{ url: string }>> };
		expect(Object.keys(nodeClasses)).toContain(codex.node);
		const [primary] = codex.resources.primaryDocumentation;
		const [credential] = codex.resources.credentialDocumentation;
		const trigger = codex.node.endsWith('Trigger');
		// n8n's nodes panel shows nodes of the AI category only in its AI section: a search for the app or
		// for "phone number" would not find them (the editor e2e found Vapi and Retell missing).
		expect((codex as unknown as { categories: string[] }).categories).not.toContain('AI');
		// What the node does (its operations, or what its trigger emits), not how to make a credential.
		expect(primary.url).toBe(`${REPOSITORY}#${trigger ? 'triggers-a-phone-number-changed' : 'operations'}`);
		expect(anchorsOf('README.md')).toContain(primary.url.split('#')[1]);
		expect(credential.url).toMatch(new RegExp(`^${REPOSITORY}/blob/main/docs/reference\\.md#`));
		expect(anchorsOf('docs/reference.md')).toContain(credential.url.split('#')[1]);
	});
});
