import { CLOSE_OAUTH_CLIENT } from '../../sandbox/close/data';
import { issueCloseToken } from '../../sandbox/close/provider';
import { requestsTo, useSandbox } from '../harness/sandbox';
import { runNode } from '../harness/runNode';

const sandbox = useSandbox();

function oauthCredentials(token: { access_token: string; refresh_token: string }) {
	return {
		closePhoneNumbersOAuth2Api: {
			clientId: CLOSE_OAUTH_CLIENT.clientId,
			clientSecret: CLOSE_OAUTH_CLIENT.clientSecret,
			authUrl: `${sandbox().url}/oauth2/authorize/`,
			accessTokenUrl: `${sandbox().url}/oauth2/token/`,
			scope: 'all.full_access offline_access',
			authentication: 'body',
			grantType: 'authorizationCode',
			oauthTokenData: { ...token, token_type: 'Bearer' },
			baseUrl: sandbox().url,
		},
	};
}

function groupNumber() {
	return sandbox().state.close.phoneNumbers.find((n) => n.is_group_number)!;
}

function updateWith(credentials: ReturnType<typeof oauthCredentials>, label: string) {
	return runNode({
		node: 'close',
		parameters: {
			authentication: 'oAuth2',
			resource: 'phoneNumber',
			operation: 'update',
			phoneNumber: { __rl: true, mode: 'id', value: groupNumber().id },
			updateFields: { label },
		},
		credentials,
	});
}

describe('Close: OAuth2', () => {
	it('sends the access token as Bearer', async () => {
		const token = issueCloseToken(sandbox().state.close);
		const result = await updateWith(oauthCredentials(token), 'Via OAuth');
		expect(result.error).toBeUndefined();
		const [sent] = requestsTo(sandbox(), 'close');
		expect(sent.headers.authorization).toBe(`Bearer ${token.access_token}`);
		expect(groupNumber().label).toBe('Via OAuth');
	});

	it('refreshes an expired access token and goes through', async () => {
		const token = issueCloseToken(sandbox().state.close);
		sandbox().state.close.tokens.find((t) => t.accessToken === token.access_token)!.expiresAt = 0;

		const result = await updateWith(oauthCredentials(token), 'After refresh');

		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ label: 'After refresh' });
		const sent = requestsTo(sandbox(), 'close');
		expect(sent.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			`PUT /api/v1/phone_number/${groupNumber().id}/ 401`,
			'POST /oauth2/token/ 200',
			`PUT /api/v1/phone_number/${groupNumber().id}/ 200`,
		]);
		const refreshed = result.credentials.savedTokens.closePhoneNumbersOAuth2Api?.oauthTokenData as { access_token: string };
		expect(refreshed.access_token).not.toBe(token.access_token);
		expect(sent[2].headers.authorization).toBe(`Bearer ${refreshed.access_token}`);
	});

	it('surfaces a revoked grant as a clear 401 that says to reconnect, without tokens in it', async () => {
		const token = issueCloseToken(sandbox().state.close);
		for (const t of sandbox().state.close.tokens) if (t.accessToken === token.access_token) t.revoked = true;

		const result = await updateWith(oauthCredentials(token), 'Never');

		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.description).toContain('Reconnect');
		const text = JSON.stringify(result.error);
		expect(text).not.toContain(token.access_token);
		expect(text).not.toContain(token.refresh_token);
		expect(text).not.toContain(CLOSE_OAUTH_CLIENT.clientSecret);
		expect(groupNumber().label).not.toBe('Never');
	});
});
