import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecute } from '../execution/runItems';
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

/** What one operation file exports: its fields and one item's work. */
export interface OperationModule<Client> {
	description: INodeProperties[];
	execute: OperationExecute<Client>;
}

/** The Phone Number resource of a provider: the three operation files. */
export interface PhoneNumberOperations<Client> {
	get: OperationModule<Client>;
	getAll: OperationModule<Client>;
	update: OperationModule<Client>;
}

/** The resource's operation list and each operation's fields; `update` says what this provider updates. */
export function phoneNumberDescription<Client>(update: string, operations: PhoneNumberOperations<Client>): INodeProperties[] {
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

/** How a provider's locator takes a number typed in: its mode's name, example and check. */
export interface ByIdMode {
	displayName: string;
	placeholder: string;
	regex: string;
	errorMessage: string;
}

/**
 * The phone number to act on, as every node asks for it: a searchable list (the provider's
 * `searchPhoneNumbers`) or a value typed in, checked by the provider's own pattern.
 */
export function phoneNumberLocator(name: string, description: string, byId: ByIdMode): INodeProperties {
	return {
		displayName: 'Phone Number',
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a phone number...',
				typeOptions: { searchListMethod: 'searchPhoneNumbers', searchable: true },
			},
			{
				displayName: byId.displayName,
				name: 'id',
				type: 'string',
				placeholder: byId.placeholder,
				validation: [{ type: 'regex', properties: { regex: byId.regex, errorMessage: byId.errorMessage } }],
			},
		],
	};
}
