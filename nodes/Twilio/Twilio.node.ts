import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { PHONE_NUMBERS_SUBTITLE, phoneNumbersNode } from '../shared/descriptions/node';
import { nodeProperties } from '../shared/descriptions/phoneNumberResource';
import * as phoneNumber from './actions/phoneNumber/PhoneNumber.resource';
import { router } from './actions/router';
import { twilioPhoneNumbersApiTest } from './methods/credentialTest';
import { searchPhoneNumbers } from './methods/listSearch';
import { getAddresses, getApplications, getTrunks } from './methods/loadOptions';

export class Twilio implements INodeType {
	description: INodeTypeDescription = {
		...phoneNumbersNode('Twilio Phone Numbers', 'twilio'),
		icon: { light: 'file:../../icons/twilio.svg', dark: 'file:../../icons/twilio.dark.svg' },
		subtitle: PHONE_NUMBERS_SUBTITLE,
		description: 'Update, get and list Twilio phone numbers: voice and SMS webhooks, TwiML apps, SIP trunks, emergency settings',
		usableAsTool: true,
		credentials: [{ name: 'twilioPhoneNumbersApi', required: true, testedBy: 'twilioPhoneNumbersApiTest' }],
		properties: nodeProperties(phoneNumber.description),
	};

	methods = {
		credentialTest: { twilioPhoneNumbersApiTest },
		listSearch: { searchPhoneNumbers },
		loadOptions: { getAddresses, getApplications, getTrunks },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
