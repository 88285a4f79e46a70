import type { INodeProperties } from 'n8n-workflow';

export const phoneNumberLocator: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phoneNumber',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: "The Synthflow phone number to act on. By number: E.164 (+33782990580) or the slug (33782990580).",
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a phone number...',
			typeOptions: { searchListMethod: 'searchPhoneNumbers', searchable: true },
		},
		{
			displayName: 'By Number',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. +33782990580',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\+?[1-9]\\d{6,14}$',
						errorMessage: 'Enter the number in E.164 format (+33782990580) or its slug (33782990580)',
					},
				},
			],
		},
	],
};
