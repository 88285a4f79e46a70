import type { IAuthenticateGeneric, ICredentialType, INodeProperties } from 'n8n-workflow';

import { loopbackBaseUrl } from '../nodes/shared/descriptions/credentialFields';

export class TwilioPhoneNumbersApi implements ICredentialType {
	name = 'twilioPhoneNumbersApi';

	displayName = 'Twilio Phone Numbers API';

	icon = { light: 'file:../icons/twilio.svg', dark: 'file:../icons/twilio.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-phone-numbers/n8n-nodes-phone-numbers/blob/main/docs/reference.md#twilio';

	properties: INodeProperties[] = [
		{
			displayName: 'Account SID',
			name: 'accountSid',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. AC0123456789abcdef0123456789abcdef',
			description: 'Twilio Console → Account Info. Numbers are read and changed in this account.',
		},
		{
			displayName: 'Authenticate With',
			name: 'authType',
			type: 'options',
			options: [
				{ name: 'Auth Token', value: 'authToken' },
				{ name: 'API Key', value: 'apiKey' },
			],
			default: 'authToken',
		},
		{
			displayName: 'Auth Token',
			name: 'authToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authType: ['authToken'] } },
			description: 'Twilio Console → Account Info → Auth Token',
		},
		{
			displayName: 'API Key SID',
			name: 'apiKeySid',
			type: 'string',
			default: '',
			placeholder: 'e.g. SK0123456789abcdef0123456789abcdef',
			displayOptions: { show: { authType: ['apiKey'] } },
			description: 'Twilio Console → Account → API keys & tokens (a Standard key is enough)',
		},
		{
			displayName: 'API Key Secret',
			name: 'apiKeySecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authType: ['apiKey'] } },
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{ name: 'United States (US1)', value: 'us1', description: 'api.twilio.com' },
				{ name: 'Ireland (IE1)', value: 'ie1', description: 'api.dublin.ie1.twilio.com' },
				{ name: 'Australia (AU1)', value: 'au1', description: 'api.sydney.au1.twilio.com' },
				{ name: 'Japan (JP1)', value: 'jp1', description: 'api.tokyo.jp1.twilio.com' },
			],
			default: 'us1',
			description: "The region the account's credentials belong to (Twilio Console → Account → Region): a credential is refused in any other region",
		},
		{
			displayName: 'Edge',
			name: 'edge',
			type: 'options',
			options: [
				{ name: "The Region's Default", value: '' },
				{ name: 'Ashburn', value: 'ashburn' },
				{ name: 'Dublin', value: 'dublin' },
				{ name: 'Frankfurt', value: 'frankfurt' },
				{ name: 'São Paulo', value: 'sao-paulo' },
				{ name: 'Singapore', value: 'singapore' },
				{ name: 'Sydney', value: 'sydney' },
				{ name: 'Tokyo', value: 'tokyo' },
				{ name: 'Umatilla', value: 'umatilla' },
			],
			default: '',
			description: "Where requests enter Twilio's network (api.{edge}.{region}.twilio.com). Leave the default unless Twilio told you to use another edge.",
		},
		loopbackBaseUrl,
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{ $credentials.authType === "apiKey" ? $credentials.apiKeySid : $credentials.accountSid }}',
				password: '={{ $credentials.authType === "apiKey" ? $credentials.apiKeySecret : $credentials.authToken }}',
			},
		},
	};
}
