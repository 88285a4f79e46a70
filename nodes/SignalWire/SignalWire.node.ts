import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { PHONE_NUMBERS_SUBTITLE, phoneNumbersNode } from '../shared/descriptions/node';
import { nodeProperties } from '../shared/descriptions/phoneNumberResource';
import * as phoneNumber from './actions/phoneNumber/PhoneNumber.resource';
import { router } from './actions/router';
import { signalWirePhoneNumbersApiTest } from './methods/credentialTest';
import { searchPhoneNumbers } from './methods/listSearch';
import { getAiAgents, getDialogflowAgents, getLamlApplications, getRelayApplications, getSipEndpoints, getVideoRooms } from './methods/loadOptions';

export class SignalWire implements INodeType {
	description: INodeTypeDescription = {
		...phoneNumbersNode('SignalWire Phone Numbers', 'signalWire'),
		icon: { light: 'file:../../icons/signalwire.svg', dark: 'file:../../icons/signalwire.dark.svg' },
		subtitle: PHONE_NUMBERS_SUBTITLE,
		description: "Update, get and list SignalWire phone numbers: names, call and message handlers",
		usableAsTool: true,
		credentials: [{ name: 'signalWirePhoneNumbersApi', required: true, testedBy: 'signalWirePhoneNumbersApiTest' }],
		properties: nodeProperties(phoneNumber.description),
	};

	methods = {
		credentialTest: { signalWirePhoneNumbersApiTest },
		listSearch: { searchPhoneNumbers },
		loadOptions: { getAiAgents, getDialogflowAgents, getLamlApplications, getRelayApplications, getSipEndpoints, getVideoRooms },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
