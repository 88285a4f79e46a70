import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ApiClient } from '../transport/client';
import { InputValidator, withoutSeparators } from '../validation';
import type { ItemRun } from './runItems';
import { writeAndRead } from './writes';
import type { UpdateField } from './updateBody';

const MASK = '****';

export interface UpdateOptions {
	dryRun: boolean;
	skipUnchanged: boolean;
}

export function readUpdateOptions(ctx: IExecuteFunctions, itemIndex: number): UpdateOptions {
	const check = new InputValidator(ctx.getNode(), itemIndex);
	const options = (ctx.getNodeParameter('options', itemIndex, {}) ?? {}) as IDataObject;
	return {
		dryRun: options.dryRun === undefined ? false : check.boolean('Dry Run', options.dryRun),
		skipUnchanged: options.skipUnchanged === undefined ? false : check.boolean('Skip Unchanged', options.skipUnchanged),
	};
}

/** One field of an update, after the read: what is sent and what the number has now. */
export interface ComparedField {
	/** The `updateFields` key. */
	field: string;
	before: unknown;
	after: unknown;
	/** A secret the provider never shows (a password): always written, shown masked. */
	writeOnly?: boolean;
}

/** A write as Dry Run shows it. */
export interface PlannedRequest {
	method: string;
	path: string;
	body: IDataObject;
}

/** What a provider's update hands the shared Dry Run / Skip Unchanged logic. */
export interface UpdatePlan {
	/** Every `updateFields` key of this update, already checked. */
	keys: string[];
	/** The number as Get outputs it. */
	read: () => Promise<IDataObject>;
	/** After the read (and whatever the provider does with it first): each field's before and after. */
	compare: (number: IDataObject) => ComparedField[];
	/** Keys that must travel together (a handler and the field it routes to). */
	together?: (keys: string[]) => string[];
	/** The writes an update of `keys` sends. */
	requests: (keys: string[]) => PlannedRequest[];
	/** Sends the update of `keys` and returns its output; `number` is the number as read, when it was. */
	send: (keys: string[], number?: IDataObject) => Promise<IDataObject>;
}

/** Which number an update is for, in which run: reads of one number take turns and may come from the run's pages. */
export interface UpdateTarget {
	run: ItemRun;
	/** The number's ID as the provider's paths and list name it. */
	id: string;
	/** Read first even without Dry Run or Skip Unchanged (Close's Add and Remove modes). */
	readFirst?: boolean;
}

/**
 * An update with the user's options (contract: "Update options"). Without Dry Run and Skip
 * Unchanged it is the plain update, with no read. Otherwise the number is read once (a failed read
 * fails the item: never a blind write), each field compared as the provider means it, and:
 * Dry Run outputs `{ dryRun, changes, requests, number }` and sends nothing; Skip Unchanged sends
 * only what differs (nothing at all when nothing does: the number with `unchanged: true`). Every
 * output that read first carries `changes` ([{ field, before, after }]), so a later step can undo.
 * With a `target`, items that read the same number take turns in input order (so a second item
 * compares with what the first one wrote, never a stale read: no update of the run is lost), and
 * the read may come from the run's list pages (`PageReads`).
 */
export async function runUpdatePlan(plan: UpdatePlan, options: UpdateOptions, target?: UpdateTarget): Promise<IDataObject> {
	if (!options.dryRun && !options.skipUnchanged && !target?.readFirst) return await plan.send(plan.keys);
	if (!target) return await readCompareSend(plan, options, plan.read);
	const { run, id } = target;
	const read = async () => (await run.reads.listed(id)) ?? (await plan.read());
	return await run.exclusive(`number:${id}`, async () => await readCompareSend(plan, options, read));
}

async function readCompareSend(plan: UpdatePlan, options: UpdateOptions, read: () => Promise<IDataObject>): Promise<IDataObject> {
	const number = await read();
	const compared = plan.compare(number);
	const differs = (field: ComparedField) => field.writeOnly === true || !sameValue(field.before, field.after);
	const changes = compared.filter(differs).map(({ field, before, after, writeOnly }) => ({
		field,
		before: writeOnly ? MASK : before,
		after: writeOnly ? MASK : after,
	}));
	let keys = options.skipUnchanged ? compared.filter(differs).map((field) => field.field) : compared.map((field) => field.field);
	if (keys.length > 0 && plan.together) keys = plan.together(keys);
	if (options.dryRun) {
		return { dryRun: true, changes, requests: keys.length > 0 ? plan.requests(keys) : [], number };
	}
	if (keys.length === 0) return { ...number, unchanged: true, changes: [] };
	return { ...(await plan.send(keys, number)), changes };
}

