import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { apiKeyField, bearerApiKey, loopbackBaseUrl } from '../nodes/shared/descriptions/credentialFields';

/** Tested by the Vapi node (`testedBy`): a refused Base URL is answered without sending anything. */
export class VapiPhoneNumbersApi implements ICredentialType {
	name = 'vapiPhoneNumbersApi';

	displayName = 'Vapi Phone Numbers API';

	icon = { light: 'file:../icons/vapi.svg', dark: 'file:../icons/vapi.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-phone-numbers/n8n-nodes-phone-numbers/blob/main/docs/reference.md#vapi';

	properties: INodeProperties[] = [
		apiKeyField('Your private API key: Vapi dashboard → Organization Settings → API Keys → Private Key (not the public key)'),
		loopbackBaseUrl,
	];

	authenticate = bearerApiKey;
}
