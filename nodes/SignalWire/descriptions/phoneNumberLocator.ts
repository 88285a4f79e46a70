import type { INodeProperties } from 'n8n-workflow';

export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

export const phoneNumberLocator: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phoneNumberId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The SignalWire phone number to act on',
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
			placeholder: 'e.g. 9f1c2d3e-4b5a-4978-8a9b-0c1d2e3f4a5b',
			validation: [
				{
					type: 'regex',
					properties: { regex: UUID_PATTERN, errorMessage: 'Not a SignalWire phone number ID: it is a UUID' },
				},
			],
		},
	],
};
