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

export class Synthflow implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Synthflow Phone Numbers',
		name: 'synthflow',
		icon: { light: 'file:../../icons/synthflow.svg', dark: 'file:../../icons/synthflow.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Update, get and list Synthflow phone numbers: names and SIP trunk settings',
		defaults: { name: 'Synthflow' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'synthflowPhoneNumbersApi', required: true }],
		properties: [
			phoneNumberResource,
			...phoneNumber.description,
			requestOptions,
		],
	};

	methods = {
		listSearch: { searchPhoneNumbers },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
