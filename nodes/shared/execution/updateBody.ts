import type { IDataObject } from 'n8n-workflow';

import type { InputValidator } from '../validation';

/** How one update field is checked before it is sent. */
export type FieldCheck =
	| { kind: 'text'; maxLength?: number }
	/** An absolute http(s) URL; an empty value is sent as empty (clears it). */
	| { kind: 'url' }
	| { kind: 'boolean' }
	| { kind: 'oneOf'; values: readonly string[] }
	/** A provider ID of a given shape (e.g. Twilio's `AP` + 32 hex); empty clears it unless `required`. */
	| { kind: 'id'; pattern: RegExp; example: string; required?: boolean };

/** One row of a provider's declarative update table: the `updateFields` key's API name and check. */
export interface UpdateField {
	api: string;
	label: string;
	check: FieldCheck;
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
		body[field.api] = checked(field, value, check);
	}
	return body;
}

function checked(field: UpdateField, value: unknown, check: InputValidator): string | boolean {
	const { label, check: rule } = field;
	switch (rule.kind) {
		case 'text': {
			const text = check.string(label, value);
			if (rule.maxLength !== undefined && text.length > rule.maxLength) {
				check.fail(label, `at most ${rule.maxLength} characters (this has ${text.length})`);
			}
			return text;
		}
		case 'url':
			return check.string(label, value).trim() === '' ? '' : check.url(label, value);
		case 'boolean':
			return check.boolean(label, value);
		case 'oneOf':
			return check.oneOf(label, value, rule.values);
		case 'id': {
			const text = check.string(label, value).trim();
			if ((text !== '' || rule.required) && !rule.pattern.test(text)) {
				check.fail(label, `"${text.slice(0, 60)}" is not a valid ID (e.g. ${rule.example})`);
			}
			return text;
		}
	}
}
