import type { IAuthenticateGeneric, ICredentialType, INodeProperties } from 'n8n-workflow';

import { apiKeyField, loopbackBaseUrl } from '../nodes/shared/descriptions/credentialFields';

/** Tested by the Close node (`testedBy`): a refused Base URL is answered without sending anything. */
export class ClosePhoneNumbersApi implements ICredentialType {
	name = 'closePhoneNumbersApi';

	displayName = 'Close Phone Numbers API';

	icon = { light: 'file:../icons/close.svg', dark: 'file:../icons/close.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-phone-numbers/n8n-nodes-phone-numbers/blob/main/docs/reference.md#close';

	properties: INodeProperties[] = [
		apiKeyField('Create one in Close under Settings → Developer → API Keys. Close takes it as the user name of HTTP Basic authentication, with an empty password; n8n does that for you.'),
		loopbackBaseUrl,
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.apiKey}}',
				password: '',
			},
		},
	};
}
