import { NodeOperationError, type IDataObject, type IDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_TRIES, DEFAULT_MAX_WAIT_SECONDS, DEFAULT_RETRY_DELAY_MS, DEFAULT_RETRY_POLICY, DEFAULT_TIMEOUT_SECONDS } from '../transport/client';
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
/** What each request option may be: declared in the editor and enforced at run time. */
export const OPTION_BOUNDS = {
	concurrency: { label: 'Concurrency', min: 1, max: 50 },
	maxTries: { label: 'Max Tries', min: 1, max: 20 },
	maxWaitSeconds: { label: 'Max Wait (Seconds)', min: 0, max: 3600 },
	retryDelayMs: { label: 'Retry Delay (Ms)', min: 0, max: 60_000 },
	timeoutSeconds: { label: 'Timeout (Seconds)', min: 1, max: 600 },
} as const;

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
			default: DEFAULT_CONCURRENCY,
			typeOptions: { minValue: 1, maxValue: OPTION_BOUNDS.concurrency.max },
			description:
				"How many items are sent at once. Requests are paced by the provider's rate limit whatever this is; more only hides latency.",
		},
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: false,
			displayOptions: { show: { '/operation': ['update'] } },
			description:
				'Whether to only read the number and show what would change, sending nothing. The output lists the changes and the requests an update would send.',
			hint: 'Dry Run: reads the number and shows what would change; sends nothing',
		},
		{
			displayName: 'Max Tries',
			name: 'maxTries',
			type: 'number',
			default: DEFAULT_MAX_TRIES,
			typeOptions: { minValue: 1, maxValue: OPTION_BOUNDS.maxTries.max },
			description:
				'How many times one request is tried when the provider is throttling (429) or briefly failing (5xx, network), the first try included',
		},
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			default: DEFAULT_MAX_WAIT_SECONDS,
			typeOptions: { minValue: 0, maxValue: OPTION_BOUNDS.maxWaitSeconds.max },
			description:
				'The longest one request may spend waiting between tries, for rate limits and back-off together',
		},
		{
			displayName: 'Retry Delay (Ms)',
			name: 'retryDelayMs',
			type: 'number',
			default: DEFAULT_RETRY_DELAY_MS,
			typeOptions: { minValue: 0, maxValue: OPTION_BOUNDS.retryDelayMs.max },
			description:
				'First wait after a 5xx or network failure; it doubles on each try, with jitter. A 429 waits as long as the provider asks.',
		},
		{
			displayName: 'Skip Unchanged',
			name: 'skipUnchanged',
			type: 'boolean',
			default: false,
			displayOptions: { show: { '/operation': ['update'] } },
			description:
				'Whether to read the number first and leave out every field that already has the value asked for; when nothing is left, nothing is sent. Passwords are always sent (they cannot be read).',
			hint: "Many items read their numbers from the list, page by page, where the provider's list has every field",
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			default: DEFAULT_TIMEOUT_SECONDS,
			typeOptions: { minValue: 1, maxValue: OPTION_BOUNDS.timeoutSeconds.max },
			description: 'How long one try may take before it counts as failed',
		},
	],
};

export function readRequestOptions(ctx: IExecuteFunctions): { policy: RetryPolicy; concurrency: number } {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	// Out of bounds is an error, not a clamp: a 30-day wait overflowed Node's timer to 1 ms and made
	// every request fail at once, and an expression may set any number.
	const read = (name: keyof typeof OPTION_BOUNDS, fallback: number): number => {
		const value = options[name];
		if (value === undefined || value === null || value === '') return fallback;
		const { label, min, max } = OPTION_BOUNDS[name];
		if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
			throw new NodeOperationError(ctx.getNode(), `${label}: must be a number from ${min} to ${max}, got ${String(value).slice(0, 30)}`);
		}
		return value;
	};
	return {
		concurrency: Math.floor(read('concurrency', DEFAULT_CONCURRENCY)),
		policy: {
			maxTries: Math.floor(read('maxTries', DEFAULT_RETRY_POLICY.maxTries)),
			maxWaitMs: read('maxWaitSeconds', DEFAULT_RETRY_POLICY.maxWaitMs / 1000) * 1000,
			baseDelayMs: read('retryDelayMs', DEFAULT_RETRY_POLICY.baseDelayMs),
			timeoutMs: read('timeoutSeconds', DEFAULT_RETRY_POLICY.timeoutMs / 1000) * 1000,
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
