import type { INodeProperties } from 'n8n-workflow';

import { requestOptions } from './common';

/** The one resource every node has. */
export const phoneNumberResource: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [{ name: 'Phone Number', value: 'phoneNumber' }],
	default: 'phoneNumber',
};

/** Get, Get Many and Update, with n8n's action wording; `update` says what this provider updates. */
export function phoneNumberOperations(update: string): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['phoneNumber'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a phone number', action: 'Get a phone number' },
			{ name: 'Get Many', value: 'getAll', description: 'List phone numbers', action: 'Get many phone numbers' },
			{ name: 'Update', value: 'update', description: update, action: 'Update a phone number' },
		],
		default: 'update',
	};
}

/** The fields of the resource's three operations (each operation file's `description`). */
export type PhoneNumberOperationFields = Record<'get' | 'getAll' | 'update', { description: INodeProperties[] }>;

/** The resource's operation list and each operation's fields; `update` says what this provider updates. */
export function phoneNumberDescription(update: string, operations: PhoneNumberOperationFields): INodeProperties[] {
	return [
		phoneNumberOperations(update),
		...operations.update.description,
		...operations.get.description,
		...operations.getAll.description,
	];
}

/** A node's properties: its own first (Close's Authentication), the resource and its fields, the request options. */
export function nodeProperties(resourceDescription: INodeProperties[], ownFirst: INodeProperties[] = []): INodeProperties[] {
	return [...ownFirst, phoneNumberResource, ...resourceDescription, requestOptions];
}

/** The shape of a provider's phone number ID, as the locator's By ID mode checks it. */
export interface PhoneNumberIdShape {
	/** "Close": in the description and errors. */
	provider: string;
	/** The whole ID, anchored: anything else is refused, never corrected. */
	pattern: RegExp;
	/** "e.g. phon_4Nc6bKF3sN2nr8H1mKgE9t" */
	placeholder: string;
	/** "phon_ followed by letters and digits": what the ID looks like, for errors. */
	shape: string;
}

/** The ID pattern as the editor checks it: spaces around it are allowed (the node trims them), nothing else. */
function trimmed(pattern: RegExp): string {
	return `^\\s*(?:${pattern.source.replace(/^\^/, '').replace(/\$$/, '')})\\s*$`;
}

/** What By Number takes in the editor: + and digits, separators allowed (dropped before sending). */
const E164_TYPED = '^\\s*\\+[1-9][0-9\\s().-]{5,24}$';

/**
 * The phone number to act on, named `phoneNumber` in every node, with the same three modes:
 * a searchable list (the provider's `searchPhoneNumbers`), the provider's ID exactly as typed
 * (checked by the provider's pattern), or an E.164 number.
 */
export function phoneNumberLocator(id: PhoneNumberIdShape): INodeProperties {
	return {
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: `The ${id.provider} phone number to act on`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a phone number...',
				typeOptions: { searchListMethod: 'searchPhoneNumbers', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: id.placeholder,
				validation: [
					{ type: 'regex', properties: { regex: trimmed(id.pattern), errorMessage: `Not a ${id.provider} phone number ID: ${id.shape}` } },
				],
			},
			{
				displayName: 'By Number',
				name: 'number',
				type: 'string',
				placeholder: 'e.g. +14155550100',
				validation: [
					{ type: 'regex', properties: { regex: E164_TYPED, errorMessage: 'Not a phone number in E.164 format: + then the country code and number, e.g. +14155550100' } },
				],
			},
		],
	};
}
