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
import {
	getAiAgents,
	getDialogflowAgents,
	getLamlApplications,
	getRelayApplications,
	getSipEndpoints,
	getVideoRooms,
} from './methods/loadOptions';

export class SignalWire implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SignalWire Phone Numbers',
		name: 'signalWire',
		icon: { light: 'file:../../icons/signalwire.svg', dark: 'file:../../icons/signalwire.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: "Update, get and list SignalWire phone numbers: names, call and message handlers",
		defaults: { name: 'SignalWire' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'signalWirePhoneNumbersApi', required: true }],
		properties: [
			phoneNumberResource,
			...phoneNumber.description,
			requestOptions,
		],
	};

	methods = {
		listSearch: { searchPhoneNumbers },
		loadOptions: { getAiAgents, getDialogflowAgents, getLamlApplications, getRelayApplications, getSipEndpoints, getVideoRooms },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
