import { NodeConnectionTypes, type INodeExecutionData, type INodeType, type INodeTypeDescription, type IPollFunctions } from 'n8n-workflow';

import { pollPhoneNumbers, watchProperties } from '../shared/trigger/phoneNumberWatch';
import { twilioWatch } from './trigger';
import { twilioPhoneNumbersApiTest } from './methods/credentialTest';

export class TwilioTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Twilio Phone Numbers Trigger',
		name: 'twilioTrigger',
		icon: { light: 'file:../../icons/twilio.svg', dark: 'file:../../icons/twilio.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "on " + ($parameter["events"] || []).join(", ") }}',
		description: 'Starts the workflow when a Twilio phone number changes, appears or goes (polling)',
		defaults: { name: 'Twilio Phone Numbers Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'twilioPhoneNumbersApi', required: true, testedBy: 'twilioPhoneNumbersApiTest' }],
		properties: watchProperties(twilioWatch),
	};

	methods = { credentialTest: { twilioPhoneNumbersApiTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollPhoneNumbers(this, twilioWatch);
	}
}
