import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { PHONE_NUMBERS_SUBTITLE, phoneNumbersNode } from '../shared/descriptions/node';
import { nodeProperties } from '../shared/descriptions/phoneNumberResource';
import * as phoneNumber from './actions/phoneNumber/PhoneNumber.resource';
import { router } from './actions/router';
import { telnyxPhoneNumbersApiTest } from './methods/credentialTest';
import { searchPhoneNumbers } from './methods/listSearch';
import { getBillingGroups, getConnections, getMessagingProfiles } from './methods/loadOptions';

export class Telnyx implements INodeType {
	description: INodeTypeDescription = {
		...phoneNumbersNode('Telnyx Phone Numbers', 'telnyx'),
		icon: { light: 'file:../../icons/telnyx.svg', dark: 'file:../../icons/telnyx.dark.svg' },
		subtitle: PHONE_NUMBERS_SUBTITLE,
		description: 'Update, get and list Telnyx phone numbers: connections and applications, call forwarding, CNAM, recording, messaging profiles',
		usableAsTool: true,
		credentials: [{ name: 'telnyxPhoneNumbersApi', required: true, testedBy: 'telnyxPhoneNumbersApiTest' }],
		properties: nodeProperties(phoneNumber.description),
	};

	methods = {
		credentialTest: { telnyxPhoneNumbersApiTest },
		listSearch: { searchPhoneNumbers },
		loadOptions: { getBillingGroups, getConnections, getMessagingProfiles },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
