import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { apiKeyField, bearerApiKey, loopbackBaseUrl } from '../nodes/shared/descriptions/credentialFields';

export class TelnyxPhoneNumbersApi implements ICredentialType {
	name = 'telnyxPhoneNumbersApi';

	displayName = 'Telnyx Phone Numbers API';

	icon = { light: 'file:../icons/telnyx.svg', dark: 'file:../icons/telnyx.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-phone-numbers/n8n-nodes-phone-numbers/blob/main/docs/reference.md#telnyx';

	properties: INodeProperties[] = [
		apiKeyField('Telnyx Mission Control Portal → Account Settings → Keys & Credentials → API Keys (a V2 key, starting with KEY)', 'e.g. KEY0190F1C0...'),
		loopbackBaseUrl,
	];

	authenticate = bearerApiKey;
}
