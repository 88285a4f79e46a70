import { NodeConnectionTypes, type INodeExecutionData, type INodeType, type INodeTypeDescription, type IPollFunctions } from 'n8n-workflow';

import { pollPhoneNumbers, watchProperties } from '../shared/trigger/phoneNumberWatch';
import { closeWatch } from './trigger';
import { closePhoneNumbersApiTest } from './methods/credentialTest';
import { getUsers } from './methods/loadOptions';
import { authenticationProperty } from './descriptions/authentication';

export class CloseTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Close Phone Numbers Trigger',
		name: 'closeTrigger',
		icon: { light: 'file:../../icons/close.svg', dark: 'file:../../icons/close.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "on " + ($parameter["events"] || []).join(", ") }}',
		description: 'Starts the workflow when a Close phone number changes, appears or goes (polling)',
		defaults: { name: 'Close Phone Numbers Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'closePhoneNumbersApi', required: true, testedBy: 'closePhoneNumbersApiTest', displayOptions: { show: { authentication: ['apiKey'] } } },
			{ name: 'closePhoneNumbersOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		properties: [authenticationProperty, ...watchProperties(closeWatch)],
	};

	methods = { credentialTest: { closePhoneNumbersApiTest }, loadOptions: { getUsers } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollPhoneNumbers(this, closeWatch);
	}
}
