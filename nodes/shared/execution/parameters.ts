import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { InputValidator } from '../validation';

/**
 * The value of a resource locator, whatever the mode. An expression may hand back anything, so the
 * type is checked here: an object never becomes "[object Object]" in a URL.
 */
export function locatorValue(ctx: IExecuteFunctions, name: string, itemIndex: number, displayName: string): string {
	const value = ctx.getNodeParameter(name, itemIndex, undefined, { extractValue: true }) as unknown;
	const validator = new InputValidator(ctx.getNode(), itemIndex);
	const text = validator.identifier(displayName, value).trim();
	if (text === '') validator.fail(displayName, 'choose one from the list or enter its ID');
	return text;
}

/** The `updateFields` collection; an update with nothing in it fails before any request. */
export function updateFields(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	if (!fields || typeof fields !== 'object' || Object.keys(fields).length === 0) {
		new InputValidator(ctx.getNode(), itemIndex).fail(
			'Update Fields',
			'nothing to update',
			'Add at least one field under Update Fields: only the fields added there are sent, nothing else on the number changes.',
		);
	}
	return fields;
}

/** The `updateFields` of `keys` only (what Skip Unchanged leaves to send). */
export function pick(fields: IDataObject, keys: string[]): IDataObject {
	const picked: IDataObject = {};
	for (const key of keys) if (Object.prototype.hasOwnProperty.call(fields, key)) picked[key] = fields[key];
	return picked;
}
