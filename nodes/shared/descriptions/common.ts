import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_RETRY_POLICY } from '../transport/client';
import type { RetryPolicy } from '../transport/types';
import { InputValidator } from '../validation';

export const DEFAULT_CONCURRENCY = 10;

/** The "Update Fields" collection of every update action: only the fields added are sent. */
export function updateFieldsCollection(description: string, options: INodeProperties[], displayOptions?: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		...(displayOptions ? { displayOptions } : {}),
		description,
		options,
	};
}

/** The `returnAll` / `limit` pair every getAll has, with n8n's usual wording and defaults. */
export function returnAllAndLimit(resourceName: string, operations: string[] = ['getAll']): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show: { resource: [resourceName], operation: operations } },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: { show: { resource: [resourceName], operation: operations, returnAll: [false] } },
		},
	];
}

/** The `filters` collection of a getAll, n8n's usual shape; `options` are the provider's own filters. */
export function getAllFilters(options: INodeProperties[], resourceName = 'phoneNumber'): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { resource: [resourceName], operation: ['getAll'] } },
		options,
	};
}

/** A getAll's fields: Return All, Limit, and the `filters` collection of the provider's own filters. */
export function getAllDescription(filters: INodeProperties[]): INodeProperties[] {
	return [...returnAllAndLimit('phoneNumber'), getAllFilters(filters)];
}

/** What every getAll reads first: a validator for its item, the Limit (undefined: all) and the filters set. */
export function readGetAll(ctx: IExecuteFunctions, itemIndex: number): { check: InputValidator; limit: number | undefined; filters: IDataObject } {
	return {
		check: new InputValidator(ctx.getNode(), itemIndex),
		limit: readLimit(ctx, itemIndex),
		filters: ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject,
	};
}

/** How many results a getAll wants: undefined for Return All, else the validated Limit. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return new InputValidator(ctx.getNode(), itemIndex).integer('Limit', ctx.getNodeParameter('limit', itemIndex, 50), 1, 1_000_000);
}

/** Request options shared by every operation: pacing, retries and timeouts. */
export const requestOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			default: 10,
			typeOptions: { minValue: 1, maxValue: 50 },
			description:
				"How many items are sent at once. Requests are paced by the provider's rate limit whatever this is; more only hides latency.",
		},
		{
			displayName: 'Max Tries',
			name: 'maxTries',
			type: 'number',
			default: 5,
			typeOptions: { minValue: 1, maxValue: 20 },
			description:
				'How many times one request is tried when the provider is throttling (429) or briefly failing (5xx, network), the first try included',
		},
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			default: 60,
			typeOptions: { minValue: 0 },
			description:
				'The longest one request may spend waiting between tries, for rate limits and back-off together',
		},
		{
			displayName: 'Retry Delay (Ms)',
			name: 'retryDelayMs',
			type: 'number',
			default: 500,
			typeOptions: { minValue: 0 },
			description:
				'First wait after a 5xx or network failure; it doubles on each try, with jitter. A 429 waits as long as the provider asks.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			default: 30,
			typeOptions: { minValue: 1 },
			description: 'How long one try may take before it counts as failed',
		},
	],
};

export function readRequestOptions(ctx: IExecuteFunctions): { policy: RetryPolicy; concurrency: number } {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const number = (value: unknown, fallback: number) =>
		typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
	return {
		concurrency: Math.max(1, Math.floor(number(options.concurrency, DEFAULT_CONCURRENCY))),
		policy: {
			maxTries: Math.max(1, Math.floor(number(options.maxTries, DEFAULT_RETRY_POLICY.maxTries))),
			maxWaitMs: number(options.maxWaitSeconds, DEFAULT_RETRY_POLICY.maxWaitMs / 1000) * 1000,
			baseDelayMs: number(options.retryDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs),
			timeoutMs: Math.max(1, number(options.timeoutSeconds, DEFAULT_RETRY_POLICY.timeoutMs / 1000)) * 1000,
		},
	};
}

/** Dropdowns run in the editor: fail fast rather than keep the user waiting. */
export const DROPDOWN_RETRY_POLICY: RetryPolicy = {
	maxTries: 3,
	maxWaitMs: 10_000,
	baseDelayMs: 300,
	timeoutMs: 20_000,
};
