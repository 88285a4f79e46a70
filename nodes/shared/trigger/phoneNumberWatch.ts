import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type IPollFunctions,
} from 'n8n-workflow';

import { DROPDOWN_RETRY_POLICY } from '../descriptions/common';
import type { Connection, PhoneNumberProvider } from '../execution/provider';
import type { OperationModule } from '../execution/runItems';
import type { UpdateField } from '../execution/updateBody';
import { valueAt } from '../execution/updateOptions';

/** One field a trigger can watch: an Update field key and how to read its value in a listed number. */
export interface WatchedField {
	key: string;
	label: string;
	value: (number: IDataObject) => unknown;
}

/** What a provider tells the shared trigger besides its declaration: its Get Many and the fields it can watch. */
export interface PhoneNumberWatch<C extends Connection> {
	/** The provider's declaration: how to connect, and how to read a listed number's ID and E.164. */
	provider: PhoneNumberProvider<C>;
	/** The provider's Get Many: the trigger lists exactly as it does (every page, its filters). */
	getAll: OperationModule<C>;
	/** Fields whose values the list's answers carry (a watch must cost no more than the list). */
	fields: WatchedField[];
}

/** A watched field's name: its Update field's label without "Name or ID" (the trigger shows values, not a dropdown). */
const watchLabel = (label: string) => label.replace(/ Names? or IDs?$/, '');

/** Watched fields from an update table: each row's label, read at `where(row)` of a listed number. */
export function watchedFromTable(table: Record<string, UpdateField>, keys: string[], where: (row: UpdateField) => string = (row) => row.api): WatchedField[] {
	const labels = Object.fromEntries(keys.map((key) => [key, table[key].label]));
	return watchedFields(labels, keys, (key, number) => valueAt(number, where(table[key])));
}

/** Watched fields named by their Update field labels, each read by the provider (where a value is not at one path). */
export function watchedFields(labels: Record<string, string>, keys: string[], value: (key: string, number: IDataObject) => unknown): WatchedField[] {
	return keys.map((key) => ({ key, label: watchLabel(labels[key]), value: (number) => value(key, number) }));
}

const EVENTS = ['changed', 'added', 'removed'] as const;
/** Values up to this long (as JSON) are kept as they are, so `changes` can say what they were; longer ones as a fingerprint. */
const KEPT_VALUE = 40;

/** The trigger's parameters: events, watched fields, and the provider's Get Many filters. */
export function watchProperties<C extends Connection>(watch: PhoneNumberWatch<C>): INodeProperties[] {
	const filters = watch.getAll.description.find((property) => property.name === 'filters');
	const properties: INodeProperties[] = [
		{
			displayName: 'Events',
			name: 'events',
			type: 'multiOptions',
			options: [
				{ name: 'Added', value: 'added', description: 'A number appeared in the account' },
				{ name: 'Changed', value: 'changed', description: 'A watched field of a number changed' },
				{ name: 'Removed', value: 'removed', description: 'A number is no longer in the account' },
			],
			default: ['changed'],
			description: 'Which changes start the workflow',
		},
		{
			displayName: 'Compare With',
			name: 'compareWith',
			type: 'options',
			options: [
				{ name: 'Previous Poll', value: 'previousPoll', description: 'Each change is reported once, at the poll after it is made' },
				{
					name: 'First Poll (Baseline)',
					value: 'baseline',
					description:
						'A number that differs from how the first poll saw it is reported at every poll until it is back, so a workflow that puts it back does not see its own fix as a change',
				},
			],
			default: 'previousPoll',
			description: 'What a number is compared with. A baseline suits a workflow that puts drifted numbers back.',
		},
		{
			displayName: 'Watch Fields',
			name: 'watchFields',
			type: 'multiOptions',
			options: watch.fields.map((field) => ({ name: field.label, value: field.key })),
			default: [...watch.fields.map((field) => field.key)],
			description: `Which settings of a number count as a change (every field ${watch.provider.displayName}'s number list carries; passwords are never watched)`,
		},
	];
	if (filters) {
		// Get Many's filters, shown always (the trigger has no operation to show them for).
		const shownAlways: INodeProperties = { ...filters, placeholder: 'Add filter', description: 'Watch only the numbers that match' };
		delete shownAlways.displayOptions;
		properties.push(shownAlways);
	}
	return properties;
}

/** FNV-1a, base 36: a short fingerprint of a value too long to keep. */
function fingerprint(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return `#${hash.toString(36)}`;
}

/** A value as the trigger keeps it between polls: itself when short, else a fingerprint. */
function kept(value: unknown): string {
	const text = JSON.stringify(value ?? null);
	return text.length <= KEPT_VALUE ? text : fingerprint(text);
}

function shown(stored: string | undefined): unknown {
	if (stored === undefined || stored.startsWith('#')) return null;
	return JSON.parse(stored) as unknown;
}

/**
 * What survives between polls (n8n's workflow static data). Numbers share most of their values
 * (methods, applications, trunks, empty fields), so each distinct kept value is stored once in
 * `values` and a number keeps only their positions: at 10,000 Twilio numbers with 21 watched fields,
 * about 150 bytes a number instead of 250.
 */
interface Seen {
	/** The watched field keys the values below are in the order of. */
	fields?: string[];
	/** Each distinct kept value once (JSON text, or a fingerprint of a long one). */
	values?: string[];
	/** ID → [E.164, position in `values` of each watched field…] (earlier releases: the kept values themselves). */
	numbers?: Record<string, Array<string | number>>;
}

