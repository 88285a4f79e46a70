import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { originOverride } from './baseUrl';
import { ApiClient } from './client';
import { requireCredentialText } from './credentialData';
import type { ProviderProfile, RetryPolicy } from './types';

/** What a provider whose credential is one API key says about its API. */
export interface ApiKeyApi {
	provider: ProviderProfile;
	credential: { type: string; name: string };
	/** The provider's own origin (`https://api.example.com`); the credential's hidden Base URL may replace it (loopback only). */
	origin: string;
	/** The API's path under the origin (`/v2`), if any. */
	path?: string;
}

/**
 * A client for a provider whose credential holds one API key (sent by the credential's own
 * `authenticate`): the key is required, masked wherever it shows, and the hidden Base URL replaces
 * the origin only where the loopback rule allows.
 */
export async function apiKeyClient(ctx: IExecuteFunctions | ILoadOptionsFunctions, policy: RetryPolicy, api: ApiKeyApi): Promise<ApiClient> {
	const data = await ctx.getCredentials(api.credential.type);
	const apiKey = requireCredentialText(ctx.getNode(), 'API Key', data.apiKey);
	return new ApiClient(ctx, {
		provider: api.provider,
		credentialType: api.credential.type,
		credentialName: api.credential.name,
		baseUrl: `${originOverride(ctx.getNode(), data.baseUrl) ?? api.origin}${api.path ?? ''}`,
		policy,
		secrets: [apiKey],
	});
}
