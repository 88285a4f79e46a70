import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['phoneNumber'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a phone number', action: 'Get a phone number' },
			{ name: 'Get Many', value: 'getAll', description: 'List phone numbers', action: 'Get many phone numbers' },
			{
				name: 'Update',
				value: 'update',
				description: "Update a phone number's name and SIP trunk settings",
				action: 'Update a phone number',
			},
		],
		default: 'update',
	},
	...update.description,
	...get.description,
	...getAll.description,
];
