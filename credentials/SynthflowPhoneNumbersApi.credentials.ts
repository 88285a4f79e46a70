import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { apiKeyField, bearerApiKey, loopbackBaseUrl } from '../nodes/shared/descriptions/credentialFields';

export class SynthflowPhoneNumbersApi implements ICredentialType {
	name = 'synthflowPhoneNumbersApi';

	displayName = 'Synthflow Phone Numbers API';

	icon = { light: 'file:../icons/synthflow.svg', dark: 'file:../icons/synthflow.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-phone-numbers/n8n-nodes-phone-numbers/blob/main/docs/reference.md#synthflow';

	properties: INodeProperties[] = [
		apiKeyField('In Synthflow: Settings → API Keys'),
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{ name: 'Global', value: 'global', description: 'api.synthflow.ai' },
				{ name: 'US', value: 'us', description: 'api.us.synthflow.ai' },
				{ name: 'EU', value: 'eu', description: 'api.eu.synthflow.ai' },
			],
			default: 'global',
			description: 'Where your Synthflow account lives; a key works only in its own region',
		},
		{
			displayName: 'Workspace ID',
			name: 'workspaceId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1712345678901x123456789012345678',
			description:
				"Needed to get and list numbers (Synthflow's API cannot look it up). Copy it from Synthflow: Settings → Workspace.",
		},
		loopbackBaseUrl,
	];

	authenticate = bearerApiKey;
}
