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
import { getExternalNumbers, getUsers } from './methods/loadOptions';

export class Close implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Close Phone Numbers',
		name: 'close',
		icon: { light: 'file:../../icons/close.svg', dark: 'file:../../icons/close.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Update, get and list phone numbers in Close CRM',
		defaults: { name: 'Close' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'closePhoneNumbersApi', required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
			{
				name: 'closePhoneNumbersOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'API Key', value: 'apiKey' },
					{ name: 'OAuth2', value: 'oAuth2' },
				],
				default: 'apiKey',
			},
			phoneNumberResource,
			...phoneNumber.description,
			requestOptions,
		],
	};

	methods = {
		listSearch: { searchPhoneNumbers },
		loadOptions: { getExternalNumbers, getUsers },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
