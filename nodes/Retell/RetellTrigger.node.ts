import { NodeConnectionTypes, type INodeExecutionData, type INodeType, type INodeTypeDescription, type IPollFunctions } from 'n8n-workflow';

import { pollPhoneNumbers, watchProperties } from '../shared/trigger/phoneNumberWatch';
import { retellWatch } from './trigger';
import { retellPhoneNumbersApiTest } from './methods/credentialTest';

export class RetellTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Retell AI Phone Numbers Trigger',
		name: 'retellTrigger',
		icon: { light: 'file:../../icons/retell.svg', dark: 'file:../../icons/retell.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "on " + ($parameter["events"] || []).join(", ") }}',
		description: 'Starts the workflow when a Retell AI phone number changes, appears or goes (polling)',
		defaults: { name: 'Retell AI Phone Numbers Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'retellPhoneNumbersApi', required: true, testedBy: 'retellPhoneNumbersApiTest' }],
		properties: watchProperties(retellWatch),
	};

	methods = { credentialTest: { retellPhoneNumbersApiTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollPhoneNumbers(this, retellWatch);
	}
}