/** The kept value of field `i` of a number as a poll stored it. */
function keptAt(seen: Seen, entry: Array<string | number>, i: number): string | undefined {
	const stored = entry[i + 1];
	return typeof stored === 'number' ? seen.values?.[stored] : stored;
}

/**
 * One poll (n8n's `polling: true`): list every number as Get Many does, compare the watched fields
 * with what the last poll kept, and emit `{ event, id, phoneNumber, changes, number }` for each
 * number that changed, appeared or went. The first poll only records. A listing that fails (an
 * error, a 429 past Max Wait, a cut listing) throws before anything is kept, so the next poll
 * compares with the last complete one and no number is reported removed because a page was
 * missing. "Fetch Test Event" emits one real number as a `changed` sample and keeps nothing.
 */
export async function pollPhoneNumbers<C extends Connection>(ctx: IPollFunctions, watch: PhoneNumberWatch<C>): Promise<INodeExecutionData[][] | null> {
	const events = (ctx.getNodeParameter('events', ['changed']) as string[]).filter((event) => (EVENTS as readonly string[]).includes(event));
	const chosen = ctx.getNodeParameter('watchFields', watch.fields.map((field) => field.key)) as string[];
	const fields = watch.fields.filter((field) => chosen.includes(field.key));
	const { provider } = watch;
	const { idOf, e164Of } = provider.list;
	// A poll is shaped like a dropdown's load: the same credential, quick retries.
	const connection = await provider.connect(ctx as unknown as ILoadOptionsFunctions, DROPDOWN_RETRY_POLICY);
	// Get Many, every page, with the trigger's filters: read through an execute-shaped view of this poll.
	const listing = Object.create(ctx, {
		getNodeParameter: {
			value: (name: string, _itemIndex: number, fallback?: unknown, options?: object) =>
				name === 'returnAll' ? true : name === 'limit' ? 0 : ctx.getNodeParameter(name, fallback, options),
		},
	}) as IExecuteFunctions;
	const listed = (await watch.getAll.execute.call(listing, 0, connection, undefined as never)) as IDataObject[];
	if (!Array.isArray(listed)) throw new NodeOperationError(ctx.getNode(), `${provider.displayName} answered the number list without a list`);

	if (ctx.getMode() === 'manual') {
		const sample = listed[0];
		if (!sample) throw new NodeOperationError(ctx.getNode(), `No phone number in this ${provider.displayName} account matches: nothing to show as a sample`);
		return [[{ json: { event: 'changed', id: idOf(sample), phoneNumber: e164Of(sample), changes: [], number: sample } }]];
	}

	const seen = ctx.getWorkflowStaticData('node') as Seen;
	const last: Seen = { fields: seen.fields, values: seen.values, numbers: seen.numbers };
	const next: Required<Seen> = { fields: fields.map((field) => field.key), values: [], numbers: {} };
	const position = new Map<string, number>();
	const keep = (value: string) => {
		let at = position.get(value);
		if (at === undefined) {
			at = next.values.push(value) - 1;
			position.set(value, at);
		}
		return at;
	};
	const byId = new Map<string, IDataObject>();
	const now: Record<string, Array<string | number>> = {};
	for (const number of listed) {
		const id = idOf(number);
		byId.set(id, number);
		now[id] = [e164Of(number), ...fields.map((field) => keep(kept(field.value(number))))];
	}
	const before = last.numbers;
	const sameFields = JSON.stringify(last.fields ?? []) === JSON.stringify(next.fields);
	// Against a baseline, a number keeps what the first poll saw of it (numbers added since join it
	// as first seen, removed ones leave it); otherwise every poll replaces what was kept.
	const baseline = ctx.getNodeParameter('compareWith', 'previousPoll') === 'baseline' && before !== undefined && sameFields;
	for (const [id, values] of Object.entries(now)) {
		const old = baseline ? before[id] : undefined;
		next.numbers[id] = old ? [old[0], ...fields.map((_, i) => keep(keptAt(last, old, i) ?? 'null'))] : values;
	}
	Object.assign(seen, next);
	// The first poll (or the first after the watched fields changed) only records.
	if (!before || !sameFields) return null;

	const out: INodeExecutionData[] = [];
	for (const [id, values] of Object.entries(now)) {
		const old = before[id];
		const number = byId.get(id) as IDataObject;
		if (!old) {
			if (events.includes('added')) out.push({ json: { event: 'added', id, phoneNumber: String(values[0]), changes: [], number } });
			continue;
		}
		const changes = fields
			.map((field, i) => ({ field: field.key, old: keptAt(last, old, i), now: next.values[values[i + 1] as number], after: field.value(number) }))
			.filter((change) => change.old !== change.now)
			.map((change) => ({ field: change.field, before: shown(change.old), after: change.after ?? null }));
		if (changes.length > 0 && events.includes('changed')) out.push({ json: { event: 'changed', id, phoneNumber: String(values[0]), changes, number } });
	}
	if (events.includes('removed')) {
		for (const [id, old] of Object.entries(before)) {
			if (now[id]) continue;
			// As last seen: what was kept of it.
			const number: IDataObject = { id, phoneNumber: String(old[0]) };
			fields.forEach((field, i) => (number[field.key] = shown(keptAt(last, old, i)) as IDataObject[string]));
			out.push({ json: { event: 'removed', id, phoneNumber: String(old[0]), changes: [], number } });
		}
	}
	return out.length > 0 ? [out] : null;
}
