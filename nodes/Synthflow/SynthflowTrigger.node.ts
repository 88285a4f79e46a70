import { NodeConnectionTypes, type INodeExecutionData, type INodeType, type INodeTypeDescription, type IPollFunctions } from 'n8n-workflow';

import { pollPhoneNumbers, watchProperties } from '../shared/trigger/phoneNumberWatch';
import { synthflowWatch } from './trigger';
import { synthflowPhoneNumbersApiTest } from './methods/credentialTest';

export class SynthflowTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Synthflow Phone Numbers Trigger',
		name: 'synthflowTrigger',
		icon: { light: 'file:../../icons/synthflow.svg', dark: 'file:../../icons/synthflow.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "on " + ($parameter["events"] || []).join(", ") }}',
		description: 'Starts the workflow when a Synthflow phone number changes, appears or goes (polling)',
		defaults: { name: 'Synthflow Phone Numbers Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'synthflowPhoneNumbersApi', required: true, testedBy: 'synthflowPhoneNumbersApiTest' }],
		properties: watchProperties(synthflowWatch),
	};

	methods = { credentialTest: { synthflowPhoneNumbersApiTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollPhoneNumbers(this, synthflowWatch);
	}
}
