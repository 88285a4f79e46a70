import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { PHONE_NUMBERS_SUBTITLE, phoneNumbersNode } from '../shared/descriptions/node';
import { nodeProperties } from '../shared/descriptions/phoneNumberResource';
import * as phoneNumber from './actions/phoneNumber/PhoneNumber.resource';
import { router } from './actions/router';
import { vapiPhoneNumbersApiTest } from './methods/credentialTest';
import { searchPhoneNumbers } from './methods/listSearch';
import { getAssistants, getSquads } from './methods/loadOptions';

export class Vapi implements INodeType {
	description: INodeTypeDescription = {
		...phoneNumbersNode('Vapi Phone Numbers', 'vapi'),
		icon: { light: 'file:../../icons/vapi.svg', dark: 'file:../../icons/vapi.dark.svg' },
		subtitle: PHONE_NUMBERS_SUBTITLE,
		description: 'Update, get and list Vapi phone numbers: the assistant, squad or workflow that answers, server URL and fallback',
		usableAsTool: true,
		credentials: [{ name: 'vapiPhoneNumbersApi', required: true, testedBy: 'vapiPhoneNumbersApiTest' }],
		properties: nodeProperties(phoneNumber.description),
	};

	methods = {
		credentialTest: { vapiPhoneNumbersApiTest },
		listSearch: { searchPhoneNumbers },
		loadOptions: { getAssistants, getSquads },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
