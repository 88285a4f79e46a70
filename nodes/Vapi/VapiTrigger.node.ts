import { NodeConnectionTypes, type INodeExecutionData, type INodeType, type INodeTypeDescription, type IPollFunctions } from 'n8n-workflow';

import { pollPhoneNumbers, watchProperties } from '../shared/trigger/phoneNumberWatch';
import { vapiWatch } from './trigger';
import { vapiPhoneNumbersApiTest } from './methods/credentialTest';

export class VapiTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Vapi Phone Numbers Trigger',
		name: 'vapiTrigger',
		icon: { light: 'file:../../icons/vapi.svg', dark: 'file:../../icons/vapi.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "on " + ($parameter["events"] || []).join(", ") }}',
		description: 'Starts the workflow when a Vapi phone number changes, appears or goes (polling)',
		defaults: { name: 'Vapi Phone Numbers Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'vapiPhoneNumbersApi', required: true, testedBy: 'vapiPhoneNumbersApiTest' }],
		properties: watchProperties(vapiWatch),
	};

	methods = { credentialTest: { vapiPhoneNumbersApiTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollPhoneNumbers(this, vapiWatch);
	}
}
