import type { IDataObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { updateFieldsCollection } from '../descriptions/common';
import type { InputValidator } from '../validation';

/** How one update field is checked before it is sent. */
export type FieldCheck =
	/** Text; with `patterns`, a non-empty value must match one of them (`what` names the shape). */
	| { kind: 'text'; maxLength?: number; patterns?: RegExp[]; what?: string }
	/** An absolute URL (`protocols`, default http and https); empty is sent as `empty` (default ''). */
	| { kind: 'url'; protocols?: Array<'http:' | 'https:'>; empty?: '' | null }
	/** An E.164 number; empty is refused, with `emptyHint` saying what to do instead. */
	| { kind: 'e164'; emptyHint?: string }
	/** A list (or comma-separated text) of E.164 numbers, or of IDs matching `pattern`. */
	| { kind: 'list'; pattern?: RegExp; what?: string }
	| { kind: 'integer'; min: number; max: number }
	| { kind: 'boolean' }
	| { kind: 'oneOf'; values: readonly string[] }
	/** A provider ID of a given shape (e.g. Twilio's `AP` + 32 hex); empty clears it (sent as `empty`, default '') unless `required`. */
	| { kind: 'id'; pattern: RegExp; example: string; required?: boolean; empty?: '' | null }
	/** A value no kind above describes (Retell's weighted agent lists): the provider's own check, given the row's label. */
	| { kind: 'custom'; value: (value: unknown, label: string, check: InputValidator) => unknown };

/** One row of a provider's declarative update table: the `updateFields` key's API name and check. */
export interface UpdateField {
	/** The API field; a dotted name (`call_forwarding.forwards_to`) puts it in a nested object. */
	api: string;
	label: string;
	check: FieldCheck;
	/** Which request the field goes in, for providers that spread one update over several (Telnyx). */
	group?: string;
}

/**
 * One update field, written once: the editor property (its name is the `updateFields` key, its
 * display name the label errors use), the API field, the check (with its empty-value rule) and, for
 * an update spread over several requests, the request it goes in. A provider lists its rows in one
 * file; the editor's collection and the table below both come from them.
 */
export interface UpdateRow {
	property: INodeProperties;
	api: string;
	check: FieldCheck;
	group?: string;
}

/** A row; without `check`, the property's own limits are the check (a switch, a range, a fixed list), so they are written once. */
export function updateRow(property: INodeProperties, api: string, check: FieldCheck = checkOf(property), group?: string): UpdateRow {
	return group === undefined ? { property, api, check } : { property, api, check, group };
}

function checkOf(property: INodeProperties): FieldCheck {
	const { minValue, maxValue, loadOptionsMethod } = property.typeOptions ?? {};
	if (property.type === 'boolean') return { kind: 'boolean' };
	if (property.type === 'number' && typeof minValue === 'number' && typeof maxValue === 'number') return { kind: 'integer', min: minValue, max: maxValue };
	if (property.type === 'options' && !loadOptionsMethod && property.options) {
		return { kind: 'oneOf', values: property.options.map((option) => String((option as { value: unknown }).value)) };
	}
	throw new Error(`Update field "${property.name}" needs a check: its property does not say what it takes`);
}

/** The rows as the table the body builder, Dry Run, Skip Unchanged and the trigger read, in the rows' order. */
export function updateTable(rows: readonly UpdateRow[]): Record<string, UpdateField> {
	const table: Record<string, UpdateField> = {};
	for (const { property, api, check, group } of rows) {
		if (Object.prototype.hasOwnProperty.call(table, property.name)) throw new Error(`Update field "${property.name}" is declared twice`);
		table[property.name] = group === undefined ? { api, label: property.displayName, check } : { api, label: property.displayName, group, check };
	}
	return table;
}

/** Each Update Fields key's display name, for a provider whose body is built by hand across fields (Vapi's). */
export function labelsOf(collection: INodeProperties): Record<string, string> {
	const labels: Record<string, string> = Object.create(null); // `in` finds only the fields, never "constructor"
	for (const option of collection.options ?? []) if ('displayName' in option) labels[option.name] = option.displayName;
	return labels;
}

/** The editor's "Update Fields" collection from the rows, sorted by display name as n8n's lint wants options. */
export function updateFieldsOf(description: string, rows: readonly UpdateRow[], displayOptions?: IDisplayOptions): INodeProperties {
	const options = rows.map((row) => row.property).sort((a, b) => a.displayName.localeCompare(b.displayName));
	return updateFieldsCollection(description, options, displayOptions);
}

/**
 * An update body from exactly the fields the user added, each checked by its table row first
 * (contract rules 1 and 2). A provider's folder holds only its table.
 */
export function buildUpdateBody(fields: IDataObject, table: Record<string, UpdateField>, check: InputValidator): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		const field = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
		if (!field) return check.fail('Update Fields', `unknown field "${key}"`);
		place(body, field.api, checked(field, value, check));
	}
	return body;
}

