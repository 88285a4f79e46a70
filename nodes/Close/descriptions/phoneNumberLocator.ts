import type { INodeProperties } from 'n8n-workflow';

export const CLOSE_PHONE_NUMBER_ID = /^phon_[A-Za-z0-9]+$/;

export const phoneNumberLocator: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phoneNumberId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Close phone number to act on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a phone number...',
			typeOptions: {
				searchListMethod: 'searchPhoneNumbers',
				searchable: true,
				searchFilterRequired: false,
			},
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. phon_4Nc6bKF3sN2nr8H1mKgE9t',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: CLOSE_PHONE_NUMBER_ID.source,
						errorMessage: 'Not a Close phone number ID: it starts with phon_ followed by letters and digits',
					},
				},
			],
		},
	],
};
