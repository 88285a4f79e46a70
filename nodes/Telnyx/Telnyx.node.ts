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
import { getBillingGroups, getConnections, getMessagingProfiles } from './methods/loadOptions';

export class Telnyx implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Telnyx Phone Numbers',
		name: 'telnyx',
		icon: { light: 'file:../../icons/telnyx.svg', dark: 'file:../../icons/telnyx.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Update, get and list Telnyx phone numbers: connections and applications, call forwarding, CNAM, recording, messaging profiles',
		defaults: { name: 'Telnyx Phone Numbers' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'telnyxPhoneNumbersApi', required: true }],
		properties: [phoneNumberResource, ...phoneNumber.description, requestOptions],
	};

	methods = {
		listSearch: { searchPhoneNumbers },
		loadOptions: { getBillingGroups, getConnections, getMessagingProfiles },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
