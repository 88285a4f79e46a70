import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { apiKeyField, bearerApiKey, loopbackBaseUrl } from '../nodes/shared/descriptions/credentialFields';

/** Tested by the Retell AI node (`testedBy`): a refused Base URL is answered without sending anything. */
export class RetellPhoneNumbersApi implements ICredentialType {
	name = 'retellPhoneNumbersApi';

	displayName = 'Retell AI Phone Numbers API';

	icon = { light: 'file:../icons/retell.svg', dark: 'file:../icons/retell.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-phone-numbers/n8n-nodes-phone-numbers/blob/main/docs/reference.md#retell-ai';

	properties: INodeProperties[] = [apiKeyField('Retell AI dashboard → Settings → API Keys'), loopbackBaseUrl];

	authenticate = bearerApiKey;
}
