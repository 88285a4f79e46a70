import { NodeConnectionTypes, type INodeExecutionData, type INodeType, type INodeTypeDescription, type IPollFunctions } from 'n8n-workflow';

import { pollPhoneNumbers, watchProperties } from '../shared/trigger/phoneNumberWatch';
import { telnyxWatch } from './trigger';
import { telnyxPhoneNumbersApiTest } from './methods/credentialTest';
import { getConnections } from './methods/loadOptions';

export class TelnyxTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Telnyx Phone Numbers Trigger',
		name: 'telnyxTrigger',
		icon: { light: 'file:../../icons/telnyx.svg', dark: 'file:../../icons/telnyx.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "on " + ($parameter["events"] || []).join(", ") }}',
		description: 'Starts the workflow when a Telnyx phone number changes, appears or goes (polling)',
		defaults: { name: 'Telnyx Phone Numbers Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'telnyxPhoneNumbersApi', required: true, testedBy: 'telnyxPhoneNumbersApiTest' }],
		properties: watchProperties(telnyxWatch),
	};

	methods = { credentialTest: { telnyxPhoneNumbersApiTest }, loadOptions: { getConnections } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollPhoneNumbers(this, telnyxWatch);
	}
}
