/**
 * Issues 29 and 37: the credential "Test" button, as n8n 2.x runs it (the node's `testedBy` method in
 * n8n-core's CredentialTestContext). A Base URL that is not a loopback origin is answered at once
 * and nothing is sent; a loopback one reaches the sandbox, which tells a good credential from a bad
 * one; redirects are not followed; the answer's text is masked. Close's OAuth2 URLs follow the same
 * rule, resolved by n8n's expression engine.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { CLOSE_KEYS } from '../../sandbox/close/data';
import { SIGNALWIRE_PROJECT } from '../../sandbox/signalwire/data';
import { SYNTHFLOW_KEYS } from '../../sandbox/synthflow/data';
import { TELNYX_KEYS } from '../../sandbox/telnyx/data';
import { TWILIO_ACCOUNT } from '../../sandbox/twilio/data';
import { useSandbox } from '../harness/sandbox';
import { resolveCredentialField, testCredential } from '../harness/runNode';

const sandbox = useSandbox();

const GOOD: Array<[string, ICredentialDataDecryptedObject, ICredentialDataDecryptedObject]> = [
	['closePhoneNumbersApi', { apiKey: CLOSE_KEYS.adminA }, { apiKey: 'api_WrongWrongWrongWrong01' }],
	['synthflowPhoneNumbersApi', { apiKey: SYNTHFLOW_KEYS.main, region: 'eu' }, { apiKey: 'WrongWrongWrongWrongWrong', region: 'eu' }],
	['signalWirePhoneNumbersApi', { space: SIGNALWIRE_PROJECT.space, projectId: SIGNALWIRE_PROJECT.projectId, apiToken: SIGNALWIRE_PROJECT.apiToken }, { space: SIGNALWIRE_PROJECT.space, projectId: SIGNALWIRE_PROJECT.projectId, apiToken: 'PTwrongwrongwrongwrong' }],
	['twilioPhoneNumbersApi', { accountSid: TWILIO_ACCOUNT.accountSid, authType: 'authToken', authToken: TWILIO_ACCOUNT.authToken }, { accountSid: TWILIO_ACCOUNT.accountSid, authType: 'authToken', authToken: 'wrongwrongwrongwrongwrong' }],
	['twilioPhoneNumbersApi', { accountSid: TWILIO_ACCOUNT.accountSid, authType: 'apiKey', apiKeySid: TWILIO_ACCOUNT.apiKeySid, apiKeySecret: TWILIO_ACCOUNT.apiKeySecret }, { accountSid: TWILIO_ACCOUNT.accountSid, authType: 'apiKey', apiKeySid: TWILIO_ACCOUNT.apiKeySid, apiKeySecret: 'wrongwrongwrongwrongwrong' }],
	['telnyxPhoneNumbersApi', { apiKey: TELNYX_KEYS.main }, { apiKey: 'KEYWRONGWRONGWRONGWRONG_wrong' }],
];

const REFUSED = [
	'https://evil.example',
	'http://127.0.0.1:4010@evil.example',
	'http://10.0.0.5:4010',
	'http://127.0.0.1:4010/path',
	'http://localhost.evil.example',
	`http://127.0.0.1:4010${'/'.repeat(50_000)}`,
];

describe.each(GOOD)('%s', (type, good, bad) => {
	it('a good credential tests OK against a loopback Base URL; a wrong secret is an error that does not show it', async () => {
		expect(await testCredential(type, { ...good, baseUrl: sandbox().url })).toEqual({ status: 'OK', message: 'Connection successful' });
		const refused = await testCredential(type, { ...bad, baseUrl: `${sandbox().url}/` });
		expect(refused.status).toBe('Error');
		expect(refused.message).toMatch(/answered 40[13]/);
		for (const value of Object.values(bad)) if (typeof value === 'string' && /wrong/i.test(value)) expect(refused.message).not.toContain(value.slice(0, 8));
	});

	it('a Base URL that is not a loopback origin: an error that says so, and nothing is sent', async () => {
		for (const baseUrl of REFUSED) {
			const result = await testCredential(type, { ...good, baseUrl });
			expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/Base URL must be a loopback origin.*Nothing was sent/) });
		}
		expect(sandbox().requests).toHaveLength(0);
	});

	it('a redirect is not followed: the credential stays home', async () => {
		sandbox().faults.add({ kind: 'redirect', status: 302 });
		const result = await testCredential(type, { ...good, baseUrl: sandbox().url });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/answered 302, a redirect: it was not followed/);
		expect(sandbox().requests.filter((r) => r.path.startsWith('/stolen'))).toHaveLength(0);
	});
});

describe('credential data the nodes refuse is refused by the test too, before sending', () => {
	it.each([
		['closePhoneNumbersApi', { apiKey: `${CLOSE_KEYS.adminA}\r\nX-Evil: 1` }, /control character/],
		['telnyxPhoneNumbersApi', { apiKey: 'KEYпривет_1234567890' }, /not plain ASCII/],
		['synthflowPhoneNumbersApi', { apiKey: SYNTHFLOW_KEYS.main, region: '__proto__' }, /Region "__proto__" is not one of/],
		['signalWirePhoneNumbersApi', { space: 'evil.example', projectId: 'p', apiToken: 't' }, /Space is not valid/],
		['twilioPhoneNumbersApi', { accountSid: 'AC123', authToken: 't' }, /Account SID is not valid/],
		['twilioPhoneNumbersApi', { accountSid: TWILIO_ACCOUNT.accountSid, authToken: 't', region: 'xx9' }, /Region "xx9"/],
	])('%s %j', async (type, data, message) => {
		const result = await testCredential(type, data as ICredentialDataDecryptedObject);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(message);
		expect(result.message).toMatch(/Nothing was sent/);
	});
});

describe("Close OAuth2: the Authorization and Access Token URLs follow the Base URL rule", () => {
	it.each(['authUrl', 'accessTokenUrl'])('%s', (field) => {
		const real = field === 'authUrl' ? 'https://app.close.com/oauth2/authorize/' : 'https://api.close.com/oauth2/token/';
		const path = field === 'authUrl' ? '/oauth2/authorize/' : '/oauth2/token/';
		expect(resolveCredentialField('closePhoneNumbersOAuth2Api', field, {})).toBe(real);
		expect(resolveCredentialField('closePhoneNumbersOAuth2Api', field, { baseUrl: 'http://127.0.0.1:4010' })).toBe(`http://127.0.0.1:4010${path}`);
		for (const baseUrl of REFUSED) {
			expect(resolveCredentialField('closePhoneNumbersOAuth2Api', field, { baseUrl })).toBe(real);
		}
	});
});

