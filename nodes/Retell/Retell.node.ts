import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { PHONE_NUMBERS_SUBTITLE, phoneNumbersNode } from '../shared/descriptions/node';
import { nodeProperties } from '../shared/descriptions/phoneNumberResource';
import * as phoneNumber from './actions/phoneNumber/PhoneNumber.resource';
import { router } from './actions/router';
import { retellPhoneNumbersApiTest } from './methods/credentialTest';
import { searchPhoneNumbers } from './methods/listSearch';
import { getChatAgents, getChatAgentVersions, getVoiceAgents, getVoiceAgentVersions } from './methods/loadOptions';

export class Retell implements INodeType {
	description: INodeTypeDescription = {
		...phoneNumbersNode('Retell AI Phone Numbers', 'retell'),
		icon: { light: 'file:../../icons/retell.svg', dark: 'file:../../icons/retell.dark.svg' },
		subtitle: PHONE_NUMBERS_SUBTITLE,
		description: 'Update, get and list Retell AI phone numbers: inbound and outbound agents with weights, webhooks, fallback, SIP trunk',
		usableAsTool: true,
		credentials: [{ name: 'retellPhoneNumbersApi', required: true, testedBy: 'retellPhoneNumbersApiTest' }],
		properties: nodeProperties(phoneNumber.description),
	};

	methods = {
		credentialTest: { retellPhoneNumbersApiTest },
		listSearch: { searchPhoneNumbers },
		loadOptions: { getChatAgents, getChatAgentVersions, getVoiceAgents, getVoiceAgentVersions },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
