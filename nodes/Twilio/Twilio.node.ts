import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { requestOptions } from '../shared/descriptions/common';
import { phoneNumberResource } from '../shared/descriptions/phoneNumberResource';
import * as phoneNumber from './actions/phoneNumber/PhoneNumber.resource';
import { router } from './actions/router';
import { searchPhoneNumbers } from './methods/listSearch';
import { getAddresses, getApplications, getTrunks } from './methods/loadOptions';

export class Twilio implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Twilio Phone Numbers',
		name: 'twilio',
		icon: { light: 'file:../../icons/twilio.svg', dark: 'file:../../icons/twilio.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Update, get and list Twilio phone numbers: voice and SMS webhooks, TwiML apps, SIP trunks, emergency settings',
		defaults: { name: 'Twilio Phone Numbers' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'twilioPhoneNumbersApi', required: true }],
		properties: [phoneNumberResource, ...phoneNumber.description, requestOptions],
	};

	methods = {
		listSearch: { searchPhoneNumbers },
		loadOptions: { getAddresses, getApplications, getTrunks },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
