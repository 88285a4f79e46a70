import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { loopbackBaseUrl } from '../nodes/shared/descriptions/credentialFields';
import { LOOPBACK_ORIGIN } from '../nodes/shared/transport/baseUrl';

/**
 * Close's OAuth URL, or `path` on the hidden Base URL when (and only when) that is a loopback
 * origin: the same rule as every other use of `baseUrl`, so "Connect" never posts the client secret
 * or the authorization code to another host. n8n resolves it as an expression (`$self`).
 */
function loopbackOrElse(path: string, closeUrl: string): string {
	const given = 'String($self.baseUrl || "").trim().replace(/\\/$/, "")';
	return `={{ ${given}.length <= 200 && /${LOOPBACK_ORIGIN.source}/i.test(${given}) ? ${given} + ${JSON.stringify(path)} : ${JSON.stringify(closeUrl)} }}`;
}

export class ClosePhoneNumbersOAuth2Api implements ICredentialType {
	name = 'closePhoneNumbersOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Close Phone Numbers OAuth2 API';

	icon = { light: 'file:../icons/close.svg', dark: 'file:../icons/close.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-phone-numbers/n8n-nodes-phone-numbers/blob/main/docs/reference.md#close-oauth2';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: loopbackOrElse('/oauth2/authorize/', 'https://app.close.com/oauth2/authorize/'),
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: loopbackOrElse('/oauth2/token/', 'https://api.close.com/oauth2/token/'),
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: 'all.full_access offline_access',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
		loopbackBaseUrl,
	];
}
