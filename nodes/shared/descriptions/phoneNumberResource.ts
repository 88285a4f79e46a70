import type { INodeProperties } from 'n8n-workflow';

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