/** `a.b` = value → `{ a: { b: value } }`, next to what `a` already holds. */
function place(body: IDataObject, api: string, value: unknown): void {
	const [head, ...rest] = api.split('.');
	if (rest.length === 0) {
		body[head] = value as IDataObject[keyof IDataObject];
		return;
	}
	const inner = (body[head] ?? {}) as IDataObject;
	body[head] = inner;
	place(inner, rest.join('.'), value);
}

/**
 * One body per request of an update that spans several endpoints, in `order`, only for the groups
 * with a field set. Every field is checked before any body is returned, so bad input anywhere
 * sends nothing.
 */
export function buildGroupedUpdateBodies<G extends string>(
	fields: IDataObject,
	table: Record<string, UpdateField>,
	check: InputValidator,
	order: readonly G[],
): Array<{ group: G; body: IDataObject }> {
	const body = buildUpdateBody(fields, table, check);
	const bodies: Array<{ group: G; body: IDataObject }> = [];
	for (const group of order) {
		const keys = Object.keys(fields).filter((key) => table[key].group === group);
		if (keys.length === 0) continue;
		const part: IDataObject = {};
		for (const key of keys) {
			const top = table[key].api.split('.')[0];
			part[top] = body[top];
		}
		bodies.push({ group, body: part });
	}
	return bodies;
}

function checked(field: UpdateField, value: unknown, check: InputValidator): unknown {
	const { label, check: rule } = field;
	switch (rule.kind) {
		case 'text': {
			const text = rule.patterns ? check.string(label, value).trim() : check.string(label, value);
			if (rule.maxLength !== undefined && text.length > rule.maxLength) {
				check.fail(label, `at most ${rule.maxLength} characters (this has ${text.length})`);
			}
			if (rule.patterns && text !== '' && !rule.patterns.some((pattern) => pattern.test(text))) {
				check.fail(label, `"${text.slice(0, 60)}" is not ${rule.what ?? 'valid here'}`);
			}
			return text;
		}
		case 'url': {
			const text = value === null ? '' : check.string(label, value).trim();
			// Not `??`: null is a value here (Close's nullable greeting URL).
			return text === '' ? (rule.empty === undefined ? '' : rule.empty) : check.url(label, text, rule.protocols);
		}
		case 'e164': {
			const text = value === null ? '' : check.string(label, value).trim();
			if (text === '') check.fail(label, 'empty', rule.emptyHint);
			return check.e164(label, text);
		}
		case 'list': {
			const entries = check.list(label, value);
			const pattern = rule.pattern;
			return pattern
				? entries.map((entry) => {
						if (!pattern.test(entry)) check.fail(label, `"${entry.slice(0, 60)}" is not ${rule.what ?? 'a valid ID'}`);
						return entry;
					})
				: entries.map((entry) => check.e164(label, entry));
		}
		case 'integer':
			return check.integer(label, value, rule.min, rule.max);
		case 'boolean':
			return check.boolean(label, value);
		case 'oneOf':
			return check.oneOf(label, value, rule.values);
		case 'id': {
			const text = check.string(label, value).trim();
			if ((text !== '' || rule.required) && !rule.pattern.test(text)) {
				check.fail(label, `"${text.slice(0, 60)}" is not a valid ID (e.g. ${rule.example})`);
			}
			return text === '' && rule.empty !== undefined ? rule.empty : text;
		}
		case 'custom':
			return rule.value(value, label, check);
	}
}
