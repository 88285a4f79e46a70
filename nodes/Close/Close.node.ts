import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { PHONE_NUMBERS_SUBTITLE, phoneNumbersNode } from '../shared/descriptions/node';
import { nodeProperties } from '../shared/descriptions/phoneNumberResource';
import * as phoneNumber from './actions/phoneNumber/PhoneNumber.resource';
import { router } from './actions/router';
import { authenticationProperty } from './descriptions/authentication';
import { closePhoneNumbersApiTest } from './methods/credentialTest';
import { searchPhoneNumbers } from './methods/listSearch';
import { getExternalNumbers, getUsers } from './methods/loadOptions';

export class Close implements INodeType {
	description: INodeTypeDescription = {
		...phoneNumbersNode('Close Phone Numbers', 'close'),
		icon: { light: 'file:../../icons/close.svg', dark: 'file:../../icons/close.dark.svg' },
		subtitle: PHONE_NUMBERS_SUBTITLE,
		description: 'Update, get and list phone numbers in Close CRM',
		usableAsTool: true,
		credentials: [
			{ name: 'closePhoneNumbersApi', required: true, testedBy: 'closePhoneNumbersApiTest', displayOptions: { show: { authentication: ['apiKey'] } } },
			{
				name: 'closePhoneNumbersOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties: nodeProperties(phoneNumber.description, [authenticationProperty]),
	};

	methods = {
		credentialTest: { closePhoneNumbersApiTest },
		listSearch: { searchPhoneNumbers },
		loadOptions: { getExternalNumbers, getUsers },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
