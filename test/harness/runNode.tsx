import { CredentialTestContext, ExecutionLifecycleHooks, LoadOptionsContext, PollContext, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeCredentialTestResult,
	type INodeListSearchResult,
	type INodeParameters,
	type INodePropertyOptions,
	type IRun,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { credentialTypes, nodeClasses, nodeNames, PACKAGE, TestNodeTypes } from './nodeTypes';

/** A node of the package by its name without the package (`close`, `signalWire`): see `nodeNames`. */
export type NodeName = string;

export interface RunNodeOptions {
	node: NodeName;
	parameters: INodeParameters;
	/** Input items' JSON; one empty item by default. */
	items?: IDataObject[];
	/** Credential data by credential type name (e.g. `{ closePhoneNumbersApi: { apiKey, baseUrl } }`). */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	continueOnFail?: boolean;
	/** Cancel the execution this many ms after it starts. */
	cancelAfterMs?: number;
	/** The id of the saved credential the node uses (`<type>-id`): runs on one id share a pacer, as in n8n. */
	credentialId?: string;
}

/** An error as n8n stores it in the run data: a plain object (assert on fields, not classes). */
export interface RunError {
	name: string;
	message: string;
	description?: string | null;
	httpCode?: string | null;
	context?: IDataObject;
	[key: string]: unknown;
}

export interface RunNodeResult {
	/** Output items of the node's first output. */
	items: INodeExecutionData[];
	/** Their `json`. */
	json: IDataObject[];
	/** The node's error when it failed. */
	error?: RunError;
	run: IRun;
	credentials: TestCredentialsHelper;
}

const NODE_NAME = 'Node under test';

/** An Update whose number is each item's `$json.id` (as a bulk workflow has it), setting `updateFields`. */
export function updateEachItem(locator: string, updateFields: IDataObject, options?: IDataObject): INodeParameters {
	return {
		resource: 'phoneNumber',
		operation: 'update',
		[locator]: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
		updateFields,
		...(options ? { options } : {}),
	} as INodeParameters;
}

function makeNode(options: Pick<RunNodeOptions, 'node' | 'parameters' | 'credentials' | 'continueOnFail' | 'credentialId'>): INode {
	const credentials: INode['credentials'] = {};
	for (const type of Object.keys(options.credentials)) credentials[type] = { id: options.credentialId ?? `${type}-id`, name: `${type} (test)` };
	return {
		id: 'node-under-test',
		name: NODE_NAME,
		type: `${PACKAGE}.${options.node}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials,
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
}

function makeWorkflow(node: INode): Workflow {
	return new Workflow({
		id: 'test-workflow',
		name: 'test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes(),
		settings: {},
	});
}

function additionalData(helper: TestCredentialsHelper, hooks?: ExecutionLifecycleHooks): IWorkflowExecuteAdditionalData {
	return {
		executionId: 'test-execution',
		credentialsHelper: helper,
		hooks,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		currentNodeParameters: undefined,
		variables: {},
		executeWorkflow: async () => {
			throw new Error('not supported in tests');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not supported in tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/**
 * Runs one node of this package through n8n-core's real `WorkflowExecute`, with the given
 * parameters, input items and credential data, and returns what n8n recorded.
 */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const node = makeNode(options);
	const workflow = makeWorkflow(node);
	const helper = new TestCredentialsHelper(credentialTypes, options.credentials);
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: 'test-workflow',
		name: 'test',
		active: false,
		nodes: [node],
		connections: {},
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
		activeVersionId: null,
	} as never);
	let resolveRun: (run: IRun) => void = () => {};
	const done = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));

	const items = (options.items ?? [{}]).map((json) => ({ json }));
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [items] }, source: null }],
			waitingExecutionSource: null,
		},
	});
	let execution;
	try {
		execution = new WorkflowExecute(additionalData(helper, hooks), 'manual', runExecutionData).processRunExecutionData(workflow);
	} catch (error) {
		// n8n refused to start (e.g. a literal locator ID failing the locator's own validation).
		const { name, message, description } = error as RunError;
		return { items: [], json: [], error: { name, message, description }, run: undefined as never, credentials: helper };
	}
	let timer: NodeJS.Timeout | undefined;
	if (options.cancelAfterMs !== undefined) timer = setTimeout(() => execution.cancel(), options.cancelAfterMs);
	const run = await Promise.race([done, execution.then(() => done)]);
	if (timer) clearTimeout(timer);

	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	const output = (taskData?.data?.main?.[0] ?? []) as INodeExecutionData[];
	const rawError = taskData?.error ?? run.data.resultData.error;
	return {
		items: output,
		json: output.map((item) => item.json),
		error: rawError ? (JSON.parse(JSON.stringify({ ...rawError, name: rawError.name, message: rawError.message })) as RunError) : undefined,
		run,
		credentials: helper,
	};
}

interface MethodOptions {
	node: NodeName;
	/** The node's current parameters (what the editor sends). */
	parameters?: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** The parameter's path as the editor sends it (`parameters.updateFields.inboundAgents.agents[0].version`), for `&sibling` lookups. */
	path?: string;
}

function loadOptionsContext(options: MethodOptions, path: string): LoadOptionsContext {
	// The editor sends the node's parameters with their defaults filled in: do the same.
	const description = new TestNodeTypes().getByNameAndVersion(`${PACKAGE}.${options.node}`).description;
	const parameters =
		NodeHelpers.getNodeParameters(description.properties, options.parameters ?? {}, true, false, null, description) ?? {};
	const node = makeNode({ ...options, parameters });
	const workflow = makeWorkflow(node);
	const helper = new TestCredentialsHelper(credentialTypes, options.credentials);
	const data = additionalData(helper);
	data.currentNodeParameters = parameters;
	return new LoadOptionsContext(workflow, node, data, path);
}

/** Calls a `loadOptions` method through n8n-core's real LoadOptionsContext. */
export async function loadOptions(method: string, options: MethodOptions): Promise<INodePropertyOptions[]> {
	const type = new TestNodeTypes().getByNameAndVersion(`${PACKAGE}.${options.node}`);
	const fn = type.methods?.loadOptions?.[method];
	if (!fn) throw new Error(`No loadOptions method ${method}`);
	return await fn.call(loadOptionsContext(options, options.path ?? `parameters.${method}`));
}

/** Calls a resource locator's `listSearch` method, as the editor does when the list opens or scrolls. */
export async function listSearch(
	method: string,
	options: MethodOptions & { filter?: string; paginationToken?: string },
): Promise<INodeListSearchResult> {
	const type = new TestNodeTypes().getByNameAndVersion(`${PACKAGE}.${options.node}`);
	const fn = type.methods?.listSearch?.[method];
	if (!fn) throw new Error(`No listSearch method ${method}`);
	return await fn.call(loadOptionsContext(options, `parameters.${method}`), options.filter, options.paginationToken);
}

/**
 * What n8n's credential "Test" button answers for `type` with `data`, as n8n 2.x runs it
 * (CredentialsTester): the credential has no `test` of its own, so the node that lists it with
 * `testedBy` runs its `credentialTest` method in n8n-core's CredentialTestContext.
 */
export async function testCredential(type: string, data: ICredentialDataDecryptedObject): Promise<INodeCredentialTestResult> {
	if (credentialTypes[type]?.test) throw new Error(`${type} has a declarative test: n8n would run it instead of testedBy`);
	const nodeTypes = new TestNodeTypes();
	for (const name of Object.keys(nodeClasses)) {
		const nodeType = nodeTypes.getByNameAndVersion(name);
		const testedBy = nodeType.description.credentials?.find((c) => c.name === type)?.testedBy;
		if (typeof testedBy !== 'string') continue;
		const fn = nodeType.methods?.credentialTest?.[testedBy];
		if (!fn) throw new Error(`${name} names ${testedBy} for ${type} but has no such credentialTest method`);
		return await fn.call(new CredentialTestContext({} as IWorkflowExecuteAdditionalData), { id: 'test', name: 'test', type, data });
	}
	throw new Error(`No node tests ${type}`);
}

/** The URL n8n resolves for an expression of a credential's field (Close's OAuth2 URLs), with n8n's own expression engine. */
export function resolveCredentialField(type: string, field: string, data: ICredentialDataDecryptedObject): string {
	const property = credentialTypes[type]?.properties.find((p) => p.name === field);
	if (!property) throw new Error(`${type} has no field ${field}`);
	// Any node serves: only the expression engine is used.
	const node = makeNode({ node: nodeNames[0], parameters: {}, credentials: {} });
	const workflow = makeWorkflow(node);
	const value = property.default as unknown;
	return typeof value === 'string' && value.startsWith('=')
		? String(workflow.expression.getSimpleParameterValue(node, value, 'internal', { $self: data } as never, undefined, ''))
		: String(value ?? '');
}

export interface PollOptions {
	/** The trigger's name without the package, e.g. `closeTrigger`. */
	node: string;
	parameters?: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** The workflow's static data, kept by the caller between polls as n8n keeps it with the workflow. */
	staticData: IDataObject;
	mode?: 'trigger' | 'manual';
}

/**
 * One poll of a polling trigger through n8n-core's real PollContext, as n8n runs it on its
 * schedule (mode `trigger`) or for "Fetch Test Event" (mode `manual`).
 */
export async function pollTrigger(options: PollOptions): Promise<{ items: IDataObject[] | null; error?: RunError }> {
	const type = `${PACKAGE}.${options.node}`;
	const nodeType = new TestNodeTypes().getByNameAndVersion(type);
	const parameters = NodeHelpers.getNodeParameters(nodeType.description.properties, options.parameters ?? {}, true, false, null, nodeType.description) ?? {};
	const credentials: INode['credentials'] = {};
	for (const credential of Object.keys(options.credentials)) credentials[credential] = { id: `${credential}-id`, name: `${credential} (test)` };
	const node: INode = { id: 'trigger-under-test', name: NODE_NAME, type, typeVersion: 1, position: [0, 0], parameters, credentials };
	const workflow = new Workflow({ id: 'test-workflow', name: 'test', nodes: [node], connections: {}, active: true, nodeTypes: new TestNodeTypes(), settings: {}, staticData: options.staticData });
	const helper = new TestCredentialsHelper(credentialTypes, options.credentials);
	const context = new PollContext(workflow, node, additionalData(helper), options.mode ?? 'trigger', options.mode === 'manual' ? 'manual' : 'activate');
	try {
		const result = await nodeType.poll!.call(context);
		return { items: result ? result[0].map((item) => item.json) : null };
	} catch (error) {
		const { name, message, description } = error as RunError;
		return { items: null, error: { name, message, description } };
	}
}
