import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { loopbackBaseUrl } from '../nodes/shared/descriptions/credentialFields';
import { credentialTestBaseUrl } from '../nodes/shared/transport/baseUrl';

export class TwilioPhoneNumbersApi implements ICredentialType {
	name = 'twilioPhoneNumbersApi';

	displayName = 'Twilio Phone Numbers API';

	icon = { light: 'file:../icons/twilio.svg', dark: 'file:../icons/twilio.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-phone-numbers/n8n-nodes-phone-numbers#twilio';

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

	// Standard API keys cannot read /Accounts/{AC}.json: the test lists one number instead.
	test: ICredentialTestRequest = {
		request: {
			baseURL: credentialTestBaseUrl('"https://api.twilio.com"'),
			url: '=/2010-04-01/Accounts/{{ encodeURIComponent(String($credentials.accountSid).trim()) }}/IncomingPhoneNumbers.json',
			qs: { PageSize: 1 },
			disableFollowRedirect: true,
		},
	};
}
