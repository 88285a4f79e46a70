import type { INodeProperties } from 'n8n-workflow';

export const phoneNumberLocator: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phoneNumberId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Telnyx phone number to act on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a phone number...',
			typeOptions: { searchListMethod: 'searchPhoneNumbers', searchable: true },
		},
		{
			displayName: 'By ID or Number',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1293384261075731499 or +13125550100',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^(\\d{1,25}|\\+[1-9][0-9]{6,14})$',
						errorMessage: "Telnyx's numeric phone number ID (1293384261075731499) or an E.164 number (+13125550100)",
					},
				},
			],
		},
	],
};
