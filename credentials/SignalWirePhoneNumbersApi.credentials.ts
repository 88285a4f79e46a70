import type { IAuthenticateGeneric, ICredentialType, INodeProperties } from 'n8n-workflow';

import { loopbackBaseUrl } from '../nodes/shared/descriptions/credentialFields';

export class SignalWirePhoneNumbersApi implements ICredentialType {
	name = 'signalWirePhoneNumbersApi';

	displayName = 'SignalWire Phone Numbers API';

	icon = { light: 'file:../icons/signalwire.svg', dark: 'file:../icons/signalwire.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-phone-numbers/n8n-nodes-phone-numbers/blob/main/docs/reference.md#signalwire';

	properties: INodeProperties[] = [
		{
			displayName: 'Space',
			name: 'space',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'example',
			description:
				'Your SignalWire space: example, example.signalwire.com or https://example.signalwire.com (the first part of your dashboard address)',
		},
		{
			displayName: 'Project ID',
			name: 'projectId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 7c5b2e1a-0d3f-4a8b-9c6d-1e2f3a4b5c6d',
			description: 'Shown in your SignalWire dashboard under API → Credentials',
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'An API token of the project, with the Numbers scope (API → Credentials → New Token)',
		},
		loopbackBaseUrl,
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.projectId}}',
				password: '={{$credentials.apiToken}}',
			},
		},
	};
}
