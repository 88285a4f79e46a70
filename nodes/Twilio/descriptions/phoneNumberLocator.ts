import type { INodeProperties } from 'n8n-workflow';

export const phoneNumberLocator: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phoneNumberSid',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Twilio phone number to act on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a phone number...',
			typeOptions: { searchListMethod: 'searchPhoneNumbers', searchable: true },
		},
		{
			displayName: 'By SID or Number',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. PN0123456789abcdef0123456789abcdef or +14155550100',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^(PN[0-9a-fA-F]{32}|\\+[1-9][0-9]{6,14})$',
						errorMessage: 'A phone number SID (PN + 32 hex digits) or an E.164 number (+14155550100)',
					},
				},
			],
		},
	],
};
