import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { PHONE_NUMBERS_SUBTITLE, phoneNumbersNode } from '../shared/descriptions/node';
import { nodeProperties } from '../shared/descriptions/phoneNumberResource';
import * as phoneNumber from './actions/phoneNumber/PhoneNumber.resource';
import { router } from './actions/router';
import { synthflowPhoneNumbersApiTest } from './methods/credentialTest';
import { searchPhoneNumbers } from './methods/listSearch';

export class Synthflow implements INodeType {
	description: INodeTypeDescription = {
		...phoneNumbersNode('Synthflow Phone Numbers', 'synthflow'),
		icon: { light: 'file:../../icons/synthflow.svg', dark: 'file:../../icons/synthflow.dark.svg' },
		subtitle: PHONE_NUMBERS_SUBTITLE,
		description: 'Update, get and list Synthflow phone numbers: names and SIP trunk settings',
		usableAsTool: true,
		credentials: [{ name: 'synthflowPhoneNumbersApi', required: true, testedBy: 'synthflowPhoneNumbersApiTest' }],
		properties: nodeProperties(phoneNumber.description),
	};

	methods = {
		credentialTest: { synthflowPhoneNumbersApiTest },
		listSearch: { searchPhoneNumbers },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
