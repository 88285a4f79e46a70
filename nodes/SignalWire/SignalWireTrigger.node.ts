import { NodeConnectionTypes, type INodeExecutionData, type INodeType, type INodeTypeDescription, type IPollFunctions } from 'n8n-workflow';

import { pollPhoneNumbers, watchProperties } from '../shared/trigger/phoneNumberWatch';
import { signalWireWatch } from './trigger';
import { signalWirePhoneNumbersApiTest } from './methods/credentialTest';

export class SignalWireTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SignalWire Phone Numbers Trigger',
		name: 'signalWireTrigger',
		icon: { light: 'file:../../icons/signalwire.svg', dark: 'file:../../icons/signalwire.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "on " + ($parameter["events"] || []).join(", ") }}',
		description: 'Starts the workflow when a SignalWire phone number changes, appears or goes (polling)',
		defaults: { name: 'SignalWire Phone Numbers Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'signalWirePhoneNumbersApi', required: true, testedBy: 'signalWirePhoneNumbersApiTest' }],
		properties: watchProperties(signalWireWatch),
	};

	methods = { credentialTest: { signalWirePhoneNumbersApiTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollPhoneNumbers(this, signalWireWatch);
	}
}