/** `a.b.c` of an answer. */
export function valueAt(record: IDataObject, path: string): unknown {
	let value: unknown = record;
	for (const part of path.split('.')) {
		if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, part)) return undefined;
		value = (value as IDataObject)[part];
	}
	return value;
}

/**
 * Each field of a table-driven update: the value in `body` at the row's API name, and the current
 * value in the number at `where(row)` (the API name by default).
 */
export function compareByTable(
	keys: string[],
	table: Record<string, UpdateField>,
	body: IDataObject,
	number: IDataObject,
	where: (row: UpdateField) => string = (row) => row.api,
	writeOnly: string[] = [],
): ComparedField[] {
	return keys.map((key) => ({
		field: key,
		after: valueAt(body, table[key].api),
		before: writeOnly.includes(key) ? undefined : valueAt(number, where(table[key])),
		writeOnly: writeOnly.includes(key),
	}));
}

const PHONE = /^\+?[\d\s().-]{7,}$/;

/** A value in the form the provider compares it: numbers without separators, URLs as parsed, text trimmed. */
function normal(value: unknown): unknown {
	if (value === undefined || value === null || value === '') return '';
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (typeof value !== 'string') return value;
	const text = value.trim();
	if (/^\+/.test(text) && PHONE.test(text)) return withoutSeparators(text);
	if (/^https?:\/\//i.test(text)) {
		try {
			return new URL(text).href;
		} catch {
			return text;
		}
	}
	// Methods and enum values: Twilio answers "POST" where "post" was sent.
	return /^(get|post)$/i.test(text) ? text.toUpperCase() : text;
}

/**
 * Whether the number already has `after`, as the provider means it: the same E.164 number whatever
 * its separators, the same URL, the same members in any order, null and empty alike, `30` and
 * `"30"` alike.
 */
export function sameValue(before: unknown, after: unknown): boolean {
	if (Array.isArray(after) || Array.isArray(before)) {
		const list = (value: unknown) => (Array.isArray(value) ? value.map(normal) : value === undefined || value === null || value === '' ? [] : [normal(value)]);
		const a = list(before).map((entry) => JSON.stringify(entry));
		const b = list(after).map((entry) => JSON.stringify(entry));
		return a.length === b.length && new Set(a).size === new Set(b).size && b.every((entry) => a.includes(entry));
	}
	const a = normal(before);
	const b = normal(after);
	if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
	return a === b;
}

/** `body` with the values of `writeOnly` API fields masked, for what Dry Run shows. */
export function maskedBody(body: IDataObject, writeOnlyApi: string[]): IDataObject {
	const copy: IDataObject = { ...body };
	for (const key of writeOnlyApi) if (key in copy && copy[key] !== null && copy[key] !== '') copy[key] = MASK;
	return copy;
}

/** An update that is one write to the number's own path, answered with the number (SignalWire, Vapi, Retell, Twilio). */
export interface SingleWriteUpdate {
	client: ApiClient;
	itemIndex: number;
	method: 'PUT' | 'PATCH' | 'POST';
	/** A form-encoded POST that only sets fields (Twilio's): sent again after a failure that may not have arrived. */
	form?: boolean;
	/** The number's path for the write, and for the read when `readPath` is not given. */
	path: string;
	readPath?: string;
	resource: string;
	keys: string[];
	bodyOf: (keys: string[]) => IDataObject;
	compare: (number: IDataObject) => ComparedField[];
	together?: (keys: string[]) => string[];
	/** Write-only values sent (masked in errors and answers), and their API fields (masked in Dry Run's requests). */
	writeOnly?: { values: string[]; api: string[] };
	/** The number's ID and the run, for turns and page reads. */
	target?: UpdateTarget;
}

/** `runUpdatePlan` for a single-write update: read by GET, write once, output the answer or the number read back. */
export async function runSingleWriteUpdate(update: SingleWriteUpdate, options: UpdateOptions): Promise<IDataObject> {
	const { client, itemIndex, method, path, resource, bodyOf } = update;
	const writeOnly = update.writeOnly?.values ?? [];
	const read = async () => await client.requestObject<IDataObject>({ method: 'GET', path: update.readPath ?? path, itemIndex, resource, writeOnly });
	return await runUpdatePlan(
		{
			keys: update.keys,
			read,
			compare: update.compare,
			together: update.together,
			requests: (chosen) => [{ method, path: client.pathOf(path), body: maskedBody(bodyOf(chosen), update.writeOnly?.api ?? []) }],
			send: async (chosen) =>
				await writeAndRead(
					client,
					update.form ? { method, path, body: bodyOf(chosen), form: true, idempotent: true, itemIndex, resource, writeOnly } : { method, path, body: bodyOf(chosen), itemIndex, resource, writeOnly },
					read,
				),
		},
		options,
		update.target,
	);
}
