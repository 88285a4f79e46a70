import type { IAuthenticateGeneric, INodeProperties } from 'n8n-workflow';

/**
 * Every credential's hidden Base URL. Empty: the provider's real API. Set only by importing
 * credential data (the sandbox, tests): a loopback origin such as http://127.0.0.1:4010 that
 * replaces the provider's host; anything else is refused before a request is sent
 * (`transport/baseUrl.ts`).
 */
export const loopbackBaseUrl: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'hidden',
	default: '',
};

/** The API Key field of Close, Synthflow and Telnyx: a required password field; `description` says where to find it. */
export function apiKeyField(description: string, placeholder?: string): INodeProperties {
	return {
		displayName: 'API Key',
		name: 'apiKey',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		...(placeholder ? { placeholder } : {}),
		description,
	};
}

/** An API key sent as `Authorization: Bearer …` (Synthflow, Telnyx). */
export const bearerApiKey: IAuthenticateGeneric = {
	type: 'generic',
	properties: {
		headers: {
			Authorization: '=Bearer {{$credentials.apiKey}}',
		},
	},
};
